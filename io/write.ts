import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";
import {
  DIMENSIONS,
  DIMENSION_LABELS,
  add,
  div,
  parseDecimal,
  parseFraction,
  toNumber,
  ZERO,
  type AssessmentResult,
  type Policy,
} from "../shared/index.ts";
import { resultColumns, rowsByRank } from "./result-table.ts";
import { neutraliseCell } from "./csv-safe.ts";

export const RESULTS_SHEET = "考核结果 Results";
export const ISSUES_SHEET = "问题 Issues";
export const POLICY_SHEET = "方案 Policy";

/** Where the composite formula finds its inputs; fixed by resultColumns' order. */
const COMPOSITE_COL = 7;
const FIRST_DIM_COL = "H";
const LAST_DIM_COL = "L";

export interface WriteOptions {
  /**
   * Write the engine's composite as the formula's cached result (default), so viewers that do not
   * recalculate still show it. Off only to prove that a spreadsheet recomputes the same value.
   */
  cachedFormulaResults?: boolean;
}

/** The scored workbook HR downloads: results with auditable composite formulas, issues, and the policy used. */
export async function writeScoredWorkbook(
  result: AssessmentResult,
  policy: Policy,
  options: WriteOptions = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "kaoping";
  // Excel recomputes on open; the cached results are for viewers that cannot.
  workbook.calcProperties = { fullCalcOnLoad: true };
  // Printed for the committee: A3 landscape, one page wide, the header repeated on every page.
  // Paper size 8 is A3 in the OOXML list; exceljs's enum omits it.
  const print: Partial<ExcelJS.PageSetup> = {
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    paperSize: 8 as ExcelJS.PaperSize,
    printTitlesRow: "1:1",
  };
  const results = workbook.addWorksheet(RESULTS_SHEET, {
    views: [{ state: "frozen", xSplit: 4, ySplit: 1 }],
    pageSetup: print,
  });
  const issues = workbook.addWorksheet(ISSUES_SHEET, { views: [{ state: "frozen", ySplit: 1 }], pageSetup: print });
  const policySheet = workbook.addWorksheet(POLICY_SHEET);

  const weightRows = writePolicySheet(policySheet, result, policy);
  writeResults(results, result, policy, weightRows, options.cachedFormulaResults ?? true);
  writeIssues(issues, result);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function headerStyle(row: ExcelJS.Row) {
  row.font = { bold: true };
  // Two-part headers (中文 + English) wrap onto a second or third line.
  row.height = 45;
  row.alignment = { vertical: "middle", wrapText: true };
  row.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
}

function writeResults(
  ws: ExcelJS.Worksheet,
  result: AssessmentResult,
  policy: Policy,
  weightRows: Map<string, number>,
  cached: boolean,
) {
  const columns = resultColumns(result, policy);
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  headerStyle(ws.getRow(1));
  const policyRef = `'${POLICY_SHEET.replace(/'/g, "''")}'`;
  rowsByRank(result).forEach((cadre, i) => {
    const r = i + 2;
    const row = ws.getRow(r);
    columns.forEach((col, k) => {
      const cell = row.getCell(k + 1);
      const v = col.value(cadre);
      if (v !== undefined) cell.value = v;
      if (col.numFmt) cell.numFmt = col.numFmt;
    });
    row.alignment = { vertical: "top", wrapText: true };
    // Dimension cells hold the exact D(d) as a double, so the composite formula reproduces S.
    if (cadre.dimensionsExact) {
      DIMENSIONS.forEach((d, k) => {
        row.getCell(COMPOSITE_COL + 1 + k).value = toNumber(parseFraction(cadre.dimensionsExact![d])!);
      });
    }
    const weightRow = weightRows.get(cadre.post);
    if (cadre.composite !== null && weightRow !== undefined) {
      // Inner ROUND(…, 12) strips binary noise (SUMPRODUCT errs by ~1e-13) so an exact x.xx5 rounds up, as
      // the engine does, yet keeps a value a hair below x.xx5 below it (any whose denominator is under ~1e10).
      const formula = `ROUND(ROUND(SUMPRODUCT(${FIRST_DIM_COL}${r}:${LAST_DIM_COL}${r},${policyRef}!$C$${weightRow}:$G$${weightRow}),12),2)`;
      row.getCell(COMPOSITE_COL).value = cached ? { formula, result: cadre.composite } : { formula, date1904: false };
    }
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

function writeIssues(ws: ExcelJS.Worksheet, result: AssessmentResult) {
  ws.columns = [
    { header: "工作表 Sheet", width: 14 },
    { header: "行 Row", width: 8 },
    { header: "字段 Field", width: 14 },
    { header: "代码 Code", width: 16 },
    { header: "值 Value", width: 12 },
    { header: "说明 Message", width: 60 },
    { header: "Message (English)", width: 60 },
  ];
  headerStyle(ws.getRow(1));
  for (const issue of result.issues) {
    const row = ws.addRow([
      issue.sheet,
      issue.row,
      issue.field,
      issue.code,
      issue.value ?? undefined,
      issue.message["zh-CN"],
      issue.message.en,
    ]);
    row.alignment = { vertical: "top", wrapText: true };
  }
}

/** Writes the policy; returns the sheet row of each post's (normalised) weights for the formulas. */
function writePolicySheet(ws: ExcelJS.Worksheet, result: AssessmentResult, policy: Policy): Map<string, number> {
  ws.columns = [
    { width: 22 },
    { width: 22 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
  ];
  const title = (text: string) => {
    const row = ws.addRow([text]);
    row.font = { bold: true };
  };
  ws.addRow(["编号 id", result.policy.id]);
  ws.addRow(["版本 version", result.policy.version]);
  ws.addRow(["sha256", result.policy.sha256]);
  ws.addRow(["标题 title", policy.title]);
  ws.addRow([]);

  title("岗位要素权重 Post weights");
  headerStyle(
    ws.addRow([
      "岗位键 Post key",
      "岗位类别 Post",
      ...DIMENSIONS.map((d) => `${DIMENSION_LABELS[d]["zh-CN"]} ${DIMENSION_LABELS[d].en}`),
    ]),
  );
  const weightRows = new Map<string, number>();
  for (const [key, post] of Object.entries(policy.posts)) {
    // Weights may be given in percent (sum 100); the sheet shows them as fractions of 1, as the engine uses them.
    const exact = DIMENSIONS.map((d) => parseDecimal(post.weights[d])!);
    const sum = exact.reduce(add, ZERO);
    const row = ws.addRow([key, post.label, ...exact.map((w) => toNumber(div(w, sum)))]);
    weightRows.set(key, row.number);
  }
  ws.addRow([]);

  title("测评主体权重 Rater-group weights");
  headerStyle(ws.addRow(["测评主体键 Group key", "测评主体 Group", "权重 Weight"]));
  for (const [key, g] of Object.entries(policy.raterGroups)) ws.addRow([key, g.label, g.weight]);
  ws.addRow([]);

  title("分档线 Score bands");
  ws.addRow(["优秀 excellent ≥", policy.bands.excellent]);
  ws.addRow(["称职 competent ≥", policy.bands.competent]);
  ws.addRow(["基本称职 basic ≥", policy.bands.basic]);
  ws.addRow([]);

  title("票决规则 Vote rules");
  const off = "关闭 off";
  ws.addRow(["称职以上票下限 competentMin", policy.voteRules.competentMin ?? off]);
  ws.addRow(["不称职票上限 incompetentMax", policy.voteRules.incompetentMax ?? off]);
  ws.addRow(["优秀票下限 excellentMin", policy.voteRules.excellentMin ?? off]);
  ws.addRow(["计票基数 base", policy.voteRules.base]);
  ws.addRow([]);

  title("一票否决 Vetoes");
  for (const v of policy.vetoes)
    ws.addRow([`${DIMENSION_LABELS[v.dimension]["zh-CN"]} ${DIMENSION_LABELS[v.dimension].en} <`, v.below]);
  ws.addRow([]);

  title("优秀名额 Excellent quota");
  ws.addRow(["比例 share", policy.excellentQuota.share]);
  ws.addRow(["范围 scope", policy.excellentQuota.scope]);
  ws.addRow(["取整 rounding", policy.excellentQuota.rounding]);
  ws.addRow([]);

  title("其他 Other");
  ws.addRow([
    "去高去低 trim (minBallots/high/low)",
    `${policy.trim.minBallots} / ${policy.trim.high} / ${policy.trim.low}`,
  ]);
  ws.addRow(["分组公开最少票数 minGroupBallotsToReport", policy.minGroupBallotsToReport]);
  ws.addRow(["到会比例 quorum", policy.quorum]);
  ws.addRow(["分值范围 scale", `${policy.scale.min}–${policy.scale.max}`]);
  for (const [label, points] of Object.entries(policy.scale.levels)) ws.addRow([`等级 level「${label}」`, points]);
  return weightRows;
}

/**
 * HR's CSV pull: the results table with values (no formulas), UTF-8 with BOM so Excel opens it in Chinese.
 * Pass the policy for post and group labels; without it the keys are shown.
 */
export function resultToCsv(result: AssessmentResult, policy?: Policy): string {
  const columns = resultColumns(result, policy);
  const rows = rowsByRank(result).map((c) => columns.map((col) => neutraliseCell(col.value(c) ?? "")));
  return "\uFEFF" + stringify([columns.map((c) => neutraliseCell(c.header)), ...rows], { record_delimiter: "\r\n" });
}
