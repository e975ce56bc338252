/**
 * exceljs' streaming workbook reader, with its one flaw fixed: it turns each inflated chunk of a sheet into
 * text on its own, so a Chinese character whose UTF-8 bytes straddle two chunks becomes "���" (exceljs 4.4,
 * lib/utils/parse-sax.js). Here the sheet and shared-string streams are decoded as one text before exceljs
 * parses them; exceljs passes text through untouched.
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";

type Chunks = AsyncIterable<Uint8Array | string>;

async function* decodeUtf8(source: Chunks): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of source) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** The reader's internal steps this class wraps (exceljs 4.4 names; checked by io/read-xlsx.test.ts). */
interface ReaderInternals {
  _parseWorksheet(iterator: Chunks, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
}

const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (
  input: Readable,
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
) => ExcelJS.stream.xlsx.WorkbookReader & ReaderInternals;

export class WholeTextWorkbookReader extends Base {
  override _parseWorksheet(iterator: Chunks, sheetNo: string) {
    return super._parseWorksheet(decodeUtf8(iterator), sheetNo);
  }
  override _parseSharedStrings(entry: Readable) {
    return super._parseSharedStrings(Readable.from(decodeUtf8(entry)));
  }
}
