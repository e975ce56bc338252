import { z } from "zod";
import { DIMENSIONS } from "../vocabulary.ts";
import { cmp, parseDecimal, parseFraction, rat, type Rational } from "../rational.ts";
import { weightSum, weightUnit } from "../policy/weights.ts";

/** A share or threshold: an exact fraction string such as "2/3", or a decimal. */
export const FractionText = z
  .string()
  .refine((s) => parseFraction(s) !== undefined, {
    message: 'must be an exact fraction such as "2/3" | 须为分数，如 "2/3"',
  })
  .meta({ description: 'Exact fraction such as "2/3"', examples: ["2/3"] });

const Key = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, "a key: letters, digits, _ or - | 键名：字母、数字、_ 或 -");
const Points = z.number().finite().nonnegative();

const DimensionWeights = z.object(
  Object.fromEntries(DIMENSIONS.map((d) => [d, z.number().finite().min(0)])) as Record<
    (typeof DIMENSIONS)[number],
    z.ZodNumber
  >,
);

export const PostCategory = z.object({
  label: z.string().min(1).max(200),
  weights: DimensionWeights,
});

export const RaterGroup = z.object({
  label: z.string().min(1).max(200),
  weight: z.number().finite().min(0),
});

export const VoteBase = z.enum(["ballots", "attendees", "expected"]);

export const PolicySchema = z
  .object({
    id: Key,
    version: z.number().int().min(1),
    title: z.string().min(1),
    scale: z.object({
      min: Points,
      max: Points.max(10_000),
      levels: z.record(z.string().min(1).max(50), Points),
    }),
    posts: z.record(Key, PostCategory),
    raterGroups: z.record(Key, RaterGroup),
    trim: z.object({
      minBallots: z.number().int().min(0),
      high: z.number().int().min(0),
      low: z.number().int().min(0),
    }),
    minGroupBallotsToReport: z.number().int().min(0),
    bands: z.object({ excellent: Points, competent: Points, basic: Points }),
    voteRules: z.object({
      competentMin: FractionText.nullable(),
      incompetentMax: FractionText.nullable(),
      excellentMin: FractionText.nullable(),
      base: VoteBase.default("ballots"),
    }),
    vetoes: z.array(z.object({ dimension: z.enum(DIMENSIONS), below: Points })),
    /** null switches the quota off (spec section 7). */
    excellentQuota: z
      .object({
        share: FractionText,
        scope: z.enum(["assessment", "unit", "post"]),
        rounding: z.enum(["floor", "half_up", "ceil"]).default("floor"),
      })
      .nullable(),
    quorum: FractionText,
    recommendation: z.object({
      /** No longer used by the tally (spec section 6 has no majority rule); kept so published policies stay valid. */
      majorityBase: z.enum(["validBallots", "attendees"]).optional(),
      extra: z.number().int().min(1).max(3),
      writeIns: z.boolean().default(true),
      // Optional without zod defaults, so published policies keep their sha256; the engine applies the defaults.
      /** 得票集中: a share of valid ballots; null or absent = no floor. */
      concentrationMin: FractionText.nullable().optional(),
      /** 票数相差不大: a share of valid ballots (default "1/20"); null switches the flag off. */
      nearTie: FractionText.nullable().optional(),
      /** 推荐主体 with their weights (sum 1 or 100 %); absent = unweighted shares. */
      voterTypes: z.record(Key, RaterGroup).optional(),
    }),
  })
  .superRefine((p, ctx) => {
    // From the exact decimal, so 1e-7 counts as 7 decimals, not as the 0 its text "1e-7" shows.
    const decimals = (x: number) => {
      const d = parseDecimal(x)?.d ?? 1n;
      let places = 0;
      for (let scale = 1n; scale % d !== 0n; scale *= 10n) places++;
      return places;
    };
    for (const [key, post] of Object.entries(p.posts)) {
      const sum = weightSum(Object.values(post.weights));
      if (weightUnit(Object.values(post.weights)) === null) {
        ctx.addIssue({
          code: "custom",
          path: ["posts", key, "weights"],
          message: `岗位类别「${post.label}」(${key}) 的要素权重之和须恰为 1（或 100%），现为 ${fmt(sum)} | post "${key}" weights must sum to exactly 1 (or 100 %), got ${fmt(sum)}`,
        });
      }
      for (const [d, w] of Object.entries(post.weights)) {
        if (decimals(w) > 6)
          ctx.addIssue({
            code: "custom",
            path: ["posts", key, "weights", d],
            message: "权重最多 6 位小数 | a weight has at most 6 decimals",
          });
      }
    }
    for (const [key, group] of Object.entries(p.raterGroups)) {
      if (decimals(group.weight) > 6)
        ctx.addIssue({
          code: "custom",
          path: ["raterGroups", key, "weight"],
          message: "权重最多 6 位小数 | a weight has at most 6 decimals",
        });
    }
    const groupWeights = Object.values(p.raterGroups).map((g) => g.weight);
    const groupSum = weightSum(groupWeights);
    if (weightUnit(groupWeights) === null) {
      ctx.addIssue({
        code: "custom",
        path: ["raterGroups"],
        message: `测评主体权重之和须恰为 1（或 100%），现为 ${fmt(groupSum)} | rater-group weights must sum to exactly 1 (or 100 %), got ${fmt(groupSum)}`,
      });
    }
    if (Object.keys(p.posts).length === 0)
      ctx.addIssue({ code: "custom", path: ["posts"], message: "至少需要一个岗位类别 | at least one post category" });
    if (Object.keys(p.raterGroups).length === 0)
      ctx.addIssue({
        code: "custom",
        path: ["raterGroups"],
        message: "至少需要一个测评主体 | at least one rater group",
      });
    if (p.scale.max <= p.scale.min)
      ctx.addIssue({
        code: "custom",
        path: ["scale", "max"],
        message: "分值上限须大于下限 | scale max must exceed min",
      });
    for (const [label, pts] of Object.entries(p.scale.levels)) {
      if (pts < p.scale.min || pts > p.scale.max || decimals(pts) > 2)
        ctx.addIssue({
          code: "custom",
          path: ["scale", "levels", label],
          message: `等级「${label}」的分值须在量表范围内且最多两位小数 | level "${label}" must lie on the scale with at most 2 decimals`,
        });
    }
    if (!(p.bands.excellent >= p.bands.competent && p.bands.competent >= p.bands.basic))
      ctx.addIssue({
        code: "custom",
        path: ["bands"],
        message: "分档线须满足 优秀 ≥ 称职 ≥ 基本称职 | bands must satisfy excellent ≥ competent ≥ basic",
      });
    const share = p.excellentQuota ? parseFraction(p.excellentQuota.share) : undefined;
    if (share && cmp(share, rat(1)) > 0)
      ctx.addIssue({
        code: "custom",
        path: ["excellentQuota", "share"],
        message: "优秀比例不能超过 1 | the excellent share cannot exceed 1",
      });
    const voterTypes = p.recommendation.voterTypes;
    if (voterTypes && Object.keys(voterTypes).length > 0) {
      const weights = Object.values(voterTypes).map((t) => t.weight);
      const sum = weightSum(weights);
      if (weightUnit(weights) === null)
        ctx.addIssue({
          code: "custom",
          path: ["recommendation", "voterTypes"],
          message: `推荐主体权重之和须恰为 1（或 100%），现为 ${fmt(sum)} | voter-type weights must sum to exactly 1 (or 100 %), got ${fmt(sum)}`,
        });
    }
    for (const key of ["concentrationMin", "nearTie"] as const) {
      const share = p.recommendation[key];
      const value = share ? parseFraction(share) : undefined;
      if (value && cmp(value, rat(1)) > 0)
        ctx.addIssue({
          code: "custom",
          path: ["recommendation", key],
          message: "比例不能超过 1 | a share cannot exceed 1",
        });
    }
    const quorum = parseFraction(p.quorum);
    if (quorum && cmp(quorum, rat(1)) > 0)
      ctx.addIssue({ code: "custom", path: ["quorum"], message: "到会比例不能超过 1 | the quorum cannot exceed 1" });
  });

export type Policy = z.output<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;

const fmt = (r: Rational) => (Number(r.n) / Number(r.d)).toString();

export const PolicyIdentitySchema = z.object({
  // A published id is at most 64 characters; an unpublished one carries the "unpublished:" prefix.
  id: z.string().min(1).max(100),
  version: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type PolicyIdentity = z.infer<typeof PolicyIdentitySchema>;
