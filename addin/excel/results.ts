/// <reference types="office-js" />
/** writeResults: the 考核结果 sheet with charts, and the result JSON in the hidden sheet. */
import { DIMENSIONS, DIMENSION_LABELS, type AssessmentResult, type Policy } from "../../shared/index.ts";
import { cellRef, rangeRef } from "./a1.ts";
import { SyncBudget, writeRows } from "./excel-io.ts";
import { SHEETS, type Lang } from "./labels.ts";
import { buildResultTable, labelsOf, type ResultTable } from "./result-table.ts";
import { writeResultTable, type TableLayout } from "./results-sheet.ts";
import { ensureStoreSheet, storeResult } from "./store.ts";
import { followOn, RADAR_LABEL } from "./radar-follow.ts";

/**
 * The radar block: a cadre id cell and five formulas that look that cadre up in the table,
 * so typing another id redraws the chart without the add-in (and selecting a row sets it: radar-follow.ts).
 */
export function radarBlock(
  table: ResultTable,
  layout: TableLayout,
  col: number,
  firstId: string,
): (string | number)[][] {
  const last = layout.firstDataRow + layout.rows - 1;
  const ids = `${cellRef(layout.firstDataRow, table.col.id, true)}:${cellRef(last, table.col.id, true)}`;
  const idCell = cellRef(0, col + 1, true);
  return [
    [RADAR_LABEL, firstId],
    ...DIMENSIONS.map((d, i) => {
      const dc = table.col.dimensions[i]!;
      const values = `${cellRef(layout.firstDataRow, dc, true)}:${cellRef(last, dc, true)}`;
      return [`${DIMENSION_LABELS[d]["zh-CN"]} ${d}`, `=IFERROR(INDEX(${values},MATCH(${idCell},${ids},0)),0)`];
    }),
  ];
}

async function addCharts(
  budget: SyncBudget,
  ws: Excel.Worksheet,
  table: ResultTable,
  layout: TableLayout,
): Promise<void> {
  if (layout.rows === 0) return;
  const col = layout.cols + 1;
  const block = radarBlock(table, layout, col, String(table.rows[0]![table.col.id]));
  await writeRows(budget, ws, 0, col, block);
  ws.getRangeByIndexes(0, col + 1, 1, 1).format.fill.color = "#FFF2CC";
  await budget.reserve(512);
  const radar = ws.charts.add("Radar", ws.getRange(rangeRef(1, col, 5, 2)), "Columns");
  radar.title.text = "五维雷达 five dimensions";
  radar.setPosition(cellRef(7, col), cellRef(22, col + 6));

  const composites = ws.getRangeByIndexes(layout.firstDataRow - 1, table.col.composite, layout.rows + 1, 1);
  const bar = ws.charts.add("BarClustered", composites, "Columns");
  bar.title.text = "综合得分 composite";
  bar.series.getItemAt(0).setXAxisValues(ws.getRangeByIndexes(layout.firstDataRow, table.col.name, layout.rows, 1));
  bar.setPosition(cellRef(24, col), cellRef(24 + Math.min(60, Math.max(15, layout.rows)), col + 8));
}

export async function writeResults(
  result: AssessmentResult,
  policy: Policy,
  opts: { lang: Lang; offline: boolean },
): Promise<void> {
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const old = sheets.getItemOrNullObject(SHEETS.results);
    const store = sheets.getItemOrNullObject(SHEETS.store);
    await context.sync();
    // Our own output sheet is regenerated; renamed first so it is never the last visible sheet when deleted.
    if (!old.isNullObject) old.name = `${SHEETS.results}~${Date.now() % 100000}`;
    const ws = sheets.add(SHEETS.results);
    if (!old.isNullObject) old.delete();
    const budget = new SyncBudget(context);
    const table = buildResultTable(result, labelsOf(policy, result), opts.lang, opts.offline);
    const layout = await writeResultTable(budget, ws, table, result.policy, { offline: opts.offline });
    await addCharts(budget, ws, table, layout);
    await storeResult(budget, store.isNullObject ? ensureStoreSheet(sheets) : store, result);
    if (layout.rows > 0) followOn(ws);
    ws.activate();
    await budget.flush();
  });
}
