import { DIMENSIONS, type Dimension } from "../vocabulary.ts";
import type { Policy } from "../schemas/policy.ts";
import { parseDecimal, parseFraction, rat, type Rational } from "../rational.ts";
import { normaliseWeights } from "../policy/weights.ts";
import { foldLabel } from "../table/han.ts";

/**
 * A policy turned into integers the hot loop can use: scores become hundredths, weights become
 * integers over one power of ten, so ballot totals are exact safe integers and only the few
 * per-group steps need BigInt.
 */
export interface CompiledPolicy {
  policy: Policy;
  /** Post key or label -> key. */
  postKey: Map<string, string>;
  /** Post key -> integer dimension weights over `weightScale` (Float64: exact integers beyond 2^31). */
  postWeights: Map<string, Float64Array>;
  weightScale: bigint;
  /** Rater group key or label -> index. */
  groupIndex: Map<string, number>;
  groupKeys: string[];
  /** Integer group weights over `groupScale`. */
  groupWeights: bigint[];
  groupScale: bigint;
  /** Level label -> hundredths. */
  levels: Map<string, number>;
  minHundredths: number;
  maxHundredths: number;
  thresholds: {
    competentMin: Rational | null;
    incompetentMax: Rational | null;
    excellentMin: Rational | null;
    /** null: the quota is switched off. */
    quota: Rational | null;
    quorum: Rational;
  };
  /** Bands and veto limits as exact decimals, parsed once rather than per cadre. */
  bands: { excellent: Rational; competent: Rational; basic: Rational };
  vetoBelow: Rational[];
}

const cache = new WeakMap<Policy, CompiledPolicy>();

/** Weights as fractions of 1 (percent read as such), as integers over one power of ten. */
function toScaledIntegers(values: number[]): { ints: bigint[]; scale: bigint } {
  const rats = normaliseWeights(values);
  let scale = 1n;
  for (const r of rats) while (scale % r.d !== 0n) scale *= 10n;
  return { ints: rats.map((r) => (r.n * scale) / r.d), scale };
}

/**
 * Adds each name's folded spelling (traditional -> simplified, full-width, case): 黨政正職 and 同級 name the
 * same post and group (spec section 2). Exact names stay first, so lookups try them before folding.
 */
function addFolded<V>(map: Map<string, V>): void {
  for (const [name, value] of [...map]) {
    const folded = foldLabel(name);
    if (!map.has(folded)) map.set(folded, value);
  }
}

/** A policy name's lookup: the exact text first (the common case), then its folded spelling. */
export const lookupName = <V>(map: ReadonlyMap<string, V>, text: string): V | undefined =>
  map.get(text) ?? map.get(foldLabel(text));

export function compilePolicy(policy: Policy): CompiledPolicy {
  const hit = cache.get(policy);
  if (hit) return hit;
  const postKey = new Map<string, string>();
  const postWeights = new Map<string, Float64Array>();
  // One scale for every post, so totals of different posts never mix denominators.
  let weightScale = 1n;
  const perPost = Object.entries(policy.posts).map(([key, post]) => {
    const scaled = toScaledIntegers(DIMENSIONS.map((d) => post.weights[d]));
    if (scaled.scale > weightScale) weightScale = scaled.scale;
    return { key, post, scaled };
  });
  for (const { key, post, scaled } of perPost) {
    const factor = weightScale / scaled.scale;
    postWeights.set(key, Float64Array.from(scaled.ints.map((i) => Number(i * factor))));
    postKey.set(key, key);
    postKey.set(post.label, key);
  }
  addFolded(postKey);
  // Ballot totals are sums of weight x hundredths in doubles: they must stay exact integers.
  if (weightScale * BigInt(Math.round(policy.scale.max * 100)) > BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError(
      "岗位权重的小数位过多，无法精确计算（最多 6 位小数）| post weights have too many decimals to compute exactly (at most 6)",
    );
  const groupKeys = Object.keys(policy.raterGroups);
  const groupIndex = new Map<string, number>();
  groupKeys.forEach((key, i) => {
    groupIndex.set(key, i);
    groupIndex.set(policy.raterGroups[key]!.label, i);
  });
  addFolded(groupIndex);
  const groups = toScaledIntegers(groupKeys.map((k) => policy.raterGroups[k]!.weight));
  const levels = new Map<string, number>();
  for (const [label, points] of Object.entries(policy.scale.levels))
    levels.set(label.normalize("NFKC").trim(), Math.round(points * 100));
  addFolded(levels);
  const frac = (s: string | null) => (s === null ? null : parseFraction(s)!);
  const compiled: CompiledPolicy = {
    policy,
    postKey,
    postWeights,
    weightScale,
    groupIndex,
    groupKeys,
    groupWeights: groups.ints,
    groupScale: groups.scale,
    levels,
    minHundredths: Math.round(policy.scale.min * 100),
    maxHundredths: Math.round(policy.scale.max * 100),
    thresholds: {
      competentMin: frac(policy.voteRules.competentMin),
      incompetentMax: frac(policy.voteRules.incompetentMax),
      excellentMin: frac(policy.voteRules.excellentMin),
      quota: policy.excellentQuota ? (parseFraction(policy.excellentQuota.share) ?? rat(0)) : null,
      quorum: parseFraction(policy.quorum)!,
    },
    bands: {
      excellent: parseDecimal(policy.bands.excellent)!,
      competent: parseDecimal(policy.bands.competent)!,
      basic: parseDecimal(policy.bands.basic)!,
    },
    vetoBelow: policy.vetoes.map((v) => parseDecimal(v.below)!),
  };
  cache.set(policy, compiled);
  return compiled;
}

export const dimensionWeight = (c: CompiledPolicy, post: string, d: Dimension): Rational =>
  rat(BigInt(c.postWeights.get(post)![DIMENSIONS.indexOf(d)]!), c.weightScale);
