import ExcelJS from "exceljs";
import { ASSESSMENT_SHEETS, findSheetName, sheetNotFound, type RawCell, type RawTable } from "../shared/index.ts";
import { InputError } from "./errors.ts";
import { asInputError, toAssessmentInput, type ReadInput } from "./tables.ts";

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** Reads the two tables from an .xlsx workbook (bytes, so the functions can pass an upload). */
export async function readWorkbook(bytes: Uint8Array, fileName = "workbook"): Promise<ReadInput> {
  const workbook = await loadWorkbook(bytes, fileName);
  const cadres = findSheet(workbook, ASSESSMENT_SHEETS.cadres, fileName);
  const ballots = findSheet(workbook, ASSESSMENT_SHEETS.ballots, fileName);
  return toAssessmentInput(sheetTable(cadres), sheetTable(ballots));
}

async function loadWorkbook(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  const notWorkbook = (why: { "zh-CN": string; en: string }) =>
    new InputError("not_a_workbook", {
      "zh-CN": `「${fileName}」不是 .xlsx 工作簿：${why["zh-CN"]}`,
      en: `${fileName} is not an .xlsx workbook: ${why.en}`,
    });
  if (startsWith(bytes, OLE))
    throw notWorkbook({
      "zh-CN": "这是旧版 .xls 格式，请在 Excel 中另存为 .xlsx",
      en: "it is the old .xls format; save it as .xlsx in Excel",
    });
  if (!startsWith(bytes, ZIP))
    throw notWorkbook({
      "zh-CN": "文件内容不是 Excel 工作簿（如为 CSV，请用 --cadres 和 --ballots）",
      en: "the content is not an Excel workbook (for CSV use --cadres and --ballots)",
    });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw notWorkbook({ "zh-CN": "文件已损坏或不是 Excel 格式", en: "the file is damaged or not in Excel format" });
  }
  return workbook;
}

/** A sheet named e.g. `Ballots`, `测评票` or `测评票 Ballots` (the shared reader decides). */
function findSheet(workbook: ExcelJS.Workbook, names: readonly string[], fileName: string): ExcelJS.Worksheet {
  const existing = workbook.worksheets.map((ws) => ws.name);
  const name = findSheetName(existing, names);
  const sheet = workbook.worksheets.find((ws) => ws.name === name);
  if (sheet) return sheet;
  return asInputError(() => {
    throw sheetNotFound(fileName, names, existing);
  });
}

/** Every non-empty row with its own row number: the shared reader finds the header among them. */
function sheetTable(ws: ExcelJS.Worksheet): RawTable {
  const rows: { row: number; cells: RawCell[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    for (let col = 1; col <= Math.max(ws.columnCount, row.cellCount); col++)
      cells.push(cellValue(row.getCell(col).value));
    rows.push({ row: rowNumber, cells });
  });
  return { sheet: ws.name, rows };
}

/** Rich text, formulas and hyperlinks are read as the value the user sees. */
export function cellValue(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value === "" ? undefined : value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return cellValue(value.richText.map((r) => r.text).join(""));
  if ("formula" in value || "sharedFormula" in value)
    return cellValue((value as { result?: ExcelJS.CellValue }).result);
  if ("hyperlink" in value) return cellValue((value as { text?: ExcelJS.CellValue }).text);
  if ("error" in value) return String(value.error);
  return String(value);
}
