import { z } from "zod";
import { SheetFormatSchema, StoredSheetSchema } from "../shared/index.ts";
import { sheetCsv, sheetJson, sheetXlsx } from "./lib/sheet-view.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { SheetIdParam } from "./lib/params.ts";
import { ProblemError } from "./lib/problem.ts";
import { COMMON_PROBLEMS, notFoundProblem } from "./lib/responses.ts";
import { getSheet } from "./store/sheets.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const operation = defineOperation({
  name: "sheetsGet",
  method: "GET",
  route: "sheets/{id}",
  roles: ["hr"],
  summary: {
    "zh-CN": "下载考评表：JSON、CSV 或与命令行相同的 xlsx 结果工作簿",
    en: "Pull a sheet: JSON, CSV, or the same scored xlsx workbook the CLI writes",
  },
  request: { params: z.object({ id: SheetIdParam }), query: z.object({ format: SheetFormatSchema.default("json") }) },
  responses: [
    {
      status: 200,
      description: { "zh-CN": "考评表（format=json）", en: "The sheet (format=json)" },
      schema: StoredSheetSchema,
    },
    {
      status: 200,
      description: { "zh-CN": "CSV（format=csv）", en: "CSV (format=csv)" },
      contentType: "text/csv; charset=utf-8",
    },
    {
      status: 200,
      description: { "zh-CN": "xlsx 结果工作簿（format=xlsx）", en: "Scored xlsx workbook (format=xlsx)" },
      contentType: XLSX,
    },
    notFoundProblem("考评表不存在", "Unknown sheet"),
    ...COMMON_PROBLEMS,
  ],
  run: async ({ params, query }) => {
    const found = await getSheet(params.id);
    if (!found)
      throw new ProblemError(404, "sheet-not-found", {
        "zh-CN": `没有编号为 ${params.id} 的考评表`,
        en: `no sheet with id ${params.id}`,
      });
    const { summary, doc } = found;
    const file = `kaoping-${summary.unit}-${summary.period}-${summary.id.slice(0, 8)}`;
    const disposition = (ext: string) =>
      `attachment; filename="kaoping-${summary.id}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${file}.${ext}`)}`;
    if (query.format === "csv")
      return {
        body: sheetCsv(summary, doc),
        contentType: "text/csv; charset=utf-8",
        headers: { "Content-Disposition": disposition("csv") },
      };
    if (query.format === "xlsx")
      return {
        body: await sheetXlsx(summary, doc),
        contentType: XLSX,
        headers: { "Content-Disposition": disposition("xlsx") },
      };
    return { json: sheetJson(summary, doc) };
  },
});

export const sheetsGet = operation.handler;
register(operation);
