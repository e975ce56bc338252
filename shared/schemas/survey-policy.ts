import { z } from "zod";
import { GRADES } from "../vocabulary.ts";
import { FractionText } from "./policy.ts";
import { BilingualSchema } from "./result.ts";

/**
 * The survey part of a policy (spec section 9): answer scales with points, respondent layers,
 * the privacy minimum, the flags' thresholds and the multi-year rules HR's history applies.
 */

const Key = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, "a key: letters, digits, _ or - | 键名：字母、数字、_ 或 -");

export const SurveyAnswerSchema = z.object({
  label: z.string().min(1).max(40).meta({ description: "The answer as printed on the form, e.g. 满意" }),
  en: z.string().min(1).max(80).optional(),
  points: z.number().finite().min(0).max(100),
  aliases: z.array(z.string().min(1).max(40)).max(20).optional(),
});

export const SurveyScaleSchema = z
  .object({
    label: BilingualSchema,
    answers: z
      .array(SurveyAnswerSchema)
      .min(2)
      .max(10)
      .meta({ description: "Best answer first; the top two make the positive rate" }),
    negative: z
      .array(z.string().min(1))
      .min(1)
      .meta({ description: "Answers counted as negative for the new-cadre flag (不认同, or below the middle answer)" }),
  })
  .superRefine((s, ctx) => {
    const labels = s.answers.map((a) => a.label);
    for (const n of s.negative)
      if (!labels.includes(n))
        ctx.addIssue({
          code: "custom",
          path: ["negative"],
          message: `「${n}」不是该量表的答案 | "${n}" is not an answer of this scale`,
        });
    if (new Set(labels).size !== labels.length)
      ctx.addIssue({ code: "custom", path: ["answers"], message: "答案重复 | an answer is listed twice" });
  });
export type SurveyScale = z.infer<typeof SurveyScaleSchema>;

export const MultiYearRuleSchema = z.object({
  id: Key,
  grades: z.array(z.enum(GRADES)).min(1).meta({ description: "Grades that count towards the run" }),
  years: z.number().int().min(2).max(10).meta({ description: "Consecutive years needed to flag" }),
  label: BilingualSchema.meta({ description: "What the rule is called, e.g. 连续两年考核不称职" }),
  consequence: BilingualSchema.meta({ description: "What the regulation proposes, for the reviewer to decide" }),
});
export type MultiYearRule = z.infer<typeof MultiYearRuleSchema>;

export const SurveyPolicySchema = z.object({
  id: Key,
  version: z.number().int().min(1),
  title: z.string().min(1).max(200),
  scales: z.record(Key, SurveyScaleSchema),
  dontKnow: z.enum(["exclude", "count"]).meta({
    description: "不了解: exclude from the base (default) or count as an answer with no points",
  }),
  layers: z.record(Key, z.object({ label: z.string().min(1).max(40), en: z.string().max(80).optional() })),
  minAnswersToReport: z.number().int().min(1).max(100),
  negativeMax: FractionText.meta({ description: "A new cadre whose negative share exceeds this is flagged 核实" }),
  floor: z.number().finite().min(0).max(100).nullable().meta({ description: "A unit index below this: 重点督导" }),
  step: z
    .number()
    .finite()
    .min(0)
    .max(100)
    .nullable()
    .meta({ description: "A unit index falling from last year by more than this: 重点督导" }),
  multiYear: z.array(MultiYearRuleSchema).max(20),
});
export type SurveyPolicy = z.infer<typeof SurveyPolicySchema>;

/** The three scales of spec section 9. Points of `work` and `cadre` are the project's choice (docs/survey.md). */
export const SURVEY_PRESETS: Record<"national" | "work" | "cadre", SurveyScale> = {
  national: {
    label: { "zh-CN": "满意度（全国调查）", en: "Satisfaction (national survey)" },
    answers: [
      { label: "很满意", en: "Very satisfied", points: 100, aliases: ["非常满意"] },
      { label: "满意", en: "Satisfied", points: 80 },
      { label: "基本满意", en: "Basically satisfied", points: 60, aliases: ["比较满意"] },
      { label: "不太满意", en: "Not very satisfied", points: 30, aliases: ["不大满意"] },
      { label: "不满意", en: "Dissatisfied", points: 0 },
    ],
    negative: ["不太满意", "不满意"],
  },
  work: {
    label: { "zh-CN": "工作评价", en: "Work rating" },
    answers: [
      { label: "好", en: "Good", points: 100 },
      { label: "较好", en: "Fairly good", points: 80, aliases: ["比较好"] },
      { label: "一般", en: "Fair", points: 60 },
      { label: "差", en: "Poor", points: 0, aliases: ["较差"] },
    ],
    negative: ["差"],
  },
  cadre: {
    label: { "zh-CN": "对新提拔干部的认同度", en: "Endorsement of a newly promoted cadre" },
    answers: [
      { label: "认同", en: "Endorse", points: 100 },
      { label: "基本认同", en: "Broadly endorse", points: 60 },
      { label: "不认同", en: "Do not endorse", points: 0 },
    ],
    negative: ["不认同"],
  },
};

export const DEFAULT_SURVEY_POLICY: SurveyPolicy = {
  id: "survey-default",
  version: 1,
  title: "选人用人工作“一报告两评议”（示例）",
  scales: SURVEY_PRESETS,
  dontKnow: "exclude",
  layers: {
    committee: { label: "全委会委员", en: "Committee members" },
    leaders: { label: "本级领导班子成员", en: "Leadership team members" },
    grassroots: { label: "基层干部群众", en: "Grassroots cadres and public" },
  },
  minAnswersToReport: 3,
  negativeMax: "1/3",
  floor: 60,
  step: 5,
  multiYear: [
    {
      id: "two_years_incompetent",
      grades: ["incompetent"],
      years: 2,
      label: { "zh-CN": "连续两年考核不称职", en: "Incompetent two years running" },
      consequence: {
        "zh-CN": "按规定应予辞退或组织调整，须经组织认定",
        en: "the regulation provides for dismissal or reassignment; needs organisational decision",
      },
    },
    {
      id: "two_years_basic",
      grades: ["basic"],
      years: 2,
      label: { "zh-CN": "连续两年考核基本称职", en: "Basically competent two years running" },
      consequence: {
        "zh-CN": "按规定应予组织调整，须经组织认定",
        en: "the regulation provides for reassignment; needs organisational decision",
      },
    },
  ],
};
