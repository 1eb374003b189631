import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SendProgress } from '../../src/services/transport.ts';
import { throttleProgress } from '../../src/stores/response-progress.ts';

const at = (receivedBytes: number, totalBytes: number | null = null): SendProgress => ({ receivedBytes, totalBytes });

describe('throttleProgress', () => {
  let shown: SendProgress[];
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    shown = [];
  });
  afterEach(() => vi.useRealTimers());

  it('shows the first report, then at most one per step of bytes', () => {
    const line = throttleProgress((p) => shown.push(p), { stepBytes: 1000, stepMs: 100 });
    line.report(at(0));
    line.report(at(400));
    line.report(at(999));
    line.report(at(1000));
    expect(shown).toEqual([at(0), at(1000)]);
    line.stop();
  });

  it('a slow trickle still moves the line: the last report shows after the time step, even if nothing follows', () => {
    const line = throttleProgress((p) => shown.push(p), { stepBytes: 1_000_000, stepMs: 100 });
    line.report(at(0));
    line.report(at(10));
    line.report(at(20));
    expect(shown).toEqual([at(0)]);
    vi.advanceTimersByTime(100);
    expect(shown).toEqual([at(0), at(20)]);
    // A report a full step after the last one shows at once.
    vi.advanceTimersByTime(150);
    line.report(at(30));
    expect(shown).toEqual([at(0), at(20), at(30)]);
    line.stop();
  });

  it('always shows the report that completes the declared length', () => {
    const line = throttleProgress((p) => shown.push(p), { stepBytes: 1_000_000, stepMs: 100 });
    line.report(at(0, 50));
    line.report(at(50, 50));
    expect(shown).toEqual([at(0, 50), at(50, 50)]);
  });

  it('shows nothing more after stop (the send ended or was cancelled)', () => {
    const line = throttleProgress((p) => shown.push(p), { stepBytes: 1_000_000, stepMs: 100 });
    line.report(at(0));
    line.report(at(5));
    line.stop();
    vi.advanceTimersByTime(500);
    expect(shown).toEqual([at(0)]);
  });
});
