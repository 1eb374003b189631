/**
 * A discrete-event clock for the load run loop: time moves only when every pending callback has
 * run, straight to the next timer, so a simulated test takes no real time and gives exact ms.
 */
import type { LoadClock } from '../../../src/core/load/run-loop.ts';

export class VirtualClock implements LoadClock {
  private t = 0;
  private timers: { at: number; seq: number; wake: () => void }[] = [];
  private seq = 0;

  now(): number {
    return this.t;
  }

  sleepUntil(atMs: number): Promise<void> {
    if (atMs <= this.t) return Promise.resolve();
    return new Promise((wake) => this.timers.push({ at: atMs, seq: this.seq++, wake }));
  }

  /** Runs `work` to its end, advancing time from timer to timer whenever nothing else can run. */
  async run<T>(work: Promise<T>): Promise<T> {
    let done = false;
    void work.then(
      () => (done = true),
      () => (done = true),
    );
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (done) return work;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift();
      if (!next) throw new Error('The simulated run is stuck: nothing pending and no timer.');
      this.t = next.at;
      next.wake();
    }
  }
}
