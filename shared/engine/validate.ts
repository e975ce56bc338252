import { DIMENSIONS } from "../vocabulary.ts";
import type { BallotRow, CadreRow } from "../schemas/input.ts";
import type { Issue, IssueCode } from "../schemas/result.ts";
import { issueMessage } from "../messages.ts";
import { lookupName, type CompiledPolicy } from "./compile.ts";
import { BLANK_VOTE, cellText, OUT_OF_RANGE, parseVoteCell, scoreHundredths, SCORE_CODES } from "./cells.ts";
import {
  ballotColumnsFromRows,
  isBallotColumns,
  scoreValueOf,
  type BallotCell,
  type BallotColumns,
} from "./ballot-columns.ts";

export interface CadreRecord {
  cadreId: string;
  name: string;
  unit: string;
  post: string; // key when known, else what the sheet said
  postKnown: boolean;
  disciplinary: boolean;
  attendees?: number;
  expected?: number;
  issued?: number;
  returned?: number;
  provisional: boolean;
}

/** Valid ballots in columns: the scoring loop reads typed arrays, not objects. */
export interface ValidBallots {
  count: number;
  cadre: Int32Array;
  group: Int32Array;
  /** count x 5 scores in hundredths, in DIMENSIONS order. */
  scores: Int32Array;
  vote: Int8Array;
}

export interface Validated {
  cadres: CadreRecord[];
  ballots: ValidBallots;
  issues: Issue[];
}

export const CADRES_SHEET = "Cadres";
export const BALLOTS_SHEET = "Ballots";

export function validateInput(
  policy: CompiledPolicy,
  cadreRows: readonly CadreRow[],
  ballotRows: readonly BallotRow[] | BallotColumns,
  sheets = { cadres: CADRES_SHEET, ballots: BALLOTS_SHEET },
): Validated {
  const issues: Issue[] = [];
  const report = (
    sheet: string,
    row: number,
    field: string,
    code: IssueCode,
    value: unknown,
    extra: { min?: number; max?: number; other?: string } = {},
  ) => {
    const shown = value === undefined || value === null ? null : typeof value === "number" ? value : String(value);
    issues.push({
      sheet,
      row,
      field,
      code,
      value: shown,
      message: issueMessage(code, { sheet, row, field, value, ...extra }),
    });
  };

  const cadres: CadreRecord[] = [];
  const cadreIndex = new Map<string, number>();
  const cadreRowOf = new Map<string, number>();
  cadreRows.forEach((c, i) => {
    const row = c.row ?? i + 2;
    const cadreId = cellText(c.cadreId);
    if (!cadreId) return report(sheets.cadres, row, "cadreId", "missing_field", c.cadreId);
    if (cadreIndex.has(cadreId))
      return report(sheets.cadres, row, "cadreId", "duplicate_cadre", cadreId, {
        other: String(cadreRowOf.get(cadreId)),
      });
    const postText = cellText(c.post);
    const post = lookupName(policy.postKey, postText);
    if (!post) report(sheets.cadres, row, "post", postText ? "unknown_post" : "missing_field", c.post);
    if (!cellText(c.name)) report(sheets.cadres, row, "name", "missing_field", c.name);
    cadreIndex.set(cadreId, cadres.length);
    cadreRowOf.set(cadreId, row);
    cadres.push({
      cadreId,
      name: cellText(c.name),
      unit: cellText(c.unit),
      post: post ?? postText,
      postKnown: post !== undefined,
      disciplinary: c.disciplinary === true,
      attendees: c.attendees,
      expected: c.expected,
      issued: c.issued,
      returned: c.returned,
      provisional: post === undefined,
    });
  });

  // Every cell is a code into its column's distinct values: each distinct value is normalised and parsed once.
  const table = isBallotColumns(ballotRows) ? ballotRows : ballotColumnsFromRows(ballotRows);
  const n = table.count;
  const rowNumbers = table.rows;
  const ballotIdKeys = new IdKeys(table.ballotId.values);
  const cadreIdKeys = new IdKeys(table.cadreId.values);
  const ballotCodes = table.ballotId.codes;
  const cadreCodes = table.cadreId.codes;

  // Duplicates first: every copy of a (ballotId, cadreId) pair is excluded, whatever else is wrong with it.
  // Rows are bucketed by cadre id (stable counting sort), and within a bucket a ballot id seen before marks a
  // duplicate. Linear, and no per-row key strings.
  const nCadreKeys = cadreIdKeys.texts.length;
  const nBallotKeys = ballotIdKeys.texts.length;
  const cadreKeyOfRow = (i: number) => cadreIdKeys.keyOfCode[cadreCodes[i]!]!;
  const ballotKeyOfRow = (i: number) => ballotIdKeys.keyOfCode[ballotCodes[i]!]!;
  const start = new Int32Array(nCadreKeys + 1);
  for (let i = 0; i < n; i++) start[cadreKeyOfRow(i) + 1]!++;
  for (let k = 1; k < start.length; k++) start[k]! += start[k - 1]!;
  const byCadre = new Int32Array(n);
  const fill = start.slice(0, nCadreKeys);
  for (let i = 0; i < n; i++) byCadre[fill[cadreKeyOfRow(i)]!++] = i;
  const seenIn = new Int32Array(nBallotKeys).fill(-1);
  const seenRow = new Int32Array(nBallotKeys);
  /** Row index -> the rows (input order) sharing its (ballotId, cadreId), for duplicated pairs only. */
  const duplicateRows = new Map<number, number[]>();
  for (let c = 0; c < nCadreKeys; c++) {
    for (let k = start[c]!; k < start[c + 1]!; k++) {
      const i = byCadre[k]!;
      const bk = ballotKeyOfRow(i);
      // A blank ballot id is reported as a missing field below, not as a duplicate of other blanks.
      if (ballotIdKeys.texts[bk] === "") continue;
      if (seenIn[bk] !== c) {
        seenIn[bk] = c;
        seenRow[bk] = i;
        continue;
      }
      const first = seenRow[bk]!;
      let rows = duplicateRows.get(first);
      if (!rows) duplicateRows.set(first, (rows = [rowNumbers[first]!]));
      rows.push(rowNumbers[i]!);
      duplicateRows.set(i, rows);
    }
  }

  // Cadre-list position per cadre key (-1: not in the list), rater group per distinct group cell.
  const cadreOfKey = new Int32Array(nCadreKeys);
  cadreIdKeys.texts.forEach((cid, k) => (cadreOfKey[k] = cadreIndex.get(cid) ?? -1));
  const groupOfCode = Int32Array.from(table.raterGroup.values, (v) => lookupName(policy.groupIndex, cellText(v)) ?? -1);
  // Score and vote cells parsed once per distinct value: hundredths, or a negative refusal code.
  const hundredthsOfCode = Int32Array.from(table.scoreValues, (v) => scoreHundredths(v, policy));
  const voteOfCode = table.gradeVote ? Int8Array.from(table.gradeVote.values, (v) => parseVoteCell(v)) : null;
  // "Did you mean": a listed id equal up to spaces and case (full-width is already folded by cellText).
  let loose: Map<string, string> | undefined;
  const suggest = (id: string): string | undefined => {
    loose ??= new Map(cadres.map((c) => [looseId(c.cadreId), c.cadreId]));
    return id ? loose.get(looseId(id)) : undefined;
  };

  const cadre = new Int32Array(n);
  const group = new Int32Array(n);
  const scores = new Int32Array(n * 5);
  const vote = new Int8Array(n);
  let count = 0;
  const min = policy.minHundredths / 100;
  const max = policy.maxHundredths / 100;
  const scoreCodes = table.scoreCodes;
  for (let i = 0; i < n; i++) {
    const row = rowNumbers[i]!;
    const ballotId = ballotIdKeys.texts[ballotKeyOfRow(i)]!;
    let ok = true;
    const cadreKey = cadreKeyOfRow(i);
    const ci = cadreOfKey[cadreKey]!;
    const dup = duplicateRows.size > 0 ? duplicateRows.get(i) : undefined;
    if (dup) {
      // The other rows in sheet order, so the message does not depend on how the rows arrived.
      const others = dup.filter((r) => r !== row).sort((a, b) => a - b);
      report(sheets.ballots, row, "ballotId", "duplicate", ballotId, { other: others.join(", ") });
      if (ci >= 0) cadres[ci]!.provisional = true;
      ok = false;
    }
    if (!ballotId) {
      report(sheets.ballots, row, "ballotId", "missing_field", table.ballotId.values[ballotCodes[i]!]);
      ok = false;
    }
    if (ci < 0) {
      const near = suggest(cadreIdKeys.texts[cadreKey]!);
      report(
        sheets.ballots,
        row,
        "cadreId",
        "unknown_cadre",
        table.cadreId.values[cadreCodes[i]!],
        near ? { other: near } : {},
      );
      ok = false;
    }
    const groupCode = table.raterGroup.codes[i]!;
    const gi = groupOfCode[groupCode]!;
    if (gi < 0) {
      report(sheets.ballots, row, "raterGroup", "unknown_group", table.raterGroup.values[groupCode]);
      ok = false;
    }
    const o = i * 5;
    const out = count * 5;
    for (let d = 0; d < 5; d++) {
      const code = scoreCodes[o + d]!;
      // A negative code is the score itself in hundredths (minus one): only the scale's range is left to check.
      const h =
        code >= 0
          ? hundredthsOfCode[code]!
          : -code - 1 >= policy.minHundredths && -code - 1 <= policy.maxHundredths
            ? -code - 1
            : OUT_OF_RANGE;
      if (h >= 0) scores[out + d] = h;
      else {
        const value = scoreValueOf(table, code);
        report(sheets.ballots, row, DIMENSIONS[d]!, SCORE_CODES[h as keyof typeof SCORE_CODES], value, { min, max });
        ok = false;
      }
    }
    const voteCode = table.gradeVote ? table.gradeVote.codes[i]! : -1;
    const v = voteOfCode ? voteOfCode[voteCode]! : BLANK_VOTE;
    if (v < 0) {
      report(sheets.ballots, row, "gradeVote", "invalid_vote", table.gradeVote!.values[voteCode]);
      ok = false;
    }
    if (!ok) continue;
    cadre[count] = ci;
    group[count] = gi;
    vote[count] = v;
    count++;
  }
  return { cadres, ballots: { count, cadre, group, scores, vote }, issues };
}

const looseId = (id: string) => id.replace(/\s+/g, "").toLowerCase();

/** Small integer keys for an id column: distinct cells that normalise to the same text share a key. */
class IdKeys {
  readonly texts: string[] = [];
  readonly keyOfCode: Int32Array;
  constructor(values: readonly BallotCell[]) {
    const keys = new Map<string, number>();
    this.keyOfCode = Int32Array.from(values, (v) => {
      const t = cellText(v);
      let k = keys.get(t);
      if (k === undefined) {
        k = this.texts.length;
        keys.set(t, k);
        this.texts.push(t);
      }
      return k;
    });
  }
}
