/// <reference types="office-js" />
/** 民主推荐, 公推公选 and 票决 sheets: writing a blank sheet, reading them back as grids, the 现场公布 sheets. */
import { roundSheetNames, RECOMMENDATION_SHEETS, type Announcement } from "../../shared/index.ts";
import { SheetExistsError } from "./errors.ts";
import { readBlocks, SyncBudget, writeRows } from "./excel-io.ts";
import { printPlan, type PrintPlan } from "./recommendation-layout.ts";

const FLAG_FILL = "#FFF2CC";

/** Writes a blank (or pre-filled) sheet; an existing sheet of that name is never overwritten. */
export async function writeRecommendationSheet(name: string, rows: (string | number)[][]): Promise<void> {
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const existing = sheets.getItemOrNullObject(name);
    await context.sync();
    if (!existing.isNullObject) throw new SheetExistsError([name]);
    const ws = sheets.add(name);
    const budget = new SyncBudget(context);
    await writeRows(budget, ws, 0, 0, rows);
    ws.getRangeByIndexes(0, 0, 1, 8).format.columnWidth = 120;
    ws.getRange("A1").format.font.bold = true;
    ws.activate();
    await budget.flush();
  });
}

const isRecommendationSheet = (name: string) =>
  [RECOMMENDATION_SHEETS.meeting, RECOMMENDATION_SHEETS.selection, RECOMMENDATION_SHEETS.decision].includes(
    name as never,
  ) || roundSheetNames([name]).length > 0;

/** Every 民主推荐 / 公推公选 / 第N轮 / 票决 sheet as a grid starting at A1, so rows are the sheet's own. */
export async function readRecommendationGrids(): Promise<{ name: string; grid: unknown[][] }[]> {
  return Excel.run(async (context) => {
    const all = context.workbook.worksheets.load("items/name");
    await context.sync();
    const wanted = all.items
      .filter((ws) => isRecommendationSheet(ws.name.normalize("NFKC").trim()))
      .map((ws) => ({ name: ws.name, ws }));
    if (wanted.length === 0) return [];
    const blocks = await readBlocks(context, wanted);
    return blocks.map((b) => {
      const grid: unknown[][] = [];
      for (let r = 0; r < b.rowIndex; r++) grid.push([]);
      for (const row of b.values) grid.push([...Array.from({ length: b.columnIndex }, () => ""), ...row]);
      return { name: b.sheet.normalize("NFKC").trim(), grid };
    });
  });
}

/** The 现场公布 sheets: each replaces its older version, laid out to print on one A4 page. */
export async function writeAnnouncements(announcements: readonly Announcement[]): Promise<void> {
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const old = announcements.map((a) => sheets.getItemOrNullObject(a.sheet));
    await context.sync();
    old.forEach((o) => {
      if (!o.isNullObject) o.delete();
    });
    const budget = new SyncBudget(context);
    let first: Excel.Worksheet | undefined;
    for (const a of announcements) {
      const plan = printPlan(a);
      const ws = sheets.add(a.sheet);
      first ??= ws;
      await writeRows(budget, ws, 0, 0, plan.rows);
      layOut(ws, plan);
    }
    first?.activate();
    await budget.flush();
  });
}

function layOut(ws: Excel.Worksheet, plan: PrintPlan): void {
  for (const r of plan.mergedRows) {
    const row = ws.getRangeByIndexes(r, 0, 1, plan.width);
    if (typeof row.merge === "function") row.merge(false);
    row.format.wrapText = true;
  }
  ws.getRange("A1").format.font.bold = true;
  ws.getRangeByIndexes(plan.tableAt, 0, 1, plan.width).format.font.bold = true;
  for (const r of plan.flaggedRows) ws.getRangeByIndexes(r, 0, 1, plan.width).format.fill.color = FLAG_FILL;
  ws.getRangeByIndexes(0, 0, 1, plan.width).format.columnWidth = 90;
  // Page layout needs ExcelApi 1.9; where it is missing the sheet is still complete, only not print-tuned.
  const page = (ws as Partial<Excel.Worksheet>).pageLayout;
  if (!page) return;
  page.paperSize = Excel.PaperType.a4;
  page.orientation =
    plan.orientation === "Landscape" ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
  page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
  page.centerHorizontally = true;
  page.setPrintArea(plan.printArea);
}
