import { z } from "zod";
import { SheetFormatSchema, StoredSheetSchema } from "../shared/index.ts";
import { sheetFile, sheetJson, sheetOrNotFound } from "./lib/sheet-view.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { SheetIdParam } from "./lib/params.ts";
import { COMMON_PROBLEMS, notFoundProblem } from "./lib/responses.ts";
import { XLSX } from "./lib/files.ts";

export const operation = defineOperation({
  name: "sheetsGet",
  method: "GET",
  route: "sheets/{id}",
  roles: ["hr"],
  visibility: "important",
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
    const found = await sheetOrNotFound(params.id);
    if (query.format === "csv" || query.format === "xlsx") return sheetFile(found, query.format);
    return { json: sheetJson(found.summary, found.doc) };
  },
});

export const sheetsGet = operation.handler;
register(operation);
