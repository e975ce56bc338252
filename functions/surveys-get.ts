import { z } from "zod";
import { SurveyStoredSchema } from "../shared/index.ts";
import { surveyToCsv, writeSurveyWorkbook } from "../io/survey/write.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { SheetIdParam } from "./lib/params.ts";
import { ProblemError } from "./lib/problem.ts";
import { COMMON_PROBLEMS, notFoundProblem } from "./lib/responses.ts";
import { getSurvey } from "./store/surveys.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const operation = defineOperation({
  name: "surveysGet",
  method: "GET",
  route: "surveys/{id}",
  roles: ["hr"],
  summary: {
    "zh-CN": "下载评议结果：JSON、CSV，或含各单位 A4 反馈报告的工作簿",
    en: "Pull a stored survey: JSON, CSV, or the workbook with each unit's A4 feedback report",
  },
  request: {
    params: z.object({ id: SheetIdParam }),
    query: z.object({ format: z.enum(["json", "csv", "xlsx"]).default("json") }),
  },
  responses: [
    {
      status: 200,
      description: { "zh-CN": "评议结果（format=json）", en: "The survey (format=json)" },
      schema: SurveyStoredSchema,
    },
    {
      status: 200,
      description: { "zh-CN": "CSV（format=csv）", en: "CSV (format=csv)" },
      contentType: "text/csv; charset=utf-8",
    },
    { status: 200, description: { "zh-CN": "工作簿（format=xlsx）", en: "Workbook (format=xlsx)" }, contentType: XLSX },
    notFoundProblem("评议结果不存在", "Unknown survey"),
    ...COMMON_PROBLEMS,
  ],
  run: async ({ params, query }) => {
    const found = await getSurvey(params.id);
    if (!found)
      throw new ProblemError(404, "survey-not-found", {
        "zh-CN": `没有编号为 ${params.id} 的评议结果`,
        en: `no survey with id ${params.id}`,
      });
    const { summary, doc } = found;
    const file = `kaoping-survey-${summary.period}-${summary.id.slice(0, 8)}`;
    if (query.format === "csv")
      return {
        body: surveyToCsv(doc.result, doc.policy),
        contentType: "text/csv; charset=utf-8",
        headers: { "Content-Disposition": `attachment; filename="${file}.csv"` },
      };
    if (query.format === "xlsx")
      return {
        body: new Uint8Array(await writeSurveyWorkbook(doc.result, doc.policy)),
        contentType: XLSX,
        headers: { "Content-Disposition": `attachment; filename="${file}.xlsx"` },
      };
    return { json: { ...summary, result: doc.result } };
  },
});

export const surveysGet = operation.handler;
register(operation);
