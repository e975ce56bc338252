import { cmp, type Rational } from "../rational.ts";

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Non-null values by exact value, descending. When numerator and denominator are exact doubles their
 * correctly rounded quotient is monotone in the exact value, so differing quotients already give the
 * exact order; only equal ones (or huge terms) need the BigInt cross-multiplication.
 */
function descending(values: readonly (Rational | null)[]): { v: Rational; i: number; x: number }[] {
  const entries: { v: Rational; i: number; x: number }[] = [];
  values.forEach((v, i) => {
    if (v === null) return;
    const safe = v.n <= SAFE && v.n >= -SAFE && v.d <= SAFE;
    entries.push({ v, i, x: safe ? Number(v.n) / Number(v.d) : NaN });
  });
  return entries.sort((a, b) => (a.x !== b.x && !Number.isNaN(a.x) && !Number.isNaN(b.x) ? b.x - a.x : cmp(b.v, a.v)));
}

/** Competition ranking (1, 2, 2, 4) by exact value, descending; null values are unranked. */
export function competitionRanks(values: readonly (Rational | null)[]): (number | null)[] {
  const order = descending(values);
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
export function competitionRanksWithin(
  values: readonly (Rational | null)[],
  categoryOf: (i: number) => string,
): { overall: (number | null)[]; within: (number | null)[] } {
  const order = descending(values);
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
