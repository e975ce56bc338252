/** Renders a shared sheet model (shared/report) into an exceljs worksheet, cell for cell. */
import ExcelJS from "exceljs";
import { columnLetters, FONT_NAME, isFormula, type SheetModel } from "../shared/report/index.ts";

/** OOXML paper size 9 is A4. */
const A4 = 9 as ExcelJS.PaperSize;
const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/** `cached`: write the engine's value as each formula's result (off only to prove a spreadsheet recomputes it). */
export function renderSheet(workbook: ExcelJS.Workbook, model: SheetModel, cached = true): ExcelJS.Worksheet {
  const width = model.columns.length;
  const print = model.print;
  const ws = workbook.addWorksheet(model.name, {
    views: [
      model.freeze.rows || model.freeze.cols
        ? { state: "frozen", xSplit: model.freeze.cols, ySplit: model.freeze.rows }
        : { state: "normal" },
    ],
    pageSetup: {
      paperSize: A4,
      orientation: print.orientation,
      // Printed at 100 %: the 10 pt body stays 10 pt on paper; only the policy sheet may shrink to its page.
      fitToPage: print.fitOnePage ?? false,
      fitToWidth: print.fitOnePage ? 1 : undefined,
      fitToHeight: print.fitOnePage ? 1 : undefined,
      scale: 100,
      horizontalCentered: true,
      margins: print.margins,
      printTitlesRow: print.titleRows ? `${print.titleRows[0]}:${print.titleRows[1]}` : undefined,
      printArea: print.columns ? `A1:${columnLetters(print.columns - 1)}${model.rows.length}` : undefined,
    },
    headerFooter: { oddFooter: `&C${print.footer}`, evenFooter: `&C${print.footer}` },
  });
  ws.columns = model.columns.map((c) => ({ width: c.width }));
  model.rows.forEach((r, i) => {
    const row = ws.getRow(i + 1);
    if (r.height !== undefined) row.height = r.height;
    const font: Partial<ExcelJS.Font> = { name: FONT_NAME, size: r.size ?? model.fontSize, bold: r.bold ?? false };
    const alignment: Partial<ExcelJS.Alignment> = { vertical: "top", wrapText: r.wrap ?? false };
    const span = r.spanAll ? Math.min(width, print.columns ?? width) : 0;
    const cols = r.spanAll ? span : Math.max(width, r.cells.length);
    for (let k = 0; k < cols; k++) {
      const cell = row.getCell(k + 1);
      const v = r.cells[k];
      if (v !== undefined && v !== null && v !== "") {
        cell.value = isFormula(v)
          ? cached && v.result !== undefined
            ? { formula: v.formula, result: v.result }
            : { formula: v.formula, date1904: false }
          : v;
      }
      cell.font = font;
      cell.alignment =
        model.columns[k]?.center && i > model.headerRow && model.headerRow >= 0
          ? { ...alignment, horizontal: "center" }
          : alignment;
      const numFmt = model.columns[k]?.numFmt;
      if (numFmt && i > model.headerRow && model.headerRow >= 0) cell.numFmt = numFmt;
      if (r.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(r.fill) } };
    }
    if (r.spanAll && span > 1) ws.mergeCells(i + 1, 1, i + 1, span);
    if (r.pageBreakBefore && i > 0) ws.getRow(i).addPageBreak();
  });
  if (model.headerRow >= 0 && model.rows.length > model.headerRow + 1 && !print.columns)
    ws.autoFilter = { from: { row: model.headerRow + 1, column: 1 }, to: { row: model.headerRow + 1, column: width } };
  return ws;
}
