/**
 * Tie-sharing trimming (spec section 4.2) over one (cadre, rater group).
 * Ballots with equal totals form a bucket; walking in from an edge, a bucket whose remaining
 * weight W fits in what must still go (r) goes whole, otherwise each of its ballots keeps
 * (1 - r/W) of its weight. Because the first partial bucket stops the walk, every bucket's
 * kept weight is a whole number of ballots' worth: `kept` below is an integer and each ballot
 * of the bucket keeps kept/size. No row order enters.
 */
export interface Bucket {
  total: number;
  /** Positions of its ballots in the caller's order. */
  start: number;
  size: number;
  kept: number;
}

/** `order` must list the group's ballots by ascending total. */
export function trimBuckets(order: ArrayLike<number>, totals: ArrayLike<number>, high: number, low: number): Bucket[] {
  const buckets: Bucket[] = [];
  for (let i = 0; i < order.length;) {
    const total = totals[order[i]!]!;
    let j = i + 1;
    while (j < order.length && totals[order[j]!] === total) j++;
    buckets.push({ total, start: i, size: j - i, kept: j - i });
    i = j;
  }
  let r = high;
  for (let b = buckets.length - 1; b >= 0 && r > 0; b--) r = take(buckets[b]!, r);
  r = low;
  for (let b = 0; b < buckets.length && r > 0; b++) r = take(buckets[b]!, r);
  return buckets;
}

/**
 * The same walk as trimBuckets without sorting: only the buckets it touches (the edges) are found,
 * by repeated min/max scans, and moved to the ends of `idx` (reordered in place) so each bucket is
 * the run idx[start .. start + size). Every other ballot keeps its whole weight. O(count x touched).
 * Requires count > high + low (as `trims` guarantees): the low walk then never needs a bucket the
 * high walk emptied, only possibly the one it left partial, continuing from its remaining weight.
 */
export function trimEdges(idx: number[], totals: ArrayLike<number>, high: number, low: number): Bucket[] {
  const touched: Bucket[] = [];
  let lo = 0;
  let hi = idx.length; // the untouched ballots are idx[lo .. hi)
  let partialHigh: Bucket | undefined;
  for (let r = high; r > 0 && hi > lo;) {
    let best = -Infinity;
    for (let k = lo; k < hi; k++) if (totals[idx[k]!]! > best) best = totals[idx[k]!]!;
    let start = hi;
    for (let k = hi - 1; k >= lo; k--) if (totals[idx[k]!] === best) swap(idx, k, --start);
    const bucket = { total: best, start, size: hi - start, kept: hi - start };
    r = take(bucket, r);
    touched.push(bucket);
    if (bucket.kept > 0) partialHigh = bucket;
    hi = start;
  }
  for (let r = low; r > 0;) {
    if (lo === hi) {
      if (partialHigh) take(partialHigh, r);
      break;
    }
    let best = Infinity;
    for (let k = lo; k < hi; k++) if (totals[idx[k]!]! < best) best = totals[idx[k]!]!;
    let end = lo;
    for (let k = lo; k < hi; k++) if (totals[idx[k]!] === best) swap(idx, k, end++);
    const bucket = { total: best, start: lo, size: end - lo, kept: end - lo };
    r = take(bucket, r);
    touched.push(bucket);
    lo = end;
  }
  return touched;
}

function swap(xs: number[], a: number, b: number): void {
  const t = xs[a]!;
  xs[a] = xs[b]!;
  xs[b] = t;
}

function take(bucket: Bucket, r: number): number {
  const w = bucket.kept;
  if (w <= r) {
    bucket.kept = 0;
    return r - w;
  }
  bucket.kept = w - r;
  return 0;
}

/** Whether the policy trims a group of `count` valid ballots. */
export const trims = (count: number, t: { minBallots: number; high: number; low: number }): boolean =>
  t.high + t.low > 0 && count >= t.minBallots && count > t.high + t.low;
