/// <reference types="office-js" />
/** 民主推荐: the ballot template, reading it back, and the 推荐结果 sheet. */
import { columnLetters } from "./a1.ts";
import { SheetExistsError } from "./errors.ts";
import { readBlocks, SyncBudget, writeRows } from "./excel-io.ts";
import { requireSheets } from "./find.ts";
import { GRADE_FILLS, SHEETS, type Lang } from "./labels.ts";
import {
  candidateColumn,
  parseTemplate,
  resultRows,
  TALLY_HEADER_ROW,
  TEMPLATE,
  templateRows,
  type ParsedRecommendation,
  type RecommendationView,
} from "./recommendation-layout.ts";
import { LAST_ROW } from "./skeleton-spec.ts";

export async function writeRecommendationTemplate(candidates: string[], vacancies: number, lang: Lang): Promise<void> {
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const existing = sheets.getItemOrNullObject(SHEETS.recommendation);
    await context.sync();
    if (!existing.isNullObject) throw new SheetExistsError([SHEETS.recommendation]);
    const ws = sheets.add(SHEETS.recommendation);
    const budget = new SyncBudget(context);
    await writeRows(budget, ws, 0, 0, templateRows(candidates, vacancies, lang));
    ws.getRangeByIndexes(TEMPLATE.headerRow, 0, 1, vacancies + 3).format.font.bold = true;
    ws.freezePanes.freezeRows(TEMPLATE.headerRow + 1);
    const cand = columnLetters(candidateColumn(vacancies));
    const choices = ws.getRange(`B${TEMPLATE.firstBallotRow + 1}:${columnLetters(vacancies)}${LAST_ROW}`);
    if (candidates.length) {
      choices.dataValidation.rule = {
        list: {
          inCellDropDown: true,
          source: `=$${cand}$${TEMPLATE.firstBallotRow + 1}:$${cand}$${TEMPLATE.firstBallotRow + candidates.length}`,
        },
      };
    }
    // A warning, not a stop: whether write-ins count is the policy's call, made by the tally.
    choices.dataValidation.errorAlert = {
      showAlert: true,
      style: "Warning",
      title: "候选人 candidate",
      message:
        "不在候选人名单中（是否计票由方案决定）| not on the candidate list (the policy decides whether it counts)",
    };
    ws.activate();
    await budget.flush();
  });
}

export async function readRecommendationBallots(): Promise<ParsedRecommendation> {
  return Excel.run(async (context) => {
    const [found] = await requireSheets(context, [[SHEETS.recommendation]]);
    const [block] = await readBlocks(context, [found!]);
    // The used range may start right of A or below 1: put values back at A1 so rows are the sheet's own.
    const values: unknown[][] = [];
    for (let r = 0; r < block!.rowIndex; r++) values.push([]);
    for (const row of block!.values) values.push([...Array.from({ length: block!.columnIndex }, () => ""), ...row]);
    return parseTemplate(values);
  });
}

export async function writeRecommendationResult(result: RecommendationView, lang: Lang): Promise<void> {
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const old = sheets.getItemOrNullObject(SHEETS.recommendationResult);
    await context.sync();
    if (!old.isNullObject) old.name = `${SHEETS.recommendationResult}~${Date.now() % 100000}`;
    const ws = sheets.add(SHEETS.recommendationResult);
    if (!old.isNullObject) old.delete();
    const budget = new SyncBudget(context);
    await writeRows(budget, ws, 0, 0, resultRows(result, lang));
    ws.getRange("A1").format.font.bold = true;
    ws.getRangeByIndexes(TALLY_HEADER_ROW, 0, 1, 7).format.font.bold = true;
    result.tally.forEach((t, i) => {
      if (result.tied.includes(t.candidate))
        ws.getRangeByIndexes(TALLY_HEADER_ROW + 1 + i, 0, 1, 7).format.fill.color = GRADE_FILLS.quota_tie;
    });
    ws.activate();
    await budget.flush();
  });
}
