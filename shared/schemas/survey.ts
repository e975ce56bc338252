import { z } from "zod";
import { GRADES } from "../vocabulary.ts";
import { PolicyIdentitySchema } from "./policy.ts";
import { BilingualSchema, GradeSchema, ReasonSchema, VerdictSchema } from "./result.ts";
import { SurveyPolicySchema } from "./survey-policy.ts";

/** The survey's tables (spec section 9), the scored result and HR's history across years. */

export const ITEM_KINDS = ["work", "practices", "cadre"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ITEM_KIND_LABELS: Record<ItemKind, { "zh-CN": string; en: string }> = {
  work: { "zh-CN": "选人用人工作", en: "Selection work" },
  practices: { "zh-CN": "整治用人上不正之风", en: "Rectifying improper practices" },
  cadre: { "zh-CN": "新提拔干部", en: "Newly promoted cadre" },
};

const text = z.string().max(200);
const rowNumber = z.number().int().positive().optional().meta({ description: "The sheet's row, for messages" });

export const SurveyItemSchema = z.object({
  itemId: text.meta({ description: "编号" }),
  unit: text.meta({ description: "单位" }),
  title: text.meta({ description: "评议项目: what is rated, e.g. 选人用人工作总体评价, or the cadre's name" }),
  kind: text.meta({ description: "类别: work 选人用人工作, practices 整治不正之风, cadre 新提拔干部 (key or label)" }),
  scale: text.optional().meta({ description: "量表: a scale key of the policy; default by kind" }),
  row: rowNumber,
});
export type SurveyItem = z.input<typeof SurveyItemSchema>;

export const SurveyAnswerRowSchema = z.object({
  respondentId: text.meta({ description: "票号: one respondent's anonymous form number" }),
  layer: text.meta({ description: "身份: the respondent layer (key or label)" }),
  itemId: text.meta({ description: "项目编号" }),
  answer: text.meta({ description: "评价: an answer of the item's scale, or 不了解" }),
  row: rowNumber,
});
export type SurveyAnswerRow = z.input<typeof SurveyAnswerRowSchema>;

export const SurveyInputSchema = z.object({
  items: z.array(SurveyItemSchema).min(1).max(10_000),
  answers: z.array(SurveyAnswerRowSchema).max(1_000_000),
});
export type SurveyInput = z.input<typeof SurveyInputSchema>;

export const SURVEY_ISSUE_CODES = [
  "missing_field",
  "duplicate_item",
  "unknown_kind",
  "unknown_scale",
  "unknown_item",
  "unknown_layer",
  "invalid_answer",
  "duplicate_answer",
] as const;
export type SurveyIssueCode = (typeof SURVEY_ISSUE_CODES)[number];

export const SurveyIssueSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  field: z.string(),
  code: z.enum(SURVEY_ISSUE_CODES),
  value: z.union([z.string(), z.null()]).optional(),
  message: BilingualSchema,
});
export type SurveyIssue = z.infer<typeof SurveyIssueSchema>;

const Share = z.object({
  fraction: z.string().meta({ description: 'Exact, e.g. "30/40"' }),
  percent: z.string().meta({ description: "2 decimals, half up" }),
});

/** Figures of one group of answers (an item, a layer of it, a unit): shown only from minAnswersToReport. */
export const SurveyStatsSchema = z.union([
  z.object({
    answers: z.number().int().meta({ description: "Every answer, 不了解 included" }),
    base: z.number().int().meta({ description: "Answers in the base (不了解 out unless the policy counts it)" }),
    counts: z.record(z.string(), z.number().int()).meta({ description: "Per answer label, 不了解 included" }),
    positive: Share.nullable().meta({ description: "Top two answers over the base" }),
    negative: Share.nullable(),
    index: z.number().nullable().meta({ description: "Sum of points x share, 0..100, half up to 2 decimals" }),
    indexExact: z.string().nullable(),
  }),
  z.object({ answers: z.number().int(), withheld: z.literal(true) }),
]);
export type SurveyStats = z.infer<typeof SurveyStatsSchema>;

export const LastYearSchema = z
  .object({
    period: z.string().optional(),
    index: z.number().nullable(),
    positivePercent: z.string().nullable(),
    change: z.number().nullable().meta({ description: "This year's index minus last year's, as shown" }),
  })
  .meta({ description: "Last year's figures when the item or unit existed last year and was shown" });

export const SurveyItemResultSchema = z.object({
  itemId: z.string(),
  unit: z.string(),
  title: z.string(),
  kind: z.enum(ITEM_KINDS),
  scale: z.string(),
  stats: SurveyStatsSchema,
  layers: z.record(z.string(), SurveyStatsSchema),
  lastYear: LastYearSchema.nullable(),
  provisional: z.boolean().meta({ description: "A duplicate answer was excluded until resolved" }),
  flags: z.array(z.enum(["verify"])).meta({ description: "verify: 核实 (new cadre's negative share)" }),
  reasons: z.array(ReasonSchema),
});
export type SurveyItemResult = z.infer<typeof SurveyItemResultSchema>;

export const SurveyUnitResultSchema = z.object({
  unit: z.string(),
  respondents: z.number().int().meta({ description: "Distinct forms that answered any of the unit's items" }),
  stats: SurveyStatsSchema,
  layers: z.record(z.string(), SurveyStatsSchema),
  lastYear: LastYearSchema.nullable(),
  flags: z.array(z.enum(["supervise"])).meta({ description: "supervise: 重点督导 (below floor or falling)" }),
  reasons: z.array(ReasonSchema),
});
export type SurveyUnitResult = z.infer<typeof SurveyUnitResultSchema>;

export const SurveyResultSchema = z.object({
  policy: PolicyIdentitySchema,
  period: z.string().optional(),
  scales: z
    .record(z.string(), z.array(z.string()))
    .meta({ description: "Each scale's answer labels, best first, then 不了解" }),
  items: z.array(SurveyItemResultSchema),
  units: z.array(SurveyUnitResultSchema),
  issues: z.array(SurveyIssueSchema),
});
export type SurveyResult = z.infer<typeof SurveyResultSchema>;

// ---- API ----

const period = z
  .string()
  .regex(/^\d{4}$/, "评议年度须为四位年份，如 2026 | the survey year must be four digits, e.g. 2026");

export const SurveyScoreRequestSchema = SurveyInputSchema.extend({
  period: period.optional(),
  surveyPolicy: SurveyPolicySchema.optional().meta({ description: "Inline survey policy; default: the built-in" }),
  lastYear: z
    .enum(["stored", "none"])
    .default("stored")
    .meta({ description: "stored: compare with the stored survey of the year before `period` (assessor and hr)" }),
});
export type SurveyScoreRequest = z.input<typeof SurveyScoreRequestSchema>;

export const SurveySubmitSchema = z.object({
  period,
  title: z.string().max(200).optional(),
  items: SurveyInputSchema.shape.items,
  answers: SurveyInputSchema.shape.answers,
  surveyPolicy: SurveyPolicySchema.optional(),
});
export type SurveySubmit = z.input<typeof SurveySubmitSchema>;

export const SurveySummarySchema = z.object({
  id: z.string(),
  period: z.string(),
  title: z.string().optional(),
  units: z.array(z.string()),
  policy: PolicyIdentitySchema,
  submittedAt: z.string(),
  submittedBy: z.string(),
});
export type SurveySummary = z.infer<typeof SurveySummarySchema>;
export const SurveyStoredSchema = SurveySummarySchema.extend({ result: SurveyResultSchema });

export const CadreYearSchema = z.object({
  period: z.string(),
  sheetId: z.string(),
  unit: z.string(),
  name: z.string(),
  composite: z.number().nullable(),
  grade: GradeSchema.nullable(),
  verdict: VerdictSchema.nullable(),
  provisional: z.boolean(),
});
export const HistoryFlagSchema = z.object({
  rule: z.string(),
  years: z.array(z.string()),
  reviewRequired: z.literal(true),
  message: BilingualSchema,
});
export type HistoryFlag = z.infer<typeof HistoryFlagSchema>;

export const CadreHistorySchema = z.object({
  cadreId: z.string(),
  years: z.array(CadreYearSchema),
  flags: z.array(HistoryFlagSchema),
  rules: z.array(z.object({ id: z.string(), grades: z.array(z.enum(GRADES)), years: z.number().int() })),
});
export type CadreHistory = z.infer<typeof CadreHistorySchema>;

export const UnitSurveyYearSchema = z.object({
  period: z.string(),
  surveyId: z.string(),
  unit: SurveyUnitResultSchema,
  items: z.array(SurveyItemResultSchema),
});
export const UnitHistorySchema = z.object({
  unit: z.string(),
  years: z.array(UnitSurveyYearSchema),
  flags: z.array(HistoryFlagSchema),
});
export type UnitHistory = z.infer<typeof UnitHistorySchema>;
