import { isUtf8 } from "node:buffer";
import { parse, type Parser } from "csv-parse";
import {
  BallotTableReader,
  CADRE_TABLE_FIELDS,
  locateHeader,
  readAssessmentTables,
  type RawRow,
  type RawTable,
} from "../shared/index.ts";
import { InputError } from "./errors.ts";
import { asInputError, type ReadInput } from "./tables.ts";

/**
 * CSV bytes to text: UTF-8 (with or without BOM), else GB18030, which Excel in China writes
 * when it saves "CSV (逗号分隔)". Invalid UTF-8 is the tell.
 */
export function decodeCsvText(bytes: Uint8Array): string {
  return new TextDecoder(csvEncoding(bytes)).decode(bytes);
}

const csvEncoding = (bytes: Uint8Array) => (isUtf8(bytes) ? "utf-8" : "gb18030");

/** The header line's most frequent separator among comma, semicolon and tab (Excel's locale choices). */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

const CHUNK_BYTES = 1 << 20;

/** Bytes read so far of the whole, for a progress bar. */
export type ReadProgress = (done: number, total: number) => void;

/**
 * Each CSV record with the line it starts on, as the file streams through the parser in 1 MiB chunks:
 * no record is kept, so a million-line file never exists as a million arrays.
 */
export function eachCsvRow(
  bytes: Uint8Array,
  fileName: string,
  onRow: (row: number, cells: string[]) => void,
  onProgress?: ReadProgress,
): void {
  const notCsv = (why: { "zh-CN": string; en: string }) =>
    new InputError("not_csv", {
      "zh-CN": `「${fileName}」不是 CSV 文本文件：${why["zh-CN"]}`,
      en: `${fileName} is not a CSV text file: ${why.en}`,
    });
  if (bytes[0] === 0x50 && bytes[1] === 0x4b)
    throw notCsv({
      "zh-CN": "这是 Excel 工作簿，请直接把它作为工作簿传入",
      en: "it is an Excel workbook; pass it as the workbook argument",
    });
  if (bytes.includes(0)) throw notCsv({ "zh-CN": "文件含二进制内容", en: "the file holds binary data" });
  const decoder = new TextDecoder(csvEncoding(bytes));
  let parser: Parser | undefined;
  // A record starts on the line after the previous one ends: one line, plus any line breaks inside its
  // quoted fields. Counted from the fields, so the parser need not build line info for every record.
  let line = 1;
  let heldCR = false;
  // The record that failed starts where the last good one ended: the line the user must look at.
  const unparsable = () =>
    notCsv({
      "zh-CN": `第 ${line} 行起的一行无法解析（常见原因：引号未闭合，或引号后紧跟其他字符），请改正该行后再试`,
      en: `the record starting on line ${line} cannot be parsed (often an unclosed quote, or text right after a closing quote); correct that line and try again`,
    });
  const drain = (p: Parser) => {
    let record: string[] | null;
    while ((record = p.read() as string[] | null) !== null) {
      onRow(line, record);
      line++;
      for (const field of record) if (field.includes("\n")) line += field.split("\n").length - 1;
    }
  };
  const feed = (decoded: string, last: boolean) => {
    // One line ending, even when CR and LF fall in different chunks: line numbers must be right.
    let text = (heldCR ? "\r" : "") + decoded;
    heldCR = !last && text.endsWith("\r");
    if (heldCR) text = text.slice(0, -1);
    text = text.replace(/\r\n?/g, "\n");
    if (!parser) {
      if (text === "" && !last) return;
      parser = parse({ delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: false });
      // Errors are read from `errored` after each write, synchronously; the event would come too late.
      parser.on("error", () => undefined);
    }
    if (text) parser.write(text);
    if (last) parser.end();
    drain(parser);
    if (parser.errored) throw unparsable();
  };
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    const end = Math.min(at + CHUNK_BYTES, bytes.length);
    feed(decoder.decode(bytes.subarray(at, end), { stream: true }), false);
    onProgress?.(end, bytes.length);
  }
  feed(decoder.decode(), true);
}

export function csvTable(bytes: Uint8Array, fileName: string): RawTable {
  const rows: RawRow[] = [];
  eachCsvRow(bytes, fileName, (row, record) =>
    rows.push({ row, cells: record.map((c) => (c === "" ? undefined : c)) }),
  );
  return { sheet: fileName, rows };
}

/**
 * Reads the two tables from a cadres CSV and a ballots CSV. The ballots stream straight into columns;
 * the cadre list (a row per person) is small and read whole, its header checked first as before.
 */
export function readCsvPair(
  cadres: { bytes: Uint8Array; name: string },
  ballots: { bytes: Uint8Array; name: string },
  onProgress?: ReadProgress,
): ReadInput {
  const cadreTable = csvTable(cadres.bytes, cadres.name);
  asInputError(() => locateHeader(cadreTable, CADRE_TABLE_FIELDS));
  const reader = new BallotTableReader(ballots.name);
  asInputError(() => eachCsvRow(ballots.bytes, ballots.name, (row, cells) => reader.add(row, cells), onProgress));
  return asInputError(() => readAssessmentTables(cadreTable, reader.finish()));
}
