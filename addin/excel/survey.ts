/// <reference types="office-js" />
/** The survey workbook: reading 评议项目 and 评议票, and writing 评议结果 with its two charts. */
import {
  findSheetName,
  readSurveyTables,
  sheetNotFound,
  SURVEY_SHEETS,
  type RawTable,
  type SurveyPolicy,
  type SurveyResult,
  type SurveyTables,
} from "../../shared/index.ts";
import { cellRef } from "./a1.ts";
import { formatColumn, readBlocks, SyncBudget, writeRows } from "./excel-io.ts";
import type { SheetBlock } from "./rows.ts";
import { surveySheetLayout } from "./survey-layout.ts";

export const SURVEY_RESULT_SHEET = "评议结果";

export interface SurveySheets extends SurveyTables {
  sheets: { items: string; answers: string };
}

const rawTable = (block: SheetBlock): RawTable => ({
  sheet: block.sheet,
  rows: block.values.map((cells, i) => ({
    row: block.rowIndex + i + 1,
    cells: [...Array.from({ length: block.columnIndex }, () => ""), ...cells] as RawTable["rows"][number]["cells"],
  })),
});

/** Both survey sheets, found by their Chinese or English names, rows keeping their sheet numbers. */
export async function readSurvey(): Promise<SurveySheets> {
  return Excel.run(async (context) => {
    const all = context.workbook.worksheets.load("items/name");
    await context.sync();
    const names = all.items.map((w) => w.name);
    const pick = (wanted: readonly string[]) => {
      const name = findSheetName(names, wanted);
      if (!name) throw sheetNotFound("本工作簿 this workbook", wanted, names);
      return { name, ws: context.workbook.worksheets.getItem(name) };
    };
    const items = pick(SURVEY_SHEETS.items);
    const answers = pick(SURVEY_SHEETS.answers);
    const [ib, ab] = await readBlocks(context, [items, answers]);
    const tables = readSurveyTables(rawTable(ib!), rawTable(ab!));
    return { ...tables, sheets: { items: items.name, answers: answers.name } };
  });
}

export async function writeSurveyResults(result: SurveyResult, policy: SurveyPolicy): Promise<void> {
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const old = sheets.getItemOrNullObject(SURVEY_RESULT_SHEET);
    await context.sync();
    // Our own output sheet is regenerated; renamed first so it is never the last visible sheet when deleted.
    if (!old.isNullObject) old.name = `${SURVEY_RESULT_SHEET}~${Date.now() % 100000}`;
    const ws = sheets.add(SURVEY_RESULT_SHEET);
    if (!old.isNullObject) old.delete();
    const budget = new SyncBudget(context);
    const layout = surveySheetLayout(result, policy);
    await writeRows(budget, ws, 0, 0, layout.rows);
    ws.getRange("A1").format.font.bold = true;
    ws.getRangeByIndexes(layout.headerRow, 0, 1, layout.width).format.font.bold = true;
    for (const r of layout.wholeRows) ws.getRangeByIndexes(r, 0, 1, layout.width).format.font.bold = true;
    ws.freezePanes.freezeRows(layout.headerRow + 1);
    // Rates, indices and changes as a person reads them: two decimals.
    const dataRows = layout.rows.length - layout.firstDataRow;
    for (const col of [layout.columns.index - 1, layout.columns.index, layout.columns.lastIndex, layout.columns.change])
      if (dataRows > 0) await formatColumn(budget, ws, layout.firstDataRow, col, dataRows, "0.00");

    const { answers, change } = layout;
    if (answers.rows.length > 1) {
      await writeRows(budget, ws, layout.headerRow, answers.col, answers.rows);
      await budget.reserve(512);
      const chart = ws.charts.add(
        "BarStacked",
        ws.getRangeByIndexes(layout.headerRow, answers.col, answers.rows.length, answers.rows[0]!.length),
        "Columns",
      );
      chart.title.text = "各项目答案分布 Answers per item";
      chart.setPosition(
        cellRef(layout.headerRow + answers.rows.length + 1, answers.col),
        cellRef(layout.headerRow + answers.rows.length + 16, answers.col + 8),
      );
    }
    if (change.rows.length > 1) {
      await writeRows(budget, ws, change.row, change.col, change.rows);
      await budget.reserve(512);
      const chart = ws.charts.add(
        "ColumnClustered",
        ws.getRangeByIndexes(change.row, change.col, change.rows.length, 3),
        "Columns",
      );
      chart.title.text = "满意度指数：今年与上年 Index, this year and last";
      chart.setPosition(
        cellRef(change.row + change.rows.length + 1, change.col),
        cellRef(change.row + change.rows.length + 16, change.col + 8),
      );
    }
    ws.activate();
    await budget.flush();
  });
}
