import {
  DEFAULT_SURVEY_POLICY,
  ITEMS_SHEET,
  scoreSurvey,
  surveyPolicyIdentity,
  SurveySubmitSchema,
  SurveyStoredSchema,
} from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { MiB } from "./lib/params.ts";
import { ProblemError } from "./lib/problem.ts";
import { COMMON_PROBLEMS, problemSpec } from "./lib/responses.ts";
import { storedBaseline } from "./lib/survey-baseline.ts";
import { submitSurvey } from "./store/surveys.ts";

const MAX_UNITS = 500;

export const operation = defineOperation({
  name: "surveysSubmit",
  method: "POST",
  route: "surveys",
  roles: ["assessor"],
  summary: {
    "zh-CN": "保存一个年度的评议结果（服务端重新计分）",
    en: "Store a year's survey (scored again on the server)",
  },
  description: {
    "zh-CN":
      "提交年度、评议项目与评议票；服务端计分（不接受客户端算好的数字），与上一年度比较后连同方案保存，并记入审计链。只保存结果，不保存逐份答案。",
    en: "Send the year, items and answers; the server scores them (figures computed by a client are not accepted), compares with the year before, and stores the result with its policy as an audit entry. Only the result is kept, never the answer rows.",
  },
  maxBodyBytes: 32 * MiB,
  request: { body: SurveySubmitSchema },
  responses: [
    {
      status: 201,
      description: { "zh-CN": "已保存", en: "Stored" },
      schema: SurveyStoredSchema,
      headers: { Location: { "zh-CN": "评议结果地址", en: "The survey's URL" } },
    },
    problemSpec(
      422,
      "没有可计分的评议项目（逐行问题见 errors）",
      "No item could be scored (each row's issue in errors)",
    ),
    ...COMMON_PROBLEMS,
  ],
  run: async ({ body, caller }) => {
    const policy = body.surveyPolicy ?? DEFAULT_SURVEY_POLICY;
    const identity = await surveyPolicyIdentity(policy);
    const lastYear = await storedBaseline(body.period);
    const result = scoreSurvey(body, policy, identity, { period: body.period, lastYear });
    const itemIndex = new Map(body.items.map((x, k) => [x.row ?? k + 2, k]));
    const answerIndex = new Map(body.answers.map((x, k) => [x.row ?? k + 2, k]));
    if (result.units.length === 0)
      throw new ProblemError(
        422,
        "survey-empty",
        {
          "zh-CN": `没有可计分的评议项目（${result.issues.length} 个问题），未保存；请按问题逐行更正后再提交`,
          en: `no item could be scored (${result.issues.length} issue(s)); nothing was stored; fix the rows named in the issues and submit again`,
        },
        {
          errors: result.issues.slice(0, 100).map((i) => {
            const table = i.sheet === ITEMS_SHEET ? "items" : "answers";
            const index = (table === "items" ? itemIndex : answerIndex).get(i.row) ?? i.row - 2;
            return { path: [table, index, i.field], pointer: `/${table}/${index}/${i.field}`, message: i.message };
          }),
        },
      );
    // The stored index row lists the units (a table property holds at most 32K characters).
    if (result.units.length > MAX_UNITS || JSON.stringify(result.units.map((u) => u.unit)).length > 30_000)
      throw new ProblemError(422, "survey-too-many-units", {
        "zh-CN": `一次评议最多 ${MAX_UNITS} 个单位（本次 ${result.units.length} 个），未保存；请按单位拆分工作簿后分别提交`,
        en: `one survey holds at most ${MAX_UNITS} units (this one has ${result.units.length}); nothing was stored; split the workbook by unit and submit each`,
      });
    const summary = await submitSurvey({
      period: body.period,
      title: body.title,
      result,
      policy,
      identity,
      actor: caller!.actor,
    });
    return { status: 201, json: { ...summary, result }, headers: { Location: `/api/surveys/${summary.id}` } };
  },
});

export const surveysSubmit = operation.handler;
register(operation);
