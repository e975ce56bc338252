/**
 * A worksheet described as plain data: what both renderers (exceljs for the CLI/HR workbook, office.js for the
 * add-in) write cell for cell. Everything a user sees or prints is decided here, never in a renderer.
 */

/** A formula is written without "="; `result` is the engine's value, cached for viewers that do not recalculate. */
export interface FormulaCell {
  formula: string;
  result?: number | string;
}
export type ModelCell = string | number | FormulaCell | null;

export const isFormula = (c: ModelCell): c is FormulaCell => typeof c === "object" && c !== null;

export interface ModelRow {
  cells: ModelCell[];
  /**
   * Points. Set on every row (sizeRows): neither Excel nor LibreOffice fits a written row to its wrapped text
   * on opening, and merged cells never fit, so the height comes from the text (generously, never cut off).
   */
  height?: number;
  bold?: boolean;
  /** "#RRGGBB" fill over the row's cells that `fillWidth` covers (default: every column of the sheet). */
  fill?: string;
  /** Font size in points for the row (default: the sheet's). */
  size?: number;
  /** Wrap long text in this row's cells. */
  wrap?: boolean;
  /** Start a new printed page at this row. */
  pageBreakBefore?: boolean;
  /** Merge the row's first cell across the sheet's printed width (titles, notes, signature lines). */
  spanAll?: boolean;
}

export interface ModelColumn {
  /** Excel's column width (characters of the default font). */
  width: number;
  /** Number format of the column's data cells. */
  numFmt?: string;
  /** Centre the column's data cells (ranks). */
  center?: boolean;
}

export interface PrintSetup {
  orientation: "landscape" | "portrait";
  /** Always A4: what a 组织部 files. */
  paper: "A4";
  /** Sheet rows (1-based, inclusive) repeated at the top of every printed page. */
  titleRows?: [number, number];
  /** Margins in inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Footer in Excel's header/footer codes (&P page, &N pages); centred. */
  footer: string;
  /** Shrink to one page if it would not fit (the policy sheet: one table must not split across pages). */
  fitOnePage?: boolean;
  /** Print only the first `columns` columns (the rest is working space such as a chart's data). */
  columns?: number;
}

export interface SheetModel {
  name: string;
  columns: ModelColumn[];
  rows: ModelRow[];
  /** 0-based row of the table's header (its data rows follow); -1 when the sheet has no table. */
  headerRow: number;
  /** Rows (from the top) and columns (from the left) frozen on screen. */
  freeze: { rows: number; cols: number };
  /** Body font size in points: 10 prints at 10 pt, as print scaling is off (100 %). */
  fontSize: number;
  print: PrintSetup;
}

/**
 * The font every cell is written in: Office's default, whose column unit the widths are in; Chinese text falls back
 * to the system's CJK font (Excel: 等线; LibreOffice: Noto Sans CJK, with Carlito standing in for Calibri).
 */
export const FONT_NAME = "Calibri";

/** Footer with page numbers on every printed page. */
export const PAGE_FOOTER = "第 &P 页，共 &N 页  Page &P of &N";

export const MARGINS = { left: 0.3, right: 0.3, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 };

/**
 * Display width in Excel column units (the default font's digit): a CJK or full-width character takes about
 * 1.9 at 10 pt, a Latin one about 0.85 (Calibri and the CJK fallback fonts; a little generous
 * so a wrapped cell is never cut off).
 */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u25a0-\u25ff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 1.9
        : 0.85;
  return w;
}

/** Lines a text takes when wrapped in a column `width` units wide at 10 pt (its own line breaks count). */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 0.5);
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}

/** Row height in points for `lines` lines of `size`-point text (CJK fonts need about 1.45 x the size). */
export const heightFor = (lines: number, size: number): number => Math.ceil(lines * size * 1.45 + 3);

/** The height a row of wrapped cells needs, from the widest cell's wrapped line count. */
export function rowHeight(cells: readonly ModelCell[], columns: readonly ModelColumn[], size: number): number {
  let lines = 1;
  cells.forEach((c, i) => {
    if (typeof c !== "string" || c === "") return;
    lines = Math.max(lines, wrappedLines(c, columns[i]?.width ?? 10));
  });
  return heightFor(lines, size);
}

/** "A", "B", ... "AA": column letters of a 0-based index. */
export function columnLetters(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A sheet name as formulas quote it. */
export const sheetRef = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** Gives every row without a height the height its wrapped text needs (merged rows: across the printed width). */
export function sizeRows(model: SheetModel): SheetModel {
  const printed = model.columns.slice(0, model.print.columns ?? model.columns.length);
  const span = [{ width: printed.reduce((a, c) => a + c.width, 0) }];
  for (const row of model.rows) {
    if (row.height !== undefined) continue;
    const size = row.size ?? model.fontSize;
    const scale = model.fontSize / size;
    const columns = (row.spanAll ? span : model.columns).map((c) => ({ width: c.width * scale }));
    row.height = row.wrap === false ? heightFor(1, size) : rowHeight(row.cells, columns, size);
  }
  return model;
}
