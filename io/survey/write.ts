import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";
import {
  feedbackReport,
  surveyTable,
  type FeedbackReport,
  type SurveyPolicy,
  type SurveyResult,
} from "../../shared/index.ts";

export const SURVEY_RESULTS_SHEET = "评议结果";
export const SURVEY_ISSUES_SHEET = "问题 Issues";

/** Sheet names may not hold []:*?/\ and stop at 31 characters. */
export const feedbackSheetName = (unit: string, taken: Set<string>): string => {
  const base = `反馈 ${unit.replace(/[[\]:*?/\\]/g, "_")}`.slice(0, 28);
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}~${n}`;
  taken.add(name);
  return name;
};

const bi = (b: { "zh-CN": string; en: string }) => (b["zh-CN"] === b.en ? b.en : `${b["zh-CN"]}\n${b.en}`);

/** The scored survey: the 评议结果 table, one A4 feedback report per unit, and the issues. */
export async function writeSurveyWorkbook(result: SurveyResult, policy: SurveyPolicy): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "kaoping";
  const table = surveyTable(result, policy);
  const ws = wb.addWorksheet(SURVEY_RESULTS_SHEET, {
    views: [{ state: "frozen", xSplit: 3, ySplit: 1 }],
    pageSetup: {
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      paperSize: 9,
      printTitlesRow: "1:1",
    },
  });
  ws.addRow(table.header.map(bi));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  ws.getRow(1).height = 32;
  for (const [i, row] of table.rows.entries()) {
    const r = ws.addRow(row);
    if (table.wholeRows.includes(i)) r.font = { bold: true };
  }
  ws.columns.forEach((c, i) => (c.width = i === 2 ? 24 : i === table.header.length - 1 ? 60 : i === 3 ? 16 : 11));
  ws.getColumn(table.header.length).alignment = { wrapText: true, vertical: "top" };
  // Excel's own in-cell bars: each row's answers and index seen at a glance (exceljs writes no charts).
  const letter = (c: number) => ws.getColumn(c + 1).letter;
  const last = table.rows.length + 1;
  if (table.rows.length > 0) {
    ws.addConditionalFormatting({
      ref: `${letter(table.columns.counts[0])}2:${letter(table.columns.counts[1])}${last}`,
      rules: [
        {
          type: "dataBar",
          priority: 1,
          cfvo: [{ type: "min" }, { type: "max" }],
          color: { argb: "FF5B9BD5" },
        } as never,
      ],
    });
    ws.addConditionalFormatting({
      ref: `${letter(table.columns.index)}2:${letter(table.columns.index)}${last}`,
      rules: [
        {
          type: "dataBar",
          priority: 2,
          cfvo: [
            { type: "num", value: 0 },
            { type: "num", value: 100 },
          ],
          color: { argb: "FF70AD47" },
        } as never,
      ],
    });
  }

  const taken = new Set<string>([SURVEY_RESULTS_SHEET, SURVEY_ISSUES_SHEET]);
  for (const u of result.units)
    writeFeedback(wb.addWorksheet(feedbackSheetName(u.unit, taken)), feedbackReport(result, policy, u.unit));

  const issues = wb.addWorksheet(SURVEY_ISSUES_SHEET, {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  issues.addRow(["工作表 Sheet", "行 Row", "字段 Field", "说明", "Message"]).font = { bold: true };
  for (const i of result.issues) issues.addRow([i.sheet, i.row, i.field, i.message["zh-CN"], i.message.en]);
  issues.columns.forEach((c, i) => (c.width = i >= 3 ? 70 : 12));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One unit's report on A4 portrait, one page wide, ready to print and hand over. */
export function writeFeedback(ws: ExcelJS.Worksheet, report: FeedbackReport): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter.oddFooter = "&C第 &P 页，共 &N 页 Page &P of &N";
  ws.columns = [
    { width: 36 },
    { width: 10 },
    { width: 10 },
    { width: 11 },
    { width: 11 },
    { width: 10 },
    { width: 10 },
  ];
  const wide = (text: string, opts: { bold?: boolean; size?: number; height?: number } = {}) => {
    const r = ws.addRow([text]);
    ws.mergeCells(r.number, 1, r.number, 7);
    r.getCell(1).font = { bold: opts.bold ?? false, size: opts.size ?? 10 };
    r.getCell(1).alignment = { wrapText: true, vertical: "top" };
    if (opts.height) r.height = opts.height;
  };
  wide(report.title["zh-CN"], { bold: true, size: 14, height: 22 });
  wide(report.title.en, { size: 10 });
  for (const f of report.facts) wide(`${f["zh-CN"]}    ${f.en}`);
  ws.addRow([]);
  const head = (cells: { "zh-CN": string; en: string }[]) => {
    const r = ws.addRow(cells.map((c) => `${c["zh-CN"]}\n${c.en}`));
    r.font = { bold: true };
    r.height = 44;
    r.eachCell((c) => {
      c.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
      c.border = { bottom: { style: "thin" } };
    });
  };
  head(report.itemHeader);
  // Figures as numbers with two decimals (the value a person checks), the change with its sign.
  const TWO = "0.00";
  const SIGNED = "+0.00;-0.00;0.00";
  for (const row of report.items) {
    const r = ws.addRow(row);
    r.alignment = { vertical: "top", horizontal: "center" };
    r.getCell(1).alignment = { wrapText: true, vertical: "top" };
    // Printers do not grow a row to its wrapped text: give a long item name the lines it needs.
    r.height = 15 * Math.max(1, Math.ceil(textWidth(String(row[0] ?? "")) / 34));
    for (const [col, fmt] of [
      [5, TWO],
      [6, TWO],
      [7, SIGNED],
    ] as const)
      if (typeof r.getCell(col).value === "number") r.getCell(col).numFmt = fmt;
  }
  ws.addRow([]);
  wide("按评议人层次 By respondent layer", { bold: true });
  head(report.layerHeader);
  for (const row of report.layers) {
    const r = ws.addRow(row);
    r.alignment = { horizontal: "center" };
    r.getCell(1).alignment = { horizontal: "left" };
    if (typeof r.getCell(4).value === "number") r.getCell(4).numFmt = TWO;
  }
  ws.addRow([]);
  wide("标记 Flags", { bold: true });
  for (const f of report.flags) {
    wide(f["zh-CN"], { height: 30 });
    wide(f.en, { height: 30 });
  }
  ws.addRow([]);
  wide("说明 Notes", { bold: true });
  for (const n of report.notes) {
    wide(n["zh-CN"], { height: 30 });
    wide(n.en, { height: 30 });
  }
}

/** Columns a text takes: CJK characters are two wide. */
const textWidth = (text: string) => [...text].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);

/** The same table as the 评议结果 sheet, as CSV (UTF-8 with BOM so Excel reads the Chinese). */
export function surveyToCsv(result: SurveyResult, policy: SurveyPolicy): string {
  const table = surveyTable(result, policy);
  const header = table.header.map((h) => (h["zh-CN"] === h.en ? h.en : `${h["zh-CN"]} ${h.en}`));
  return "\uFEFF" + stringify([header, ...table.rows.map((r) => r.map((c) => (c === null ? "" : c)))]);
}
