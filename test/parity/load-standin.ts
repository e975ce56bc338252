/** Opens an .xlsx in the Excel stand-in as Excel would show it: every sheet, every cell at its own address. */
import ExcelJS from "exceljs";
import { cellValue } from "../../io/index.ts";
import type { Standin } from "../standin/index.ts";

type Ctx = {
  workbook: {
    worksheets: {
      add(n: string): unknown;
      getItem(n: string): { getRangeByIndexes(r: number, c: number, nr: number, nc: number): { values: unknown } };
    };
  };
  sync(): Promise<void>;
};

export async function openInStandin(standin: Standin, bytes: Uint8Array): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const names: string[] = [];
  await standin.Excel.run(async (context) => {
    const ctx = context as Ctx;
    for (const ws of book.worksheets) {
      names.push(ws.name);
      ctx.workbook.worksheets.add(ws.name);
      const grid: (string | number | boolean)[][] = [];
      const width = Math.max(1, ws.columnCount);
      for (let r = 1; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        const cells: (string | number | boolean)[] = [];
        for (let c = 1; c <= width; c++) {
          // Excel hands an empty cell as "", and a merged area's value in its first cell only.
          const cell = row.getCell(c);
          const v = cell.isMerged && cell.master !== cell ? undefined : cellValue(cell.value);
          cells.push(v === undefined || v === null ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : v);
        }
        grid.push(cells);
      }
      if (grid.length > 0)
        ctx.workbook.worksheets.getItem(ws.name).getRangeByIndexes(0, 0, grid.length, width).values = grid;
      await ctx.sync();
    }
  });
  return names;
}
