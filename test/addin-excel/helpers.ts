/** Test helpers: a fresh stand-in per test, installed as the Excel/Office globals, and a way to type into sheets. */
import { installStandin, type Standin } from "../standin/index.ts";

export function freshStandin(options: Parameters<typeof installStandin>[1] = {}): Standin {
  return installStandin(globalThis, options);
}

type Ctx = {
  workbook: {
    worksheets: {
      getItem(n: string): { getRangeByIndexes(r: number, c: number, nr: number, nc: number): { values: unknown } };
      add(n: string): unknown;
    };
  };
};

/** Writes rows at A1 (or a 1-based row) of a sheet, creating it if needed: what a user typing or pasting does. */
export async function typeInto(standin: Standin, sheet: string, rows: unknown[][], firstRow = 1): Promise<void> {
  await standin.Excel.run(async (context) => {
    const ctx = context as Ctx;
    if (!standin.state.sheets.some((s) => s.name === sheet)) ctx.workbook.worksheets.add(sheet);
    const width = Math.max(...rows.map((r) => r.length));
    const grid = rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => "")]);
    // Pasting a large block goes in pieces, as the real cap would force too.
    for (let start = 0; start < grid.length; start += 2_000) {
      const part = grid.slice(start, start + 2_000);
      ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(firstRow - 1 + start, 0, part.length, width).values =
        part;
      await (context as { sync(): Promise<void> }).sync();
    }
  });
  standin.inspect.resetStats();
}
