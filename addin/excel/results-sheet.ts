/// <reference types="office-js" />
/** Writes a results table (考核结果 or a pulled sheet): title, stamp, table, formats, conditional fills. */
import type { PolicyIdentity } from "../../shared/index.ts";
import { columnLetters, rangeRef } from "./a1.ts";
import { formatColumn, SyncBudget, writeRows } from "./excel-io.ts";
import { both, GRADE_FILLS, OFFLINE_MARK, TEXT } from "./labels.ts";
import { stampLine, type ResultTable } from "./result-table.ts";

/** Title, stamp and offline lines sit above the table; the header is sheet row 4. */
export const HEADER_ROW = 3;

export interface TableLayout {
  firstDataRow: number; // 0-based
  rows: number;
  cols: number;
}

export async function writeResultTable(
  budget: SyncBudget,
  ws: Excel.Worksheet,
  table: ResultTable,
  identity: PolicyIdentity,
  opts: { offline: boolean; title?: string },
): Promise<TableLayout> {
  const top = [
    [opts.title ?? both(TEXT.resultsTitle)],
    [stampLine(identity)],
    [
      opts.offline
        ? `${OFFLINE_MARK}：未连接服务器时在本机计算，提交前须联网复核 computed on this computer without the server; re-check online before submitting`
        : "",
    ],
  ];
  await writeRows(budget, ws, 0, 0, top);
  ws.getRange("A1").format.font.bold = true;
  if (opts.offline) ws.getRange("A3").format.font.color = "#9C0006";
  await writeRows(budget, ws, HEADER_ROW, 0, [table.headers, ...table.rows]);

  const first = HEADER_ROW + 1;
  const n = table.rows.length;
  const cols = table.headers.length;
  ws.getRangeByIndexes(HEADER_ROW, 0, 1, cols).format.font.bold = true;
  ws.tables.add(rangeRef(HEADER_ROW, 0, Math.max(2, n + 1), cols), true);
  ws.freezePanes.freezeRows(HEADER_ROW + 1);
  if (n > 0) {
    for (const col of [table.col.composite, ...table.col.dimensions])
      await formatColumn(budget, ws, first, col, n, "0.00");
    for (const col of table.col.shares) await formatColumn(budget, ws, first, col, n, "0.00%");
    // One rule per grade over the data rows, keyed on the grade column: the fill follows edits to the grade.
    const data = ws.getRange(rangeRef(first, 0, n, cols));
    const gradeCol = `$${columnLetters(table.col.grade)}${first + 1}`;
    for (const [grade, color] of Object.entries(GRADE_FILLS)) {
      await budget.reserve(128);
      const cf = data.conditionalFormats.add("Custom");
      cf.custom.rule.formula = `=${gradeCol}="${table.gradeText[grade]!.replace(/"/g, '""')}"`;
      cf.custom.format.fill.color = color;
    }
  }
  return { firstDataRow: first, rows: n, cols };
}
