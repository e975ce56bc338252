import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import {
  ASSESSMENT_SHEETS,
  BallotTableReader,
  CADRE_TABLE_FIELDS,
  findSheetName,
  locateHeader,
  readAssessmentTables,
  sheetNotFound,
  TableError,
  type BallotTable,
  type RawCell,
  type RawRow,
  type RawTable,
} from "../shared/index.ts";
import { InputError } from "./errors.ts";
import { WholeTextWorkbookReader } from "./xlsx-stream.ts";
import type { ReadProgress } from "./read-csv.ts";
import { asInputError, type ReadInput } from "./tables.ts";

/**
 * Reads the two tables from an .xlsx workbook (bytes, so the functions can pass an upload). The workbook is
 * streamed (exceljs' WorkbookReader): ballot rows go straight into columns, and no sheet is held as cell
 * objects. Cells read as Excel shows them; a merged cell's value sits in its first cell only, as in the add-in.
 */
export async function readWorkbook(
  bytes: Uint8Array,
  fileName = "workbook",
  onProgress?: ReadProgress,
): Promise<ReadInput> {
  checkWorkbookBytes(bytes, fileName);
  const found = await streamSheets(bytes, fileName, onProgress);
  return asInputError(() => {
    const { cadres, ballots, names } = found;
    if (!cadres) throw sheetNotFound(fileName, ASSESSMENT_SHEETS.cadres, names);
    if (!ballots) throw sheetNotFound(fileName, ASSESSMENT_SHEETS.ballots, names);
    // The cadre list's header is checked first, whichever sheet the file holds first (as for CSV input).
    locateHeader(cadres, CADRE_TABLE_FIELDS);
    if (ballots instanceof Error) throw ballots;
    return readAssessmentTables(cadres, ballots);
  });
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const CHUNK_BYTES = 1 << 20;

const notWorkbook = (fileName: string, why: { "zh-CN": string; en: string }) =>
  new InputError("not_a_workbook", {
    "zh-CN": `「${fileName}」不是 .xlsx 工作簿：${why["zh-CN"]}`,
    en: `${fileName} is not an .xlsx workbook: ${why.en}`,
  });

function checkWorkbookBytes(bytes: Uint8Array, fileName: string): void {
  if (startsWith(bytes, OLE))
    throw notWorkbook(fileName, {
      "zh-CN": "这是旧版 .xls 格式，请在 Excel 中另存为 .xlsx",
      en: "it is the old .xls format; save it as .xlsx in Excel",
    });
  if (!startsWith(bytes, ZIP))
    throw notWorkbook(fileName, {
      "zh-CN": "文件内容不是 Excel 工作簿（如为 CSV，请用 --cadres 和 --ballots）",
      en: "the content is not an Excel workbook (for CSV use --cadres and --ballots)",
    });
}

interface StreamedSheets {
  names: string[];
  cadres?: RawTable;
  /** The ballot table, or the reader's refusal of it (raised after the cadre list's own checks). */
  ballots?: BallotTable | Error;
}

async function streamSheets(bytes: Uint8Array, fileName: string, onProgress?: ReadProgress): Promise<StreamedSheets> {
  const chunks = function* () {
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
      const end = Math.min(at + CHUNK_BYTES, bytes.length);
      yield Buffer.from(bytes.buffer, bytes.byteOffset + at, end - at);
      onProgress?.(end, bytes.length);
    }
  };
  const reader = new WholeTextWorkbookReader(Readable.from(chunks()), {
    worksheets: "emit",
    sharedStrings: "cache",
    // Styles tell a date from a number, as the whole-workbook reader did.
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const out: StreamedSheets = { names: [] };
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name: string };
      const model = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model;
      out.names = model?.sheets?.map((x) => x.name) ?? [...out.names, ws.name];
      if (ws.name === findSheetName(out.names, ASSESSMENT_SHEETS.ballots) && !out.ballots) {
        const table = new BallotTableReader(ws.name);
        try {
          for await (const row of ws) table.add(row.number, rowCells(row));
          out.ballots = table.finish();
        } catch (e) {
          if (!(e instanceof TableError)) throw e;
          out.ballots = e;
          for await (const row of ws) void row;
        }
      } else if (ws.name === findSheetName(out.names, ASSESSMENT_SHEETS.cadres) && !out.cadres) {
        const rows: RawRow[] = [];
        for await (const row of ws) rows.push({ row: row.number, cells: rowCells(row) });
        out.cadres = { sheet: ws.name, rows };
      } else {
        for await (const row of ws) void row;
      }
    }
  } catch (e) {
    if (e instanceof InputError || e instanceof TableError) throw e;
    throw notWorkbook(fileName, {
      "zh-CN": "文件已损坏或不是 Excel 格式",
      en: "the file is damaged or not in Excel format",
    });
  }
  return out;
}

/** A streamed row's cells, 0-based; empty cells are undefined, as in a sheet read whole. */
function rowCells(row: ExcelJS.Row): RawCell[] {
  const values = row.values as (ExcelJS.CellValue | undefined)[];
  const cells: RawCell[] = new Array(Math.max(0, values.length - 1));
  for (let c = 1; c < values.length; c++) cells[c - 1] = cellValue(values[c]);
  return cells;
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
