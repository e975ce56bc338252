import type { CompiledPolicy } from "./compile.ts";
import type { ValidBallots } from "./validate.ts";
import { trimEdges, trims } from "./trim.ts";
import type { Rational } from "../rational.ts";

/** One rater group's kept sums for a cadre: m(g, d) = num[d] / (den * kept) in hundredths. */
export interface GroupSums {
  group: number;
  ballots: number;
  kept: number;
  den: bigint;
  num: bigint[];
}

export interface CadreExact {
  groups: GroupSums[];
  /** D(d) in points, exact; null when no present group carries weight. */
  dimensions: Rational[] | null;
  composite: Rational | null;
}

/**
 * Kept sums for one (cadre, group): `idx` are positions in `ballots`, `totals` their T(b)
 * (integers: weights over a power of ten times hundredths).
 */
export function groupSums(
  policy: CompiledPolicy,
  ballots: ValidBallots,
  group: number,
  idx: number[],
  totals: Float64Array,
): GroupSums {
  const { high, low, minBallots } = policy.policy.trim;
  const s = ballots.scores;
  const full = [0, 0, 0, 0, 0];
  if (!trims(idx.length, { minBallots, high, low })) {
    for (const i of idx) for (let d = 0; d < 5; d++) full[d]! += s[i * 5 + d]!;
    return { group, ballots: idx.length, kept: idx.length, den: 1n, num: full.map(BigInt) };
  }
  // Untouched buckets keep their whole weight: sum everything, then take the touched edges out.
  for (const i of idx) for (let d = 0; d < 5; d++) full[d]! += s[i * 5 + d]!;
  let den = 1n;
  let kept = idx.length;
  const partials: { kept: number; size: number; sums: number[] }[] = [];
  for (const bucket of trimEdges(idx, totals, high, low)) {
    kept -= bucket.size - bucket.kept;
    const sums = [0, 0, 0, 0, 0];
    for (let k = bucket.start; k < bucket.start + bucket.size; k++) {
      const i = idx[k]!;
      for (let d = 0; d < 5; d++) sums[d]! += s[i * 5 + d]!;
    }
    for (let d = 0; d < 5; d++) full[d]! -= sums[d]!;
    if (bucket.kept > 0) {
      partials.push({ kept: bucket.kept, size: bucket.size, sums });
      den *= BigInt(bucket.size);
    }
  }
  const num = full.map((f, d) => {
    let n = BigInt(f) * den;
    for (const p of partials) n += (BigInt(p.kept) * BigInt(p.sums[d]!) * den) / BigInt(p.size);
    return n;
  });
  return { group, ballots: idx.length, kept, den, num };
}

/** D(d) and S over the present groups, renormalising their weights (spec section 4.4). */
export function combineGroups(policy: CompiledPolicy, post: string, groups: GroupSums[]): CadreExact {
  const present = groups.filter((g) => g.kept > 0);
  let weightSum = 0n;
  for (const g of present) weightSum += policy.groupWeights[g.group]!;
  if (present.length === 0 || weightSum === 0n) return { groups, dimensions: null, composite: null };
  let common = 1n;
  for (const g of present) common *= g.den * BigInt(g.kept);
  const dNum = [0n, 0n, 0n, 0n, 0n];
  for (const g of present) {
    const factor = (policy.groupWeights[g.group]! * common) / (g.den * BigInt(g.kept));
    for (let d = 0; d < 5; d++) dNum[d]! += factor * g.num[d]!;
  }
  const dDen = common * 100n * weightSum;
  const w = policy.postWeights.get(post)!;
  let sNum = 0n;
  for (let d = 0; d < 5; d++) sNum += BigInt(w[d]!) * dNum[d]!;
  return {
    groups,
    dimensions: dNum.map((n) => ({ n, d: dDen })),
    composite: { n: sNum, d: dDen * policy.weightScale },
  };
}

/** G(g) = sum over d of w[d] m(g, d), in points. */
export function groupMean(policy: CompiledPolicy, post: string, g: GroupSums): Rational {
  const w = policy.postWeights.get(post)!;
  let n = 0n;
  for (let d = 0; d < 5; d++) n += BigInt(w[d]!) * g.num[d]!;
  return { n, d: g.den * BigInt(g.kept) * 100n * policy.weightScale };
}
