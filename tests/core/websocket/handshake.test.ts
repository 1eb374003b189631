import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../../src/core/model/draft.ts';
import { resolveRequest } from '../../../src/core/resolve/resolve-request.ts';
import {
  directBlocker,
  handshakeDraft,
  isWebSocketUrl,
  parseSubprotocols,
  webSocketHandshake,
} from '../../../src/core/websocket/handshake.ts';

describe('WebSocket handshake from the draft', () => {
  it('resolves auth, header rows and variables like any request, with the ws scheme kept', () => {
    const draft = parseDraft({
      method: 'POST',
      url: 'wss://{{host}}/socket',
      query: [{ id: 'q', name: 'room', value: '7', enabled: true }],
      headers: [{ id: 'h', name: 'Cookie', value: 'sid=1', enabled: true }],
      auth: { type: 'bearer', token: 'tok' },
      body: { mode: 'text', text: 'ignored' },
    });
    const result = resolveRequest(handshakeDraft(draft), { variables: { host: 'api.example.test' } });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const hs = webSocketHandshake(result.request!, 'graphql-ws, v2 v2');
    expect(hs).toEqual({
      url: 'wss://api.example.test/socket?room=7',
      headers: [
        ['Cookie', 'sid=1'],
        ['Authorization', 'Bearer tok'],
      ],
      protocols: ['graphql-ws', 'v2'],
    });
    expect(result.request!.method).toBe('GET');
    expect(result.request!.body).toBeNull();
  });

  it('says when header fields force the proxy', () => {
    expect(directBlocker({ url: 'ws://h/', headers: [], protocols: [] })).toBeNull();
    expect(
      directBlocker({
        url: 'ws://h/',
        headers: [
          ['Authorization', 'x'],
          ['Authorization', 'y'],
        ],
        protocols: [],
      }),
    ).toBe(
      "A browser WebSocket cannot send header fields (Authorization): this connection goes through Parley's proxy.",
    );
  });

  it('knows a WebSocket URL and splits subprotocols', () => {
    expect(isWebSocketUrl(' WSS://x')).toBe(true);
    expect(isWebSocketUrl('https://x')).toBe(false);
    expect(parseSubprotocols(' a,b  c,,')).toEqual(['a', 'b', 'c']);
  });
});
