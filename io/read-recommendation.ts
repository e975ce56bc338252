/** The 民主推荐 / 公推公选 / 票决 sheets of a workbook, or CSV files, as grids for shared/recommendation/grid.ts. */
import ExcelJS from "exceljs";
import type { Grid } from "../shared/index.ts";
import { InputError } from "./errors.ts";
import { cellValue } from "./read-xlsx.ts";
import { csvTable } from "./read-csv.ts";

export async function readGrids(bytes: Uint8Array, fileName: string): Promise<Map<string, Grid>> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    throw new InputError("not_a_workbook", {
      "zh-CN": `「${fileName}」不是 .xlsx 工作簿（如为 CSV，请用 --posts 和 --ballots）`,
      en: `${fileName} is not an .xlsx workbook (for CSV use --posts and --ballots)`,
    });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new InputError("not_a_workbook", {
      "zh-CN": `「${fileName}」已损坏或不是 Excel 格式`,
      en: `${fileName} is damaged or not in Excel format`,
    });
  }
  const grids = new Map<string, Grid>();
  for (const ws of workbook.worksheets) {
    const rows: unknown[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: unknown[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellValue(row.getCell(c).value));
      rows.push(cells);
    }
    grids.set(ws.name.normalize("NFKC").trim(), rows);
  }
  return grids;
}

/** A CSV file as a grid whose row k is the file's line k (a header on line 1 is grid row 0). */
export function csvGrid(bytes: Uint8Array, fileName: string): Grid {
  const t = csvTable(bytes, fileName);
  const rows: unknown[][] = [];
  for (const r of t.rows) rows[r.row - 1] = [...r.cells];
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}
