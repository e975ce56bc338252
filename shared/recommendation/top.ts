/**
 * "Advance the top N" with ties never broken by row order: when entries tied with the N-th also
 * fall past the cut, all of them are set aside for a decision and only those strictly above advance.
 */
export interface TopN<T> {
  advanced: T[];
  tied: T[];
  rest: T[];
}

export function topN<T>(items: readonly T[], n: number, compareDesc: (a: T, b: T) => number): TopN<T> {
  const sorted = [...items].sort(compareDesc);
  if (sorted.length <= n) return { advanced: sorted, tied: [], rest: [] };
  if (n <= 0) return { advanced: [], tied: [], rest: sorted };
  const last = sorted[n - 1]!;
  const next = sorted[n]!;
  if (compareDesc(last, next) !== 0) return { advanced: sorted.slice(0, n), tied: [], rest: sorted.slice(n) };
  const tiedWithCut = (x: T) => compareDesc(x, last) === 0;
  return {
    advanced: sorted.filter((x) => compareDesc(x, last) < 0),
    tied: sorted.filter(tiedWithCut),
    rest: sorted.filter((x) => compareDesc(x, last) > 0),
  };
}
