/** Writes examples/recommendation.xlsx and examples/selection.xlsx (deterministic): `npx tsx examples/generate-recommendation.ts`. */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { RECOMMENDATION_SHEETS } from "../shared/index.ts";
import { DECISION, MEETING, ROUND1, ROUND2, SELECTION } from "./recommendation-data.ts";

export async function sheetsToXlsx(sheets: { name: string; rows: (string | number)[][] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date("2026-11-24T00:00:00Z");
  for (const { name, rows } of sheets) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c) => (c.width = 18));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const MEETING_SHEETS = [{ name: RECOMMENDATION_SHEETS.meeting, rows: MEETING }];
export const SELECTION_SHEETS = [
  { name: RECOMMENDATION_SHEETS.selection, rows: SELECTION },
  { name: RECOMMENDATION_SHEETS.round(1), rows: ROUND1 },
  { name: RECOMMENDATION_SHEETS.round(2), rows: ROUND2 },
  { name: RECOMMENDATION_SHEETS.decision, rows: DECISION },
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
  await writeFile(here("recommendation.xlsx"), await sheetsToXlsx(MEETING_SHEETS));
  await writeFile(here("selection.xlsx"), await sheetsToXlsx(SELECTION_SHEETS));
}
