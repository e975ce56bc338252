import { parse } from "csv-parse/sync";
import type { RawTable } from "../shared/index.ts";
import { InputError } from "./errors.ts";
import { toAssessmentInput, type ReadInput } from "./tables.ts";

/**
 * CSV bytes to text: UTF-8 (with or without BOM), else GB18030, which Excel in China writes
 * when it saves "CSV (逗号分隔)". Invalid UTF-8 is the tell.
 */
export function decodeCsvText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("gb18030").decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The header line's most frequent separator among comma, semicolon and tab (Excel's locale choices). */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

export function csvTable(bytes: Uint8Array, fileName: string): RawTable {
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
  // One line ending: csv-parse miscounts lines after CRLF inside quoted fields, and row numbers must be right.
  const text = decodeCsvText(bytes).replace(/\r\n?/g, "\n");
  let records: { record: string[]; info: { lines: number; raw?: string } }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
      raw: true,
    }) as unknown as typeof records;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw notCsv({
      "zh-CN": `第 ${line ?? "?"} 行无法解析（常见原因：引号未闭合）`,
      en: `line ${line ?? "?"} cannot be parsed (often an unclosed quote)`,
    });
  }
  return {
    sheet: fileName,
    // csv-parse counts lines up to the end of a record; a quoted field may span lines, so start = end - inner breaks.
    rows: records.map(({ record, info }) => ({
      row: info.lines - ((info.raw ?? "").replace(/\n$/, "").match(/\n/g)?.length ?? 0),
      cells: record.map((c) => (c === "" ? undefined : c)),
    })),
  };
}

/** Reads the two tables from a cadres CSV and a ballots CSV. */
export function readCsvPair(
  cadres: { bytes: Uint8Array; name: string },
  ballots: { bytes: Uint8Array; name: string },
): ReadInput {
  return toAssessmentInput(csvTable(cadres.bytes, cadres.name), csvTable(ballots.bytes, ballots.name));
}
