import { ApiError } from "./errors.ts";

/**
 * Collects the calls of one recalculation into one request: it waits until calls stop arriving for
 * windowMs (Excel may deliver a recalculation's calls in several bursts), but never longer than
 * maxWaitMs after the first call.
 * Each caller gets its own item's result; a failed, slow or unreachable request falls back
 * to a local answer, so no caller ever waits longer than the timeout.
 */
export interface BatcherOptions<I, O> {
  /** Sends up to maxItems items; resolves with one output per item, in order. */
  send(items: I[], signal: AbortSignal): Promise<O[]>;
  /** The local answer per item when sending failed; an Error rejects that caller only. */
  fallback(items: I[], why: unknown): (O | Error)[];
  /** Quiet time after the last call before sending (default 20 ms). */
  windowMs?: number;
  /** Longest wait after the first call of a batch (default 250 ms). */
  maxWaitMs?: number;
  maxItems?: number;
  timeoutMs?: number;
}

export type Batched<I, O> = ((item: I) => Promise<O>) & { flush(): void };

interface Pending<I, O> {
  item: I;
  resolve(value: O): void;
  reject(error: Error): void;
}

export function createBatcher<I, O>(opts: BatcherOptions<I, O>): Batched<I, O> {
  const windowMs = opts.windowMs ?? 20;
  const maxWaitMs = Math.max(windowMs, opts.maxWaitMs ?? 250);
  const maxItems = opts.maxItems ?? 10_000;
  const timeoutMs = opts.timeoutMs ?? 5000;
  let queue: Pending<I, O>[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAt = 0;
  let lastAt = 0;

  const settleLocally = (batch: Pending<I, O>[], why: unknown) => {
    let outs: (O | Error)[];
    try {
      outs = opts.fallback(
        batch.map((p) => p.item),
        why,
      );
    } catch (e) {
      outs = batch.map(() => (e instanceof Error ? e : new Error(String(e))));
    }
    batch.forEach((p, i) => {
      const out = outs[i];
      if (out instanceof Error) p.reject(out);
      else p.resolve(out as O);
    });
  };

  const dispatch = (batch: Pending<I, O>[]) => {
    const controller = new AbortController();
    let settled = false;
    // The guard settles every caller even if send ignores the abort signal.
    const guard = setTimeout(() => {
      if (settled) return;
      settled = true;
      controller.abort();
      settleLocally(batch, ApiError.of("timeout"));
    }, timeoutMs);
    let sent: Promise<O[]>;
    try {
      sent = opts.send(
        batch.map((p) => p.item),
        controller.signal,
      );
    } catch (e) {
      sent = Promise.reject(e);
    }
    sent.then(
      (outs) => {
        if (settled) return;
        settled = true;
        clearTimeout(guard);
        if (outs.length !== batch.length) return settleLocally(batch, ApiError.of("bad_response"));
        batch.forEach((p, i) => p.resolve(outs[i]!));
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(guard);
        settleLocally(batch, error);
      },
    );
  };

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const all = queue;
    queue = [];
    for (let i = 0; i < all.length; i += maxItems) dispatch(all.slice(i, i + maxItems));
  };

  // One timer per batch (not one per call): when it fires, it sends if the window has been quiet or the cap is reached.
  const tick = () => {
    const due = Math.min(lastAt + windowMs, firstAt + maxWaitMs);
    const now = Date.now();
    if (now >= due) flush();
    else timer = setTimeout(tick, due - now);
  };

  const call = (item: I) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (queue.length >= maxItems) return flush();
      lastAt = Date.now();
      if (timer === undefined) {
        firstAt = lastAt;
        timer = setTimeout(tick, windowMs);
      }
    });
  return Object.assign(call, { flush });
}
