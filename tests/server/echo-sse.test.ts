/** /echo/sse: the ticker's exact octets, and ids carried on from Last-Event-ID. */
import { describe, expect, it } from 'vitest';
import { rawRequest, useTestServer } from './helpers.ts';

const t = useTestServer();

describe('/echo/sse', () => {
  it('sends a comment, retry, then n events with counting ids, and ends', async () => {
    const res = await rawRequest(`http://${t.host}/echo/sse?n=3&interval=0&retry=1500&event=tick`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(res.body.toString()).toBe(
      ': parley sse ticker, 3 events after id 0\nretry: 1500\n\n' +
        'id: 1\nevent: tick\ndata: tick 1\n\n' +
        'id: 2\nevent: tick\ndata: tick 2\n\n' +
        'id: 3\nevent: tick\ndata: tick 3\n\n',
    );
  });

  it('counts on after the Last-Event-ID request header', async () => {
    const res = await rawRequest(`http://${t.host}/echo/sse?n=2&interval=0`, {
      headers: [
        ['Host', t.host],
        ['Last-Event-ID', '41'],
      ],
    });
    expect(res.body.toString()).toBe(
      ': parley sse ticker, 2 events after id 41\n\nid: 42\ndata: tick 42\n\nid: 43\ndata: tick 43\n\n',
    );
  });

  it('answers 400 with a sentence for a bad n', async () => {
    const res = await rawRequest(`http://${t.host}/echo/sse?n=-1`);
    expect(res.status).toBe(400);
    expect(res.body.toString()).toContain('n must be a whole number from 0 to 10000.');
  });
});
