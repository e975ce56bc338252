/// <reference types="office-js" />
/** appendBallotRows: electronic ballots added under the paper ones on 测评票, never over them. */
import { BALLOT_HEADERS, REQUIRED_BALLOT, bilingualHeader, findHeaderRow, matchHeaderRow } from "./headers.ts";
import { readBlocks } from "./excel-io.ts";
import { requireSheets } from "./find.ts";
import { BALLOT_SHEET_NAMES } from "./read.ts";
import { missingColumns } from "./errors.ts";

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
    const [found] = await requireSheets(context, [BALLOT_SHEET_NAMES]);
    const [block] = await readBlocks(context, [found!]);
    const values = block!.values;
    const headerAt = findHeaderRow(values, BALLOT_HEADERS, REQUIRED_BALLOT);
    const columns = headerAt >= 0 ? matchHeaderRow(values[headerAt]!, BALLOT_HEADERS) : new Map<string, number>();
    const missing = REQUIRED_BALLOT.filter((k) => !columns.has(k));
    if (missing.length > 0)
      throw missingColumns(
        found!.name,
        missing.map((k) => bilingualHeader(k, BALLOT_HEADERS)),
      );
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
      found!.ws.getRangeByIndexes(start + i, block!.columnIndex, chunk.length, width).values = chunk;
      await context.sync();
    }
    return {
      sheet: found!.name,
      appended: fresh.length,
      skipped: rows.length - fresh.length,
      firstRow: fresh.length > 0 ? start + 1 : null,
      lastRow: fresh.length > 0 ? start + fresh.length : null,
    };
  });
}
