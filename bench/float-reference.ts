/**
 * The engine's yardstick: a float64, one-pass scorer of the same input (weighted totals, trimmed group means,
 * renormalised composite, vote counts). It is not exact and skips validation, reasons and ranks: it is what a
 * careless implementation would cost, so bench/engine.ts can print how far the exact engine is from it.
 */
import type { BallotRow, CadreRow, Policy } from "../shared/index.ts";
import { DIMENSIONS } from "../shared/index.ts";

export function floatScore(policy: Policy, input: { cadres: CadreRow[]; ballots: BallotRow[] }): Float64Array {
  const index = new Map<string, number>();
  input.cadres.forEach((c, i) => index.set(String(c.cadreId), i));
  const groups = Object.keys(policy.raterGroups);
  const groupIndex = new Map(groups.map((g, i) => [g, i]));
  const totals: number[][][] = input.cadres.map(() => groups.map(() => []));
  const votes = new Int32Array(input.cadres.length * 2);
  for (const b of input.ballots) {
    const c = index.get(String(b.cadreId))!;
    const w = policy.posts[input.cadres[c]!.post]!.weights;
    let t = 0;
    for (const d of DIMENSIONS) t += Number(w[d]) * Number(b[d]);
    totals[c]![groupIndex.get(b.raterGroup)!]!.push(t);
    votes[c * 2]! += 1;
    if (b.gradeVote === "excellent" || b.gradeVote === "competent") votes[c * 2 + 1]! += 1;
  }
  const composite = new Float64Array(input.cadres.length);
  const { minBallots, high, low } = policy.trim;
  totals.forEach((byGroup, c) => {
    let num = 0;
    let den = 0;
    byGroup.forEach((list, g) => {
      if (list.length === 0) return;
      let kept = list;
      if (list.length >= minBallots && list.length > high + low)
        kept = list.sort((a, b) => a - b).slice(low, -high || undefined);
      const mean = kept.reduce((s, x) => s + x, 0) / kept.length;
      const weight = Number(policy.raterGroups[groups[g]!]!.weight);
      num += weight * mean;
      den += weight;
    });
    composite[c] = Math.round((num / den) * 100) / 100;
  });
  return composite;
}
