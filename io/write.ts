import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";
import type { AssessmentResult, InputTables, Policy } from "../shared/index.ts";
import { detailColumns, reportModels, rowsByRank, WORKBOOK_SHEETS } from "../shared/report/index.ts";
import { renderSheet } from "./render-sheet.ts";
import { neutraliseCell } from "./csv-safe.ts";

export const RESULTS_SHEET = WORKBOOK_SHEETS.results;
export const DETAIL_SHEET = WORKBOOK_SHEETS.detail;
export const ISSUES_SHEET = WORKBOOK_SHEETS.issues;
export const POLICY_SHEET = WORKBOOK_SHEETS.policy;
export const FEEDBACK_SHEET = WORKBOOK_SHEETS.feedback;

export interface WriteOptions {
  /**
   * Write the engine's composite as the formula's cached result (default), so viewers that do not
   * recalculate still show it. Off only to prove that a spreadsheet recomputes the same value.
   */
  cachedFormulaResults?: boolean;
  /** For the printed title: the assessed organisation and year. */
  unit?: string;
  period?: string;
  /** The input scored: the issues sheet then names each row's ballot number and cadre. */
  input?: InputTables;
}

/**
 * The scored workbook HR downloads and files: the printable results page (A4 landscape, 10 pt, title, the
 * 须经组织认定 line, signature lines), the full detail with live composite formulas, one feedback page per
 * cadre, the issues and the policy used. Every sheet is the shared model (shared/report) rendered by exceljs.
 */
export async function writeScoredWorkbook(
  result: AssessmentResult,
  policy: Policy,
  options: WriteOptions = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "kaoping";
  // Excel recomputes on open; the cached results are for viewers that cannot.
  workbook.calcProperties = { fullCalcOnLoad: true };
  const models = reportModels(result, policy, { unit: options.unit, period: options.period, input: options.input });
  const cached = options.cachedFormulaResults ?? true;
  for (const model of [models.results, models.detail, models.feedback, models.issues, models.policy])
    renderSheet(workbook, model, cached);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * HR's CSV pull: the detail table with values (no formulas), UTF-8 with BOM so Excel opens it in Chinese.
 * Pass the policy for post and group labels; without it the result's own names are shown.
 */
export function resultToCsv(result: AssessmentResult, policy?: Policy): string {
  const columns = detailColumns(result, policy);
  const rows = rowsByRank(result).map((c) => columns.map((col) => neutraliseCell(col.value(c) ?? "")));
  return "\uFEFF" + stringify([columns.map((c) => neutraliseCell(c.header)), ...rows], { record_delimiter: "\r\n" });
}
