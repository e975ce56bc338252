/// <reference types="office-js" />
/** Renders a shared sheet model (shared/report) through office.js, cell for cell as io/render-sheet.ts does. */
import {
  columnLetters,
  FONT_NAME,
  isFormula,
  type ModelCell,
  type ModelRow,
  type SheetModel,
} from "../../shared/report/index.ts";
import { formatColumn, SyncBudget, writeRows } from "./excel-io.ts";

export interface RenderOptions {
  /** Cells to write instead of the model's (the committee's kept entries), by 0-based row and column. */
  override?: (row: number, col: number) => string | number | undefined;
  /** Write formulas (default) or their cached results (a pulled sheet has no detail or policy sheet to refer to). */
  formulas?: boolean;
}

/** Excel's column width in characters of the default font, as office.js wants it: points. */
export const widthInPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

const cellText = (c: ModelCell | undefined, formulas: boolean): string | number => {
  if (c === undefined || c === null) return "";
  if (!isFormula(c)) return c;
  return formulas ? `=${c.formula}` : (c.result ?? "");
};

/** Consecutive rows sharing a value of `key`: one format call per run instead of one per row. */
function runs<T>(rows: readonly ModelRow[], key: (r: ModelRow) => T): { start: number; count: number; value: T }[] {
  const out: { start: number; count: number; value: T }[] = [];
  rows.forEach((r, i) => {
    const v = key(r);
    const last = out[out.length - 1];
    if (last && last.value === v && last.start + last.count === i) last.count++;
    else out.push({ start: i, count: 1, value: v });
  });
  return out;
}

export async function renderModel(
  budget: SyncBudget,
  ws: Excel.Worksheet,
  model: SheetModel,
  options: RenderOptions = {},
): Promise<void> {
  const width = model.columns.length;
  const printed = model.print.columns ?? width;
  const formulas = options.formulas ?? true;
  const grid = model.rows.map((r, i) =>
    Array.from({ length: width }, (_, k) => options.override?.(i, k) ?? cellText(r.cells[k], formulas)),
  );
  await writeRows(budget, ws, 0, 0, grid);
  const n = model.rows.length;
  if (n === 0) return;

  await budget.reserve(64 * width);
  model.columns.forEach((c, k) => (ws.getRangeByIndexes(0, k, 1, 1).format.columnWidth = widthInPoints(c.width)));
  const all = ws.getRangeByIndexes(0, 0, n, width);
  all.format.font.name = FONT_NAME;
  all.format.font.size = model.fontSize;
  all.format.verticalAlignment = "Top";

  for (const run of runs(model.rows, (r) => r.wrap ?? false))
    if (run.value) ws.getRangeByIndexes(run.start, 0, run.count, width).format.wrapText = true;
  for (const run of runs(model.rows, (r) => r.bold ?? false))
    if (run.value) ws.getRangeByIndexes(run.start, 0, run.count, width).format.font.bold = true;
  for (const run of runs(model.rows, (r) => r.size ?? model.fontSize))
    if (run.value !== model.fontSize) ws.getRangeByIndexes(run.start, 0, run.count, width).format.font.size = run.value;
  for (const run of runs(model.rows, (r) => r.fill ?? "")) {
    if (!run.value) continue;
    await budget.reserve(96);
    ws.getRangeByIndexes(run.start, 0, run.count, width).format.fill.color = run.value;
  }
  for (const [i, r] of model.rows.entries()) {
    await budget.reserve(64);
    if (r.height !== undefined) ws.getRangeByIndexes(i, 0, 1, 1).format.rowHeight = r.height;
    if (r.spanAll && printed > 1) ws.getRangeByIndexes(i, 0, 1, printed).merge(false);
  }

  const first = model.headerRow + 1;
  if (model.headerRow >= 0 && first < n)
    for (const [k, c] of model.columns.entries()) {
      if (c.numFmt) await formatColumn(budget, ws, first, k, n - first, c.numFmt);
      if (c.center) ws.getRangeByIndexes(first, k, n - first, 1).format.horizontalAlignment = "Center";
    }

  const { rows: frozenRows, cols: frozenCols } = model.freeze;
  if (frozenRows && frozenCols) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, frozenRows, frozenCols));
  else if (frozenRows) ws.freezePanes.freezeRows(frozenRows);
  else if (frozenCols) ws.freezePanes.freezeColumns(frozenCols);

  // Page layout needs ExcelApi 1.9 (Excel 2021, Microsoft 365, the web); an older Excel prints with its defaults.
  if (typeof Office !== "undefined" && !Office.context?.requirements?.isSetSupported("ExcelApi", "1.9")) return;
  const p = model.print;
  const layout = ws.pageLayout;
  layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  // Printed at 100 %: the 10 pt body stays 10 pt on paper; only the policy sheet may shrink to its page.
  layout.zoom = p.fitOnePage ? { horizontalFitToPages: 1, verticalFitToPages: 1 } : { scale: 100 };
  layout.centerHorizontally = true;
  layout.leftMargin = p.margins.left * 72;
  layout.rightMargin = p.margins.right * 72;
  layout.topMargin = p.margins.top * 72;
  layout.bottomMargin = p.margins.bottom * 72;
  layout.headerMargin = p.margins.header * 72;
  layout.footerMargin = p.margins.footer * 72;
  if (p.titleRows) layout.setPrintTitleRows(`$${p.titleRows[0]}:$${p.titleRows[1]}`);
  if (p.columns) layout.setPrintArea(`A1:${columnLetters(p.columns - 1)}${n}`);
  layout.headersFooters.defaultForAllPages.centerFooter = p.footer;
}
