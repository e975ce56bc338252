/// <reference types="office-js" />
/** markIssues / selectCell: shade problem cells light red, clear earlier marks, jump to a cell. */
import type { Issue } from "../../shared/index.ts";
import { SyncBudget } from "./excel-io.ts";
import { HEADER_WINDOW } from "./find.ts";
import { ISSUE_FILL, SHEETS } from "./labels.ts";
import { decodeMarks, encodeMarks, MARK_CELLS, planMarks } from "./marks-plan.ts";
import { fieldColumns } from "./rows.ts";
import { ensureStoreSheet } from "./store.ts";

const MARKS_COLUMN = 2; // column C of _kaoping; the result JSON lives in column A

function headerWindow(ws: Excel.Worksheet): Excel.Range {
  return ws.getRangeByIndexes(0, 0, HEADER_WINDOW.rows, HEADER_WINDOW.cols).load("values");
}

function columnsOf(name: string, window: Excel.Range) {
  const block = { sheet: name, rowIndex: 0, columnIndex: 0, values: window.values };
  const width = window.values.reduce(
    (w, row) =>
      Math.max(
        w,
        row.reduce<number>((x, v, i) => (v === "" ? x : i + 1), 0),
      ),
    0,
  );
  return { columns: fieldColumns(block), width };
}

export async function markIssues(issues: Issue[]): Promise<void> {
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const byName = new Map(sheets.items.map((ws) => [ws.name, ws]));
    const store = byName.get(SHEETS.store);
    const previous = store?.getRangeByIndexes(0, MARKS_COLUMN, MARK_CELLS, 1).load("values");
    const wanted = [...new Set(issues.map((i) => i.sheet))].filter((n) => byName.has(n));
    const windows = new Map(wanted.map((n) => [n, headerWindow(byName.get(n)!)]));
    await context.sync();

    const budget = new SyncBudget(context);
    for (const mark of decodeMarks(previous ? previous.values.map((r) => r[0]) : [])) {
      const ws = byName.get(mark.sheet);
      if (!ws) continue;
      await budget.reserve(mark.address.length + 32);
      ws.getRange(mark.address).format.fill.clear();
    }
    const columns = new Map([...windows].map(([n, w]) => [n, columnsOf(n, w)]));
    const marks = planMarks(issues, columns);
    for (const mark of marks) {
      await budget.reserve(mark.address.length + 48);
      byName.get(mark.sheet)!.getRange(mark.address).format.fill.color = ISSUE_FILL;
    }
    const storeWs = store ?? ensureStoreSheet(sheets);
    const cells = encodeMarks(marks);
    await budget.reserve(JSON.stringify(cells).length * 3);
    storeWs.getRangeByIndexes(0, MARKS_COLUMN, MARK_CELLS, 1).values = cells.map((c) => [c]);
    await budget.flush();
  });
}

export async function selectCell(sheet: string, row: number, field: string): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const window = headerWindow(ws);
    await context.sync();
    const col = columnsOf(sheet, window).columns.get(field) ?? 0;
    ws.activate();
    ws.getRangeByIndexes(Math.max(0, row - 1), col, 1, 1).select();
    await context.sync();
  });
}
