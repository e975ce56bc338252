import { AssessmentResultSchema } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { MiB } from "./lib/params.ts";
import { COMMON_PROBLEMS, notFoundProblem, problemSpec } from "./lib/responses.ts";
import { WORKBOOK_UPLOAD } from "./lib/files.ts";
import { ignoredColumnsHeader, scoreUploadedWorkbook, WorkbookScoreQuery } from "./lib/workbook-score.ts";

export const operation = defineOperation({
  name: "scoreWorkbook",
  method: "POST",
  route: "score/workbook",
  roles: ["assessor"],
  visibility: "important",
  summary: { "zh-CN": "工作簿计分（返回结果）", en: "Score a workbook (result)" },
  description: {
    "zh-CN":
      "上传考核工作簿 .xlsx，用与命令行相同的读取与计分，返回规范第 8 节的结果（含需组织审核的名单与数据问题）。上限 32 MiB。",
    en: "Upload the assessment workbook .xlsx; read and scored exactly as the CLI does; returns the section 8 result (with who needs review and the data issues). Limit 32 MiB.",
  },
  maxBodyBytes: 32 * MiB,
  request: { file: WORKBOOK_UPLOAD, query: WorkbookScoreQuery },
  responses: [
    { status: 200, description: { "zh-CN": "考核结果", en: "The assessment result" }, schema: AssessmentResultSchema },
    notFoundProblem("考核方案不存在", "Unknown policy"),
    problemSpec(422, "工作簿无法读取（缺少工作表或表头）", "The workbook cannot be read (missing sheet or header)"),
    ...COMMON_PROBLEMS,
  ],
  run: async ({ file, query }) => {
    const { result, ignoredColumns } = await scoreUploadedWorkbook(file!, query);
    return { json: result, headers: ignoredColumnsHeader(ignoredColumns) };
  },
});

export const scoreWorkbook = operation.handler;
register(operation);
