import { describe, expect, it } from 'vitest';
import { formatMegabytes, keptResponse } from '../../../src/core/response/kept.ts';
import type { ResponseRecord } from '../../../src/core/model/response.ts';

const record = (body: Uint8Array | null): ResponseRecord => ({
  status: 200,
  reasonPhrase: 'OK',
  headers: [['Content-Type', 'text/plain']],
  via: 'proxy',
  timings: {},
  redirects: [],
  url: 'http://a.test/x',
  body,
  totalMs: 12,
  sizeBytes: body?.byteLength ?? 0,
});
const req = { method: 'GET', url: 'http://a.test/x' };

describe('kept responses', () => {
  it('keeps a body up to and including the limit', () => {
    const r = record(new Uint8Array(10));
    expect(keptResponse(req, r, 7, 10)).toEqual({ v: 1, at: 7, ...req, response: r, bodyNotKept: null });
    expect(keptResponse(req, record(null), 7, 0).bodyNotKept).toBe(null);
  });

  it('drops a larger body, keeps the rest and says why', () => {
    const r = record(new Uint8Array(12 * 1024 * 1024));
    const kept = keptResponse(req, r, 7, 5 * 1024 * 1024);
    expect(kept.response).toEqual({ ...r, body: null });
    expect(kept.response.sizeBytes).toBe(12 * 1024 * 1024);
    expect(kept.bodyNotKept).toBe('body not kept (12 MB > 5 MB limit)');
    expect(r.body).not.toBe(null);
  });

  it('formats MB with one decimal below 10', () => {
    expect(formatMegabytes(5 * 1024 * 1024)).toBe('5 MB');
    expect(formatMegabytes(512 * 1024)).toBe('0.5 MB');
    expect(formatMegabytes(12.4 * 1024 * 1024)).toBe('12 MB');
    expect(formatMegabytes(0)).toBe('0 MB');
  });
});
