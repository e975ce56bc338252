import { cmp, type Rational } from "../rational.ts";

/** Competition ranking (1, 2, 2, 4) by exact value, descending; null values are unranked. */
export function competitionRanks(values: readonly (Rational | null)[]): (number | null)[] {
  const order = values
    .map((v, i) => ({ v, i }))
    .filter((x): x is { v: Rational; i: number } => x.v !== null)
    .sort((a, b) => cmp(b.v, a.v));
  const ranks: (number | null)[] = values.map(() => null);
  order.forEach((x, k) => {
    const prev = order[k - 1];
    ranks[x.i] = prev && cmp(prev.v, x.v) === 0 ? ranks[prev.i]! : k + 1;
  });
  return ranks;
}

/**
 * Competition ranks over everything and within each category, from one sort: walking the overall
 * order, each category's members appear in its own order too.
 */
export function competitionRanksWithin(values: readonly (Rational | null)[], categoryOf: (i: number) => string): { overall: (number | null)[]; within: (number | null)[] } {
  const order = values
    .map((v, i) => ({ v, i }))
    .filter((x): x is { v: Rational; i: number } => x.v !== null)
    .sort((a, b) => cmp(b.v, a.v));
  const overall: (number | null)[] = values.map(() => null);
  const within: (number | null)[] = values.map(() => null);
  const seen = new Map<string, { count: number; last: Rational; rank: number }>();
  order.forEach((x, k) => {
    const prev = order[k - 1];
    overall[x.i] = prev && cmp(prev.v, x.v) === 0 ? overall[prev.i]! : k + 1;
    const category = categoryOf(x.i);
    const state = seen.get(category);
    if (!state) seen.set(category, { count: 1, last: x.v, rank: 1 });
    else {
      state.count++;
      if (cmp(state.last, x.v) !== 0) state.rank = state.count;
      state.last = x.v;
    }
    within[x.i] = seen.get(category)!.rank;
  });
  return { overall, within };
}
