/// <reference types="office-js" />
/**
 * writeResults: 考核结果 (the printable results page, with the committee's columns kept by cadre id), 考核明细 (full
 * detail, live composite formulas, charts), 考核方案 (the weights the formulas read), and the result JSON in the
 * hidden sheet. Every sheet is written over in place: re-scoring never deletes a sheet.
 */
import { DIMENSIONS, DIMENSION_LABELS, type AssessmentResult, type Policy } from "../../shared/index.ts";
import {
  DETAIL_COMPOSITE_COL,
  REPORT_COL,
  reportModels,
  rowHeight,
  type ReportSheetNames,
  type SheetModel,
} from "../../shared/report/index.ts";
import { cellRef, rangeRef } from "./a1.ts";
import { SyncBudget, writeRows } from "./excel-io.ts";
import { SHEETS, type Lang } from "./labels.ts";
import { renderModel } from "./render-model.ts";
import { readCommitteeEntries, type CommitteeEntry } from "./committee.ts";
import { ensureStoreSheet, storeResult } from "./store.ts";
import { followOn, RADAR_LABEL } from "./radar-follow.ts";

/** The add-in's sheet names; issues and feedback pages are the downloaded workbook's (the pane marks issues). */
export const ADDIN_SHEETS: ReportSheetNames = {
  results: SHEETS.results,
  detail: SHEETS.detail,
  policy: SHEETS.policy,
  issues: "问题",
  feedback: "个人测评反馈表",
};

const RADAR_CHART = "kaoping-radar";
const BAR_CHART = "kaoping-composites";
/** The cadre id and dimension columns of the detail sheet (header row 1, data from row 2). */
const DETAIL_ID_COL = 2;

/**
 * The radar block: a cadre id cell and five formulas that look that cadre up in the detail table,
 * so typing another id redraws the chart without the add-in (and selecting a row sets it: radar-follow.ts).
 */
export function radarBlock(rows: number, col: number, firstId: string): (string | number)[][] {
  const last = rows; // data rows 1..rows (0-based), header at 0
  const ids = `${cellRef(1, DETAIL_ID_COL, true)}:${cellRef(last, DETAIL_ID_COL, true)}`;
  const idCell = cellRef(0, col + 1, true);
  return [
    [RADAR_LABEL, firstId],
    ...DIMENSIONS.map((d, i) => {
      const dc = DETAIL_COMPOSITE_COL + 1 + i;
      const values = `${cellRef(1, dc, true)}:${cellRef(last, dc, true)}`;
      return [
        `${DIMENSION_LABELS[d]["zh-CN"]} ${DIMENSION_LABELS[d].en}`,
        `=IFERROR(INDEX(${values},MATCH(${idCell},${ids},0)),0)`,
      ];
    }),
  ];
}

/** A sheet to write over: ours from an earlier run (cleared: values, formats, merges, old tables, charts) or new. */
async function sheetToWrite(
  context: Excel.RequestContext,
  found: Excel.Worksheet,
  name: string,
  charts: string[] = [],
): Promise<Excel.Worksheet> {
  if (found.isNullObject) return context.workbook.worksheets.add(name);
  const all = found.getRange();
  all.unmerge();
  all.clear("All");
  all.conditionalFormats.clearAll();
  // A sheet written by an earlier version holds an Excel table: turned back into a plain range.
  found.tables.load("items");
  const old = charts.map((c) => found.charts.getItemOrNullObject(c));
  await context.sync();
  for (const t of found.tables.items) t.convertToRange();
  for (const c of old) if (!c.isNullObject) c.delete();
  return found;
}

/** Entries for cadres no longer in the result stay below the signature lines, to be checked, never dropped. */
function appendOrphans(model: SheetModel, result: AssessmentResult, kept: Map<string, CommitteeEntry>): void {
  const ids = new Set(result.cadres.map((c) => c.cadreId));
  const orphans = [...kept.entries()].filter(([id]) => !ids.has(id));
  if (orphans.length === 0) return;
  const width = model.columns.length;
  model.rows.push({ cells: [], height: 16 });
  const note =
    "以下干部不在本次结果中，其组织认定等次和备注予以保留，请核对。 These cadres are not in this result; their entries are kept for you to check.";
  model.rows.push({
    cells: [note],
    spanAll: true,
    wrap: true,
    bold: true,
    height: rowHeight([note], [{ width: 120 }], 10),
  });
  for (const [id, e] of orphans) {
    const cells = Array.from({ length: width }, (): string | number => "");
    cells[REPORT_COL.id] = id;
    cells[2] = e.name;
    model.rows.push({ cells, wrap: true, height: rowHeight(cells, model.columns, model.fontSize) });
  }
}

async function addCharts(budget: SyncBudget, ws: Excel.Worksheet, detail: SheetModel, cadres: number): Promise<void> {
  if (cadres === 0) return;
  const col = detail.columns.length + 1;
  await writeRows(budget, ws, 0, col, radarBlock(cadres, col, String(detail.rows[1]!.cells[DETAIL_ID_COL])));
  ws.getRangeByIndexes(0, col + 1, 1, 1).format.fill.color = "#FFF2CC";
  await budget.reserve(512);
  const radar = ws.charts.add("Radar", ws.getRange(rangeRef(1, col, 5, 2)), "Columns");
  radar.name = RADAR_CHART;
  radar.title.text = "五维雷达 Five dimensions";
  radar.setPosition(cellRef(7, col), cellRef(22, col + 6));
  const composites = ws.getRangeByIndexes(0, DETAIL_COMPOSITE_COL, cadres + 1, 1);
  const bar = ws.charts.add("BarClustered", composites, "Columns");
  bar.name = BAR_CHART;
  bar.title.text = "综合得分 Composite";
  bar.series.getItemAt(0).setXAxisValues(ws.getRangeByIndexes(1, 3, cadres, 1));
  bar.setPosition(cellRef(24, col), cellRef(24 + Math.min(60, Math.max(15, cadres)), col + 8));
}

export async function writeResults(
  result: AssessmentResult,
  policy: Policy,
  // The sheets are bilingual whatever the pane's language: one table for the add-in, the CLI and HR.
  opts: { lang: Lang; offline: boolean },
): Promise<void> {
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const found = {
      results: sheets.getItemOrNullObject(SHEETS.results),
      detail: sheets.getItemOrNullObject(SHEETS.detail),
      policy: sheets.getItemOrNullObject(SHEETS.policy),
      store: sheets.getItemOrNullObject(SHEETS.store),
    };
    await context.sync();
    // The committee's entries, read before anything is written over.
    let kept = new Map<string, CommitteeEntry>();
    if (!found.results.isNullObject) {
      const used = found.results.getUsedRangeOrNullObject(true).load("values");
      await context.sync();
      if (!used.isNullObject) kept = readCommitteeEntries(used.values);
    }
    const models = reportModels(result, policy, { names: ADDIN_SHEETS, offline: opts.offline });
    appendOrphans(models.results, result, kept);
    const budget = new SyncBudget(context);

    const policyWs = await sheetToWrite(context, found.policy, SHEETS.policy);
    await renderModel(budget, policyWs, models.policy);
    const detailWs = await sheetToWrite(context, found.detail, SHEETS.detail, [RADAR_CHART, BAR_CHART]);
    await renderModel(budget, detailWs, models.detail);
    await addCharts(budget, detailWs, models.detail, result.cadres.length);

    const ws = await sheetToWrite(context, found.results, SHEETS.results);
    const header = models.results.headerRow;
    const idAt = (row: number) => String(models.results.rows[row]?.cells[REPORT_COL.id] ?? "");
    await renderModel(budget, ws, models.results, {
      override: (row, col) => {
        if (row <= header || (col !== REPORT_COL.confirmed && col !== REPORT_COL.note)) return undefined;
        const entry = kept.get(idAt(row));
        if (!entry) return undefined;
        const v = col === REPORT_COL.confirmed ? entry.confirmed : entry.note;
        return typeof v === "boolean" ? String(v) : v;
      },
    });
    await storeResult(budget, found.store.isNullObject ? ensureStoreSheet(sheets) : found.store, result);
    if (result.cadres.length > 0) followOn(detailWs);
    ws.activate();
    await budget.flush();
  });
}
