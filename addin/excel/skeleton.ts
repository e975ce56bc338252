/// <reference types="office-js" />
/** 干部名单 and 测评票 as Excel tables with bilingual headers, drop-downs, score validation and frozen headers. */
import type { Policy } from "../../shared/index.ts";
import { columnLetters } from "./a1.ts";
import { SheetExistsError } from "./errors.ts";
import { SHEETS, type Lang } from "./labels.ts";
import {
  ballotHeaders,
  cadreHeaders,
  gradeVoteLabels,
  groupLabels,
  instructionRows,
  LAST_ROW,
  listValidation,
  postLabels,
  scoreValidation,
  type ValidationSpec,
} from "./skeleton-spec.ts";

function validate(ws: Excel.Worksheet, col: number, cols: number, spec: ValidationSpec): void {
  const range = ws.getRange(`${columnLetters(col)}2:${columnLetters(col + cols - 1)}${LAST_ROW}`);
  range.dataValidation.clear();
  if (Object.keys(spec.rule).length) range.dataValidation.rule = spec.rule as Excel.DataValidationRule;
  range.dataValidation.prompt = spec.prompt;
  range.dataValidation.errorAlert = spec.errorAlert as Excel.DataValidationErrorAlert;
}

function headerTable(ws: Excel.Worksheet, headers: string[]): void {
  const address = `A1:${columnLetters(headers.length - 1)}1`;
  const header = ws.getRange(address);
  header.values = [headers];
  header.format.font.bold = true;
  // Header plus one empty row: the table keeps our header texts and grows as rows are typed.
  ws.tables.add(`A1:${columnLetters(headers.length - 1)}2`, true);
  ws.freezePanes.freezeRows(1);
}

export async function createAssessmentSkeleton(policy: Policy, lang: Lang): Promise<void> {
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const names = [SHEETS.cadres, SHEETS.ballots, SHEETS.instructions];
    const existing = names.map((n) => sheets.getItemOrNullObject(n));
    await context.sync();
    const taken = names.filter((_, i) => !existing[i]!.isNullObject);
    if (taken.length) throw new SheetExistsError(taken);

    const cadres = sheets.add(SHEETS.cadres);
    headerTable(cadres, cadreHeaders());
    validate(cadres, 3, 1, listValidation(postLabels(policy), "岗位类别 post"));

    const ballots = sheets.add(SHEETS.ballots);
    headerTable(ballots, ballotHeaders());
    validate(ballots, 1, 1, listValidation(groupLabels(policy), "测评主体 rater group"));
    validate(ballots, 3, 5, scoreValidation(policy, "D2"));
    validate(ballots, 8, 1, listValidation(gradeVoteLabels(), "等次 grade vote"));

    const help = sheets.add(SHEETS.instructions);
    const rows = instructionRows(policy, lang);
    help.getRange(`A1:B${rows.length}`).values = rows;
    help.getRange("A1:B1").format.font.bold = true;
    help.getRange(`A1:B${rows.length}`).format.columnWidth = 420;

    cadres.activate();
    await context.sync();
  });
}
