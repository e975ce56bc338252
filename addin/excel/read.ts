/// <reference types="office-js" />
/** readAssessment: both input sheets in bulk, rows keeping their sheet row numbers. */
import type { BallotRow, CadreRow } from "../../shared/index.ts";
import { readBlocks } from "./excel-io.ts";
import { requireSheets } from "./find.ts";
import { SHEETS } from "./labels.ts";
import { ballotRows, cadreRows } from "./rows.ts";

/** Chinese names first: the template's own; the English ones are what the CLI and API document too. */
export const CADRE_SHEET_NAMES = [SHEETS.cadres, "Cadres"] as const;
export const BALLOT_SHEET_NAMES = [SHEETS.ballots, "Ballots"] as const;

export interface AssessmentSheets {
  cadres: CadreRow[];
  ballots: BallotRow[];
  sheets: { cadres: string; ballots: string };
}

export async function readAssessment(): Promise<AssessmentSheets> {
  return Excel.run(async (context) => {
    const [cadres, ballots] = await requireSheets(context, [CADRE_SHEET_NAMES, BALLOT_SHEET_NAMES]);
    const [cadreBlock, ballotBlock] = await readBlocks(context, [cadres!, ballots!]);
    return {
      cadres: cadreRows(cadreBlock!),
      ballots: ballotRows(ballotBlock!),
      sheets: { cadres: cadres!.name, ballots: ballots!.name },
    };
  });
}
