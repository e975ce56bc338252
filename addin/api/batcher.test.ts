import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBatcher } from "./batcher.ts";

/** The batching window on fake timers: Excel delivers one recalculation's calls in bursts, not all at once. */

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function countingBatcher(opts: { windowMs?: number; maxWaitMs?: number } = {}) {
  const sends: number[][] = [];
  const batch = createBatcher<number, number>({
    send: async (items) => {
      sends.push(items);
      return items.map((i) => i * 2);
    },
    fallback: (items) => items.map(() => -1),
    ...opts,
  });
  return { batch, sends };
}

describe("the batcher waits until calls stop arriving", () => {
  it("sends 1,000 calls arriving in 10 bursts of 100, 12 ms apart, as one request (default window)", async () => {
    const { batch, sends } = countingBatcher();
    const all: Promise<number>[] = [];
    for (let burst = 0; burst < 10; burst++) {
      for (let k = 0; k < 100; k++) all.push(batch(burst * 100 + k));
      await vi.advanceTimersByTimeAsync(12);
    }
    await vi.advanceTimersByTimeAsync(20);
    const answers = await Promise.all(all);
    expect(sends.length).toBe(1);
    expect(sends[0]).toHaveLength(1000);
    // Each caller gets its own item's answer, in order.
    expect(answers[0]).toBe(0);
    expect(answers[999]).toBe(1998);
  });

  it("does not send while calls keep coming within 20 ms, and sends 20 ms after the last one", async () => {
    const { batch, sends } = countingBatcher();
    void batch(1);
    await vi.advanceTimersByTimeAsync(15);
    void batch(2);
    await vi.advanceTimersByTimeAsync(15); // 30 ms after the first call, 15 after the last
    expect(sends.length).toBe(0);
    await vi.advanceTimersByTimeAsync(5);
    expect(sends).toEqual([[1, 2]]);
  });

  it("never waits longer than 250 ms after the first call when calls never stop", async () => {
    const { batch, sends } = countingBatcher();
    // A call every 10 ms for 600 ms: the quiet window never comes, the cap sends at 250 ms and 500 ms (after each batch's first call).
    for (let t = 0; t < 600; t += 10) {
      void batch(t);
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(20);
    expect(sends.length).toBe(3);
    // First batch: calls at 0, 10, … 240 ms (25 calls) go out at 250 ms.
    expect(sends[0]).toHaveLength(25);
    expect(sends.flat()).toHaveLength(60);
  });
});
