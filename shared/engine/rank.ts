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
