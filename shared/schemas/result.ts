import { z } from "zod";
import { DIMENSIONS, GRADES } from "../vocabulary.ts";
import { PolicyIdentitySchema } from "./policy.ts";

export const BilingualSchema = z.object({ "zh-CN": z.string(), en: z.string() });

export const ISSUE_CODES = [
  "unknown_cadre",
  "unknown_group",
  "missing_score",
  "invalid_score",
  "out_of_range",
  "invalid_vote",
  "duplicate",
  // Cadre-sheet problems: the cadre is still listed, unscored, so nothing disappears.
  "unknown_post",
  "duplicate_cadre",
  "missing_field",
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export const IssueSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  field: z.string(),
  code: z.enum(ISSUE_CODES),
  value: z.union([z.string(), z.number(), z.null()]).optional(),
  message: BilingualSchema,
});
export type Issue = z.infer<typeof IssueSchema>;

export const ReasonSchema = z.object({
  rule: z.string().meta({
    description:
      "competency | incompetent_share | excellent_eligibility | band | veto:<dimension> | disciplinary | quota | groups_renormalised | no_grade_votes | not_scored",
  }),
  fraction: z.string().optional().meta({ description: 'Counts as an exact fraction, e.g. "20/30"' }),
  percent: z.string().optional().meta({ description: "The share in percent, 2 decimals" }),
  value: z.number().optional(),
  threshold: z.string().optional(),
  fired: z.boolean(),
  message: BilingualSchema,
});
export type Reason = z.infer<typeof ReasonSchema>;

const DimensionScores = z.object(
  Object.fromEntries(DIMENSIONS.map((d) => [d, z.number()])) as Record<(typeof DIMENSIONS)[number], z.ZodNumber>,
);

export const GroupSummarySchema = z.union([
  z.object({ ballots: z.number().int(), kept: z.number(), mean: z.number() }),
  z.object({ ballots: z.number().int(), withheld: z.literal(true) }),
]);

export const VotesSchema = z.object({
  excellent: z.number().int().nonnegative(),
  competent: z.number().int().nonnegative(),
  basic: z.number().int().nonnegative(),
  incompetent: z.number().int().nonnegative(),
  blank: z.number().int().nonnegative(),
  n: z.number().int().nonnegative(),
});
export type Votes = z.infer<typeof VotesSchema>;

export const GradeSchema = z.enum([...GRADES, "quota_tie"]);
export const VerdictSchema = z.enum(["fit", "unfit_for_post"]);

export const CadreResultSchema = z.object({
  cadreId: z.string().max(200),
  name: z.string().max(200),
  unit: z.string().max(200),
  post: z.string().max(200),
  composite: z.number().nullable(),
  compositeExact: z.string().nullable(),
  dimensions: DimensionScores.nullable(),
  dimensionsExact: z
    .object(
      Object.fromEntries(DIMENSIONS.map((d) => [d, z.string()])) as Record<(typeof DIMENSIONS)[number], z.ZodString>,
    )
    .nullable()
    .meta({ description: "D(d) as exact fractions in lowest terms, so a sheet can recompute the composite" }),
  groups: z.record(z.string().max(200), GroupSummarySchema),
  renormalised: z.boolean(),
  rank: z.number().int().nullable(),
  rankInPost: z.number().int().nullable(),
  votes: VotesSchema,
  grade: GradeSchema.nullable(),
  verdict: VerdictSchema.nullable(),
  provisional: z.boolean(),
  reviewRequired: z.boolean(),
  reasons: z.array(ReasonSchema),
});
export type CadreResult = z.infer<typeof CadreResultSchema>;

export const AssessmentResultSchema = z.object({
  policy: PolicyIdentitySchema,
  cadres: z.array(CadreResultSchema),
  issues: z.array(IssueSchema),
});
export type AssessmentResult = z.infer<typeof AssessmentResultSchema>;
