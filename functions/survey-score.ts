import {
  DEFAULT_SURVEY_POLICY,
  scoreSurveyWithIdentity,
  SurveyResultSchema,
  SurveyScoreRequestSchema,
} from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { MiB } from "./lib/params.ts";
import { COMMON_PROBLEMS } from "./lib/responses.ts";
import { storedBaseline } from "./lib/survey-baseline.ts";

export const operation = defineOperation({
  name: "surveyScore",
  method: "POST",
  route: "survey/score",
  roles: ["assessor", "hr"],
  summary: {
    "zh-CN": "计算选人用人满意度（一报告两评议，规范第 9 节）",
    en: "Score a satisfaction survey of cadre selection (spec section 9)",
  },
  description: {
    "zh-CN":
      "提交评议项目与评议票（每人每项一行），按内联评议方案或内置方案计算各项目、各层次、各单位的好评率与满意度指数；给出年度时与服务中保存的上一年度结果比较。答案少于 3 份的组不显示。请求上限 32 MiB。",
    en: "Send the items and the answers (one row per respondent per item); scored with an inline survey policy or the built-in one, per item, layer and unit. With a period, compared with the stored survey of the year before. Groups under 3 answers are withheld. Body limit 32 MiB.",
  },
  maxBodyBytes: 32 * MiB,
  request: { body: SurveyScoreRequestSchema },
  responses: [
    { status: 200, description: { "zh-CN": "评议结果", en: "The survey result" }, schema: SurveyResultSchema },
    ...COMMON_PROBLEMS,
  ],
  run: async ({ body }) => {
    const policy = body.surveyPolicy ?? DEFAULT_SURVEY_POLICY;
    const lastYear = body.period && body.lastYear === "stored" ? await storedBaseline(body.period) : undefined;
    const result = await scoreSurveyWithIdentity(body, policy, { period: body.period, lastYear });
    return { json: result };
  },
});

export const surveyScore = operation.handler;
register(operation);
