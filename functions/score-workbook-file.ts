import { writeScoredWorkbook } from "../io/write.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { MiB } from "./lib/params.ts";
import { COMMON_PROBLEMS, notFoundProblem, problemSpec } from "./lib/responses.ts";
import { fileReply, WORKBOOK_UPLOAD, XLSX } from "./lib/files.ts";
import { ignoredColumnsHeader, scoreUploadedWorkbook, WorkbookScoreQuery } from "./lib/workbook-score.ts";

export const operation = defineOperation({
  name: "scoreWorkbookFile",
  method: "POST",
  route: "score/workbook/scored",
  roles: ["assessor"],
  visibility: "important",
  summary: { "zh-CN": "工作簿计分（返回计分工作簿）", en: "Score a workbook (scored workbook)" },
  description: {
    "zh-CN":
      "上传考核工作簿 .xlsx，返回与命令行 kaoping score --out 相同的计分工作簿（结果、问题、方案各一张表）。上限 32 MiB。",
    en: "Upload the assessment workbook .xlsx; returns the same scored workbook as kaoping score --out (results, issues and policy sheets). Limit 32 MiB.",
  },
  maxBodyBytes: 32 * MiB,
  request: { file: WORKBOOK_UPLOAD, query: WorkbookScoreQuery },
  responses: [
    {
      status: 200,
      description: { "zh-CN": "计分工作簿 .xlsx", en: "The scored workbook .xlsx" },
      contentType: "application/octet-stream",
    },
    notFoundProblem("考核方案不存在", "Unknown policy"),
    problemSpec(422, "工作簿无法读取（缺少工作表或表头）", "The workbook cannot be read (missing sheet or header)"),
    ...COMMON_PROBLEMS,
  ],
  run: async ({ file, query }) => {
    const { policy, result, input, ignoredColumns } = await scoreUploadedWorkbook(file!, query);
    // The same workbook as `kaoping score --out`: the input too, so the issues sheet names 票号 and 姓名.
    const bytes = await writeScoredWorkbook(result, policy, { input });
    const reply = fileReply(bytes, XLSX, "kaoping-scored.xlsx", "考核结果.xlsx");
    return { ...reply, headers: { ...reply.headers, ...ignoredColumnsHeader(ignoredColumns) } };
  },
});

export const scoreWorkbookFile = operation.handler;
register(operation);
