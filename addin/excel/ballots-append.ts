/// <reference types="office-js" />
/** appendBallotRows: electronic ballots added under the paper ones on 测评票, never over them. */
import {
  ASSESSMENT_SHEETS,
  BALLOT_TABLE_FIELDS,
  findSheetName,
  locateHeader,
  sheetNotFound,
} from "../../shared/index.ts";
import { readBlocks } from "./excel-io.ts";
import { BALLOT_HEADERS, bilingualHeader } from "./headers.ts";
import { asExcelError } from "./read.ts";
import { blockTable } from "./rows.ts";

export interface AppendableBallot {
  ballotId: string;
  raterGroup: string;
  cadreId: string;
  morality: string | number;
  ability: string | number;
  diligence: string | number;
  achievement: string | number;
  integrity: string | number;
  gradeVote?: string;
}

export interface AppendOutcome {
  sheet: string;
  appended: number;
  /** Already on the sheet (same 票号 and 编号): a second pull adds nothing. */
  skipped: number;
  /** The sheet had no grade-vote column and the phones carried votes: a 等次 column was added after the last header. */
  addedVoteColumn: boolean;
  /** 1-based sheet rows written, or null when nothing was. */
  firstRow: number | null;
  lastRow: number | null;
}

const ROWS_PER_SYNC = 500;

/**
 * Writes the rows below the last used row of the ballot sheet, each field under its own header (the
 * sheet's column order, Chinese or English headers). Rows whose 票号 and 编号 are already there are skipped.
 */
export async function appendBallotRows(rows: AppendableBallot[]): Promise<AppendOutcome> {
  return Excel.run(async (context) => {
    // The same sheet and header the reader uses (the shared reader's sheet names, title rows, aliases).
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const names = sheets.items.map((ws) => ws.name);
    const name = findSheetName(names, ASSESSMENT_SHEETS.ballots);
    if (name === undefined)
      throw asExcelError(
        sheetNotFound({ "zh-CN": "当前工作簿", en: "This workbook" }, ASSESSMENT_SHEETS.ballots, names),
      );
    const found = { name, ws: context.workbook.worksheets.getItem(name) };
    const [block] = await readBlocks(context, [found]);
    const values = block!.values;
    let columns: Map<string, number>;
    let headerAt: number;
    try {
      const header = locateHeader(blockTable(block!), BALLOT_TABLE_FIELDS, block!.columnIndex);
      columns = header.columns;
      headerAt = header.index;
    } catch (e) {
      throw asExcelError(e);
    }
    // Phone votes never vanish: a paper form without a 等次 column gets one, right of its last header.
    const addedVoteColumn = !columns.has("gradeVote") && rows.some((r) => r.gradeVote !== undefined);
    if (addedVoteColumn) {
      const header = values[headerAt]!;
      let last = header.length - 1;
      while (last >= 0 && (header[last] === "" || header[last] === null || header[last] === undefined)) last--;
      const col = Math.max(last + 1, ...[...columns.values()].map((c) => c + 1));
      found.ws.getRangeByIndexes(block!.rowIndex + headerAt, block!.columnIndex + col, 1, 1).values = [
        [bilingualHeader("gradeVote", BALLOT_HEADERS)],
      ];
      columns.set("gradeVote", col);
    }
    const key = (ballotId: unknown, cadreId: unknown) => `${String(ballotId).trim()}\u0000${String(cadreId).trim()}`;
    const present = new Set(
      values.slice(headerAt + 1).map((r) => key(r[columns.get("ballotId")!], r[columns.get("cadreId")!])),
    );
    const fresh = rows.filter((r) => !present.has(key(r.ballotId, r.cadreId)));
    const width = Math.max(...[...columns.values()]) + 1;
    // Trailing blank rows inside the used range are not "used": write after the last row with content.
    let last = values.length - 1;
    while (last > headerAt && values[last]!.every((v) => v === "" || v === null || v === undefined)) last--;
    const start = block!.rowIndex + last + 1;
    for (let i = 0; i < fresh.length; i += ROWS_PER_SYNC) {
      const chunk = fresh.slice(i, i + ROWS_PER_SYNC).map((r) => {
        const line: (string | number)[] = Array.from({ length: width }, () => "");
        for (const [field, col] of columns) {
          const v = (r as unknown as Record<string, string | number | undefined>)[field];
          if (v !== undefined) line[col] = v;
        }
        return line;
      });
      found.ws.getRangeByIndexes(start + i, block!.columnIndex, chunk.length, width).values = chunk;
      await context.sync();
    }
    return {
      sheet: found.name,
      addedVoteColumn,
      appended: fresh.length,
      skipped: rows.length - fresh.length,
      firstRow: fresh.length > 0 ? start + 1 : null,
      lastRow: fresh.length > 0 ? start + fresh.length : null,
    };
  });
}
