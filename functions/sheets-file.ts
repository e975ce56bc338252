import { z } from "zod";
import { defineOperation, register } from "./lib/operation.ts";
import { SheetIdParam } from "./lib/params.ts";
import { COMMON_PROBLEMS, notFoundProblem } from "./lib/responses.ts";
import { sheetFile, sheetOrNotFound } from "./lib/sheet-view.ts";

/** The same download as sheetsGet's csv/xlsx formats, declared as a file so a flow can hand it on. */
export const operation = defineOperation({
  name: "sheetsFile",
  method: "GET",
  route: "sheets/{id}/file",
  roles: ["hr"],
  visibility: "important",
  summary: { "zh-CN": "下载考评表文件（xlsx 或 CSV）", en: "Download a sheet as a file (xlsx or CSV)" },
  description: {
    "zh-CN":
      "人事部门下载已提交的考评表：与命令行写出的相同的 xlsx 结果工作簿，或 CSV；可交给 OneDrive、SharePoint 或邮件步骤。",
    en: "HR downloads a submitted sheet: the same scored xlsx workbook the CLI writes, or CSV; ready for OneDrive, SharePoint or mail steps.",
  },
  request: {
    params: z.object({ id: SheetIdParam.meta({ description: "考评表编号 / Sheet id" }) }),
    query: z.object({
      format: z
        .enum(["xlsx", "csv"])
        .default("xlsx")
        .meta({ description: "文件格式：xlsx（默认）或 csv / File format: xlsx (default) or csv" }),
    }),
  },
  responses: [
    {
      status: 200,
      description: { "zh-CN": "考评表文件", en: "The sheet as a file" },
      contentType: "application/octet-stream",
    },
    notFoundProblem("考评表不存在", "Unknown sheet"),
    ...COMMON_PROBLEMS,
  ],
  run: async ({ params, query }) => sheetFile(await sheetOrNotFound(params.id), query.format),
});

export const sheetsFile = operation.handler;
register(operation);
