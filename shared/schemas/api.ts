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
import { normaliseId, plainText, textProblem } from "./integrity.ts";

/** Contracts shared by the functions and their clients (add-in, custom functions). */

export const PolicyRefSchema = z
  .object({
    policyId: z.string().min(1).max(64).optional(),
    version: z.number().int().positive().optional(),
    policy: PolicySchema.optional().meta({ description: "An inline policy instead of a published one" }),
  })
  .meta({
    description:
      "Which policy: a published id (latest or a version), or an inline policy; default: the built-in default",
  });

const count = z.number().int().nonnegative().max(1_000_000_000);
// A score as text is exact, but no one means a number of hundreds of digits: at most 5 integer
// digits and 12 decimals, and at most 10,000, like the number form.
const score = z.union([
  z.number().finite().min(0).max(10_000),
  z
    .string()
    .max(18, "分数过长：最多 5 位整数和 12 位小数 | score too long: at most 5 integer digits and 12 decimals")
    .regex(
      /^\d{1,5}(\.\d{1,12})?$/,
      "分数须为 0–10000 的数，如 85.5 | a score must be a number from 0 to 10000, like 85.5",
    )
    .refine((s) => Number(s) <= 10_000, "分数不能大于 10000 | a score cannot exceed 10000"),
]);

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

export const SheetSubmitSchema = z
  .object({
    unit: z
      .string()
      .min(1)
      .max(200)
      .superRefine(plainText("text"))
      .meta({ description: "单位: the unit the sheet covers" }),
    period: z
      .string()
      .regex(
        /^\d{4}(-(0[1-9]|1[0-2]|H[12]|Q[1-4]))?$/,
        "考核期间须如 2026、2026-H1、2026-Q3 或 2026-06 | period like 2026, 2026-H1, 2026-Q3 or 2026-06",
      ),
    title: z.string().max(200).superRefine(plainText("text")).optional(),
    result: AssessmentResultSchema,
    policy: PolicySchema.optional().meta({
      description:
        "The policy document itself, required only when its identity is not published on the server (such a sheet is stored and listed as unpublished)",
    }),
  })
  .superRefine((sheet, ctx) => {
    // One cadre, one row: ids are compared as a person reads them (NFC, invisible characters ignored).
    const seen = new Map<string, number>();
    sheet.result.cadres.forEach((c, i) => {
      const path = ["result", "cadres", i, "cadreId"];
      for (const [field, kind] of [
        ["cadreId", "id"],
        ["name", "text"],
        ["unit", "text"],
      ] as const) {
        const message = textProblem(c[field], kind);
        if (message) ctx.addIssue({ code: "custom", path: ["result", "cadres", i, field], message });
      }
      const key = normaliseId(c.cadreId);
      const first = seen.get(key);
      if (first !== undefined)
        ctx.addIssue({
          code: "custom",
          path,
          message: `干部编号「${key}」与第 ${first + 1} 位干部重复；每位干部只能出现一次 | cadre id "${key}" repeats cadre ${first + 1}; each cadre appears once`,
        });
      else seen.set(key, i);
    });
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
  unpublished: z.boolean().optional().meta({
    description:
      "true: scored under a policy that was never published here (its id then starts with unpublished:); not an official result",
  }),
  notice: BilingualSchema.optional().meta({ description: "What HR must know about this sheet, in words" }),
});
export type SheetSummary = z.infer<typeof SheetSummarySchema>;
const ContinuationToken = z
  .string()
  .max(2000)
  .optional()
  .meta({ description: "Present when more items follow: send it back as continuationToken for the next page" });
export const SheetListSchema = z.object({
  items: z.array(SheetSummarySchema),
  continuationToken: ContinuationToken,
  skipped: z
    .array(z.object({ row: z.string(), message: BilingualSchema }))
    .optional()
    .meta({ description: "Stored rows that could not be read (damaged in storage), left out and reported" }),
});
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
  keyId: z.string().meta({ description: "Which chain key keys this entry's hash (HMAC-SHA256)" }),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditListSchema = z.object({ items: z.array(AuditEntrySchema), continuationToken: ContinuationToken });
export const AuditVerifySchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBroken: z
    .number()
    .int()
    .nullable()
    .meta({ description: "seq of the first entry whose hash or link does not verify" }),
  from: z
    .number()
    .int()
    .optional()
    .meta({ description: "the signed checkpoint's seq this verification started after (incremental)" }),
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
