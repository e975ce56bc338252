import { z } from "zod";
import { DIMENSIONS } from "../vocabulary.ts";
import { AssessmentResultSchema, BilingualSchema, GradeSchema, ReasonSchema, VerdictSchema } from "./result.ts";
import { AssessmentInputSchema } from "./input.ts";
import {
  DecisionInputSchema,
  DecisionResultSchema,
  RecommendationMeetingObject,
  RecommendationResultSchema,
  RoundsObject,
  RoundsResultSchema,
  refineMeeting,
  refineRounds,
} from "./recommendation.ts";
import { PolicyIdentitySchema, PolicySchema } from "./policy.ts";

/** Contracts shared by the functions and their clients (add-in, custom functions). */

export const PolicyRefSchema = z
  .object({
    policyId: z.string().optional(),
    version: z.number().int().positive().optional(),
    policy: PolicySchema.optional().meta({ description: "An inline policy instead of a published one" }),
  })
  .meta({
    description:
      "Which policy: a published id (latest or a version), or an inline policy; default: the built-in default",
  });

const count = z.number().int().nonnegative().max(1_000_000_000);
const score = z.union([z.number().finite().min(0).max(10_000), z.string().regex(/^\d+(\.\d+)?$/)]);

export const VerdictItemSchema = z.object({
  excellent: count,
  competent: count,
  basic: count,
  incompetent: count,
  blank: count.default(0),
  composite: score.optional(),
  dimensions: z
    .object(
      Object.fromEntries(DIMENSIONS.map((d) => [d, score.optional()])) as Record<
        (typeof DIMENSIONS)[number],
        z.ZodOptional<typeof score>
      >,
    )
    .optional(),
  disciplinary: z.boolean().optional(),
  attendees: count.optional(),
  expected: count.optional(),
});
export type VerdictItem = z.input<typeof VerdictItemSchema>;

export const VerdictRequestSchema = PolicyRefSchema.extend({
  items: z.array(VerdictItemSchema).min(1).max(10_000),
  detail: z.enum(["full", "brief"]).default("full").meta({
    description:
      "full: every rule's reason with its bilingual message; brief: only the ids of the rules that fired (what a spreadsheet cell needs, a tenth of the bytes)",
  }),
});
export type VerdictRequest = z.input<typeof VerdictRequestSchema>;

export const VerdictResultSchema = z.object({
  grade: GradeSchema.nullable(),
  verdict: VerdictSchema,
  reviewRequired: z.boolean(),
  provisional: z.boolean(),
  n: z.number().int(),
  fired: z.array(z.string()).meta({ description: "Ids of the rules that fired, e.g. competency, veto:integrity" }),
  reasons: z.array(ReasonSchema).optional().meta({ description: "Every rule evaluated (detail=full)" }),
});
export type VerdictResultItem = z.infer<typeof VerdictResultSchema>;

export const VerdictResponseSchema = z.object({
  policy: PolicyIdentitySchema,
  results: z.array(VerdictResultSchema),
});
export type VerdictResponse = z.infer<typeof VerdictResponseSchema>;

export const QuorumRequestSchema = PolicyRefSchema.extend({
  attendees: count,
  expected: z.number().int().positive().max(1_000_000_000),
});
export const QuorumResponseSchema = z.object({
  policy: PolicyIdentitySchema,
  valid: z.boolean(),
  attendees: z.number().int(),
  expected: z.number().int(),
  fraction: z.string(),
  percent: z.string(),
  threshold: z.string(),
  message: BilingualSchema,
});

// ---- scoring, recommendation ----

export const ScoreRequestSchema = PolicyRefSchema.extend({
  cadres: AssessmentInputSchema.shape.cadres,
  ballots: AssessmentInputSchema.shape.ballots,
  meeting: AssessmentInputSchema.shape.meeting,
  gradeVotes: AssessmentInputSchema.shape.gradeVotes,
});
export type ScoreRequest = z.input<typeof ScoreRequestSchema>;

export const RecommendationRequestSchema = PolicyRefSchema.extend({ ...RecommendationMeetingObject.shape }).superRefine(
  refineMeeting,
);
export type RecommendationRequest = z.input<typeof RecommendationRequestSchema>;
export const RecommendationResponseSchema = RecommendationResultSchema.extend({ policy: PolicyIdentitySchema });

export const AdvanceRequestSchema = PolicyRefSchema.extend({ ...RoundsObject.shape }).superRefine(refineRounds);
export type AdvanceRequest = z.input<typeof AdvanceRequestSchema>;
export const AdvanceResponseSchema = RoundsResultSchema.extend({ policy: PolicyIdentitySchema });

export const DecisionRequestSchema = DecisionInputSchema;
export type DecisionRequest = z.input<typeof DecisionRequestSchema>;
export const DecisionResponseSchema = DecisionResultSchema;

// ---- policies ----

export const PublishedPolicySchema = z.object({
  identity: PolicyIdentitySchema,
  publishedAt: z.string().meta({ description: "ISO 8601 time of publication" }),
  publishedBy: z.string(),
  policy: PolicySchema,
});
export type PublishedPolicy = z.infer<typeof PublishedPolicySchema>;

export const PolicySummarySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  sha256: z.string(),
  publishedAt: z.string(),
});
export const PolicyListSchema = z.object({ items: z.array(PolicySummarySchema) });

// ---- scored sheets ----

export const SheetSubmitSchema = z.object({
  unit: z.string().min(1).max(200).meta({ description: "单位: the unit the sheet covers" }),
  period: z
    .string()
    .regex(
      /^\d{4}(-(0[1-9]|1[0-2]|H[12]|Q[1-4]))?$/,
      "考核期间须如 2026、2026-H1、2026-Q3 或 2026-06 | period like 2026, 2026-H1, 2026-Q3 or 2026-06",
    ),
  title: z.string().max(200).optional(),
  result: AssessmentResultSchema,
  policy: PolicySchema.optional().meta({
    description: "The policy document itself, required only when its identity is not published on the server",
  }),
});
export type SheetSubmit = z.input<typeof SheetSubmitSchema>;

export const SheetSummarySchema = z.object({
  id: z.string(),
  unit: z.string(),
  period: z.string(),
  title: z.string().optional(),
  policy: PolicyIdentitySchema,
  cadres: z.number().int(),
  submittedAt: z.string(),
  submittedBy: z.string(),
});
export type SheetSummary = z.infer<typeof SheetSummarySchema>;
export const SheetListSchema = z.object({ items: z.array(SheetSummarySchema) });
export const StoredSheetSchema = SheetSummarySchema.extend({ result: AssessmentResultSchema });

// ---- audit ----

export const AuditEntrySchema = z.object({
  seq: z.number().int().nonnegative(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(["policy.publish", "sheet.submit", "survey.submit", "session.open", "session.issue", "session.close"]),
  subject: z.string().meta({ description: "policy id@version or sheet id" }),
  policy: PolicyIdentitySchema,
  contentSha256: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditListSchema = z.object({ items: z.array(AuditEntrySchema) });
export const AuditVerifySchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBroken: z
    .number()
    .int()
    .nullable()
    .meta({ description: "seq of the first entry whose hash or link does not verify" }),
  message: BilingualSchema,
});

// ---- errors (RFC 9457) ----

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  message: BilingualSchema.optional(),
  errors: z
    .array(
      z.object({ pointer: z.string(), path: z.array(z.union([z.string(), z.number()])), message: BilingualSchema }),
    )
    .optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

// ---- health ----

export const HealthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  storage: z.enum(["ok", "unavailable", "not_configured"]),
  version: z.string(),
  time: z.string(),
  message: BilingualSchema,
});
export type Health = z.infer<typeof HealthSchema>;

// ---- scored-sheet pull: the query of GET /api/sheets/{id} ----

export const SheetFormatSchema = z.enum(["json", "csv", "xlsx"]);

// ---- quorum in batches (what KAOPING.QUORUM calls, one request per recalculation) ----

export const QuorumBatchRequestSchema = PolicyRefSchema.extend({
  items: z
    .array(z.object({ attendees: count, expected: z.number().int().positive().max(1_000_000_000) }))
    .min(1)
    .max(10_000),
});
export type QuorumBatchRequest = z.input<typeof QuorumBatchRequestSchema>;
export const QuorumBatchResponseSchema = z.object({
  policy: PolicyIdentitySchema,
  results: z.array(QuorumResponseSchema.omit({ policy: true })),
});
