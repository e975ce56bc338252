import ExcelJS from "exceljs";
import {
  findSheetName,
  readSurveyTables,
  sheetNotFound,
  SURVEY_SHEETS,
  TableError,
  type RawRow,
  type RawTable,
  type SurveyTables,
} from "../../shared/index.ts";
import { InputError } from "../errors.ts";
import { cellValue } from "../read-xlsx.ts";

export interface SurveyWorkbook extends SurveyTables {
  sheets: { items: string; answers: string };
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Reads a survey workbook (sheets 评议项目 / Items and 评议票 / Answers) from its bytes. */
export async function readSurveyWorkbook(bytes: Uint8Array, fileName = "workbook"): Promise<SurveyWorkbook> {
  if (!ZIP.every((b, i) => bytes[i] === b))
    throw new InputError("not_a_workbook", {
      "zh-CN": `「${fileName}」不是 .xlsx 工作簿；如为旧版 .xls，请在 Excel 中另存为 .xlsx`,
      en: `${fileName} is not an .xlsx workbook; if it is the old .xls format, save it as .xlsx in Excel`,
    });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new InputError("not_a_workbook", {
      "zh-CN": `「${fileName}」已损坏或不是 Excel 格式`,
      en: `${fileName} is damaged or not in Excel format`,
    });
  }
  const names = workbook.worksheets.map((ws) => ws.name);
  try {
    const sheet = (wanted: readonly string[]) => {
      const name = findSheetName(names, wanted);
      if (!name) throw sheetNotFound(fileName, wanted, names);
      return workbook.getWorksheet(name)!;
    };
    const items = sheet(SURVEY_SHEETS.items);
    const answers = sheet(SURVEY_SHEETS.answers);
    const tables = readSurveyTables(rawTable(items), rawTable(answers));
    return { ...tables, sheets: { items: items.name, answers: answers.name } };
  } catch (e) {
    if (e instanceof TableError)
      throw new InputError(e.code === "missing_sheet" ? "missing_sheet" : "missing_header", e.bilingual, e.details);
    throw e;
  }
}

/** A worksheet as raw cells with the sheet's own row numbers. */
export function rawTable(ws: ExcelJS.Worksheet): RawTable {
  const rows: RawRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = [];
    for (let col = 1; col <= row.cellCount; col++) cells.push(cellValue(row.getCell(col).value));
    rows.push({ row: rowNumber, cells });
  });
  return { sheet: ws.name, rows };
}
