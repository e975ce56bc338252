import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";
import type { Table } from "./tables.ts";

/** A workbook with the two input sheets, as the add-in's template lays them out. */
export async function tablesToXlsx(sheets: { name: string; table: Table }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const { name, table } of sheets) {
    const ws = workbook.addWorksheet(name);
    ws.addRow(table.headers).font = { bold: true };
    for (const row of table.rows) ws.addRow(row.map((c) => (c === undefined ? null : c)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** UTF-8 CSV with BOM, as Excel's "CSV UTF-8" writes it. */
export function tableToCsv(table: Table, bom = true): string {
  return (
    (bom ? "\uFEFF" : "") +
    stringify([table.headers, ...table.rows.map((r) => r.map((c) => c ?? ""))], { record_delimiter: "\r\n" })
  );
}
