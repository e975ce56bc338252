/// <reference types="office-js" />
/** readAssessment: both input sheets in bulk, handed to the shared reader (the CLI's and the functions' too). */
import {
  ASSESSMENT_SHEETS,
  findSheetName,
  readAssessmentTables,
  sheetNotFound,
  TableError,
  type AssessmentTables,
} from "../../shared/index.ts";
import { KaopingExcelError } from "./errors.ts";
import { readBlocks } from "./excel-io.ts";
import { blockTable } from "./rows.ts";

export type AssessmentSheets = AssessmentTables;

/** The reader's refusal as the Excel layer's error, keeping its bilingual text (what to change in the sheet). */
export function asExcelError(e: unknown): unknown {
  if (!(e instanceof TableError)) return e;
  const code = e.code === "missing_sheet" ? "sheet_missing" : "missing_columns";
  return new KaopingExcelError(code, e.bilingual, { sheet: e.where.sheet, columns: e.where.columns });
}

export async function readAssessment(): Promise<AssessmentSheets> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const names = sheets.items.map((ws) => ws.name);
    const found = [ASSESSMENT_SHEETS.cadres, ASSESSMENT_SHEETS.ballots].map((wanted) => {
      const name = findSheetName(names, wanted);
      if (name === undefined)
        throw asExcelError(sheetNotFound({ "zh-CN": "当前工作簿", en: "This workbook" }, wanted, names));
      return { name, ws: context.workbook.worksheets.getItem(name) };
    });
    const [cadres, ballots] = await readBlocks(context, found);
    try {
      return readAssessmentTables(blockTable(cadres!), blockTable(ballots!), {
        cadres: cadres!.columnIndex,
        ballots: ballots!.columnIndex,
      });
    } catch (e) {
      throw asExcelError(e);
    }
  });
}
