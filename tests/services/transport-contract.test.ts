/** What both transports promise alike, against Parley's real server and echo (loopback only). */
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { delayEvents } from '../../server/echo/routes.ts';
import type { ResponseHead } from '../../src/core/model/response.ts';
import {
  CANCELLED_BEFORE_HEAD,
  CANCELLED_DURING_CONTENT,
  SendError,
  type SendProgress,
} from '../../src/services/transport.ts';
import { decodeEcho, freshSignal, transportFor, useEchoServer } from './transport-fixtures.ts';

const echo = useEchoServer();

describe.each(['direct', 'proxy'] as const)('%s transport', (kind) => {
  const transport = () => transportFor(kind, echo.server);

  it('sends the content bytes and header fields, and reads the response', async () => {
    const body = new TextEncoder().encode('{"name":"Zoë 😀"}');
    const progress: SendProgress[] = [];
    const res = await transport().send(
      echo.request({
        method: 'POST',
        body,
        headers: [{ name: 'Content-Type', value: 'application/json', source: 'body' }],
      }),
      { signal: freshSignal(), onProgress: (p) => progress.push(p) },
    );
    expect([res.status, res.reasonPhrase, res.via]).toEqual([200, 'OK', kind]);
    const reply = decodeEcho(res.body);
    expect(reply.body.size).toBe(20);
    expect(Buffer.from(reply.body.base64, 'base64').toString('utf8')).toBe('{"name":"Zoë 😀"}');
    expect(reply.headers.find(([n]) => n.toLowerCase() === 'content-length')?.[1]).toBe('20');
    expect(res.sizeBytes).toBe(res.body?.byteLength);
    expect(progress.at(-1)).toEqual({ receivedBytes: res.sizeBytes, totalBytes: res.sizeBytes });
  });

  it('records no content for HEAD, 204 and 304 (RFC 9112 §6.3)', async () => {
    const head = await transport().send(echo.request({ method: 'HEAD' }), { signal: freshSignal() });
    expect([head.status, head.body, head.sizeBytes]).toEqual([200, null, 0]);
    for (const status of [204, 304]) {
      const res = await transport().send(echo.request({ url: `${echo.server.url}/echo/status/${status}` }), {
        signal: freshSignal(),
      });
      expect([res.status, res.body]).toEqual([status, null]);
    }
  });

  it('announces the head before the content: a cancel then says the content was discarded', async () => {
    // head=now: status and header fields at once, the content only after 60 s — so the head
    // can only have been announced before the content arrived.
    const target = '/echo/delay/60000?head=now';
    const controller = new AbortController();
    const heads: ResponseHead[] = [];
    const abandoned = once(delayEvents, 'abandoned');
    const err = await transport()
      .send(echo.request({ url: `${echo.server.url}${target}` }), {
        signal: controller.signal,
        onHead: (head) => {
          heads.push(head);
          controller.abort();
        },
      })
      .catch((e: unknown) => e);
    expect(heads.map((h) => [h.status, h.reasonPhrase, h.via])).toEqual([[200, 'OK', kind]]);
    expect(heads[0]!.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1]).toBe(
      'application/json; charset=utf-8',
    );
    expect(err).toBeInstanceOf(SendError);
    expect([(err as SendError).kind, (err as SendError).message]).toEqual(['cancelled', CANCELLED_DURING_CONTENT]);
    expect(await abandoned).toEqual([target]);
  });

  it('cancels before the head: "no response was received", and onHead is never called', async () => {
    const target = '/echo/delay/30000';
    const controller = new AbortController();
    const waiting = once(delayEvents, 'waiting');
    const heads: ResponseHead[] = [];
    const pending = transport().send(echo.request({ url: `${echo.server.url}${target}` }), {
      signal: controller.signal,
      onHead: (h) => heads.push(h),
    });
    expect(await waiting).toEqual([target]);
    controller.abort();
    const err = await pending.catch((e: unknown) => e);
    expect([(err as SendError).kind, (err as SendError).message]).toEqual(['cancelled', CANCELLED_BEFORE_HEAD]);
    expect(heads).toEqual([]);
  });
});
