import { DIMENSIONS } from "../vocabulary.ts";
import type { BallotRow, CadreRow } from "../schemas/input.ts";
import type { Issue, IssueCode } from "../schemas/result.ts";
import { issueMessage } from "../messages.ts";
import { lookupName, type CompiledPolicy } from "./compile.ts";
import { cellText, parseVoteCell, scoreHundredths, SCORE_CODES } from "./cells.ts";

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
  ballotRows: readonly BallotRow[],
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

  // Cell texts repeat (a cadre's id on every ballot, a rater's ballot id on every cadre): normalise each distinct value once.
  const texts = new Map<unknown, string>();
  const text = (v: unknown): string => {
    let t = texts.get(v);
    if (t === undefined) texts.set(v, (t = cellText(v)));
    return t;
  };

  // Duplicates first: every copy of a (ballotId, cadreId) pair is excluded, whatever else is wrong with it.
  // Ids become small integers; rows are bucketed by cadre id (stable counting sort), and within a bucket a
  // ballot id seen before marks a duplicate. Linear, and no per-row key strings.
  const n = ballotRows.length;
  const rowNumbers = new Int32Array(n);
  const ballotKey = new Int32Array(n);
  const cadreKey = new Int32Array(n);
  const ballotIdKeys = new IdKeys(text);
  const cadreIdKeys = new IdKeys(text);
  for (let i = 0; i < n; i++) {
    const b = ballotRows[i]!;
    rowNumbers[i] = b.row ?? i + 2;
    ballotKey[i] = ballotIdKeys.key(b.ballotId);
    cadreKey[i] = cadreIdKeys.key(b.cadreId);
  }
  const ballotKeyOf = ballotIdKeys.keys;
  const cadreKeyOf = cadreIdKeys.keys;
  const start = new Int32Array(cadreKeyOf.size + 1);
  for (let i = 0; i < n; i++) start[cadreKey[i]! + 1]!++;
  for (let k = 1; k < start.length; k++) start[k]! += start[k - 1]!;
  const byCadre = new Int32Array(n);
  const fill = start.slice(0, cadreKeyOf.size);
  for (let i = 0; i < n; i++) byCadre[fill[cadreKey[i]!]!++] = i;
  const seenIn = new Int32Array(ballotKeyOf.size).fill(-1);
  const seenRow = new Int32Array(ballotKeyOf.size);
  /** Row index -> the rows (input order) sharing its (ballotId, cadreId), for duplicated pairs only. */
  const duplicateRows = new Map<number, number[]>();
  for (let c = 0; c < cadreKeyOf.size; c++) {
    for (let k = start[c]!; k < start[c + 1]!; k++) {
      const i = byCadre[k]!;
      const bk = ballotKey[i]!;
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

  // Cadre-list position per cadre key (-1: not in the list), and rater group per raw cell value.
  const cadreOfKey = new Int32Array(cadreKeyOf.size);
  for (const [cid, k] of cadreKeyOf) cadreOfKey[k] = cadreIndex.get(cid) ?? -1;
  const groupOfCell = new Map<unknown, number>();
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
  const scoreCell = (value: unknown, d: number, row: number): boolean => {
    const h = scoreHundredths(value, policy);
    if (h >= 0) {
      scores[count * 5 + d] = h;
      return true;
    }
    report(sheets.ballots, row, DIMENSIONS[d]!, SCORE_CODES[h as keyof typeof SCORE_CODES], value, { min, max });
    return false;
  };
  for (let i = 0; i < n; i++) {
    const b = ballotRows[i]!;
    const row = rowNumbers[i]!;
    const ballotId = ballotIdKeys.texts[ballotKey[i]!]!;
    let ok = true;
    const dup = duplicateRows.size > 0 ? duplicateRows.get(i) : undefined;
    if (dup) {
      // The other rows in sheet order, so the message does not depend on how the rows arrived.
      const others = dup.filter((r) => r !== row).sort((a, b) => a - b);
      report(sheets.ballots, row, "ballotId", "duplicate", ballotId, { other: others.join(", ") });
      const ci = cadreOfKey[cadreKey[i]!]!;
      if (ci >= 0) cadres[ci]!.provisional = true;
      ok = false;
    }
    if (!ballotId) {
      report(sheets.ballots, row, "ballotId", "missing_field", b.ballotId);
      ok = false;
    }
    const ci = cadreOfKey[cadreKey[i]!]!;
    if (ci < 0) {
      const near = suggest(cadreIdKeys.texts[cadreKey[i]!]!);
      report(sheets.ballots, row, "cadreId", "unknown_cadre", b.cadreId, near ? { other: near } : {});
      ok = false;
    }
    let gi = groupOfCell.get(b.raterGroup);
    if (gi === undefined) groupOfCell.set(b.raterGroup, (gi = lookupName(policy.groupIndex, text(b.raterGroup)) ?? -1));
    if (gi < 0) {
      report(sheets.ballots, row, "raterGroup", "unknown_group", b.raterGroup);
      ok = false;
    }
    // Named reads, not b[DIMENSIONS[d]]: a keyed load per cell was a visible share of the run.
    ok = scoreCell(b.morality, 0, row) && ok;
    ok = scoreCell(b.ability, 1, row) && ok;
    ok = scoreCell(b.diligence, 2, row) && ok;
    ok = scoreCell(b.achievement, 3, row) && ok;
    ok = scoreCell(b.integrity, 4, row) && ok;
    const v = parseVoteCell(b.gradeVote);
    if (v < 0) {
      report(sheets.ballots, row, "gradeVote", "invalid_vote", b.gradeVote);
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

/** Small integer keys for id cells: one lookup per row by the raw cell, the normalised text only once per distinct cell. */
class IdKeys {
  readonly keys = new Map<string, number>();
  readonly texts: string[] = [];
  private readonly byCell = new Map<unknown, number>();
  constructor(private readonly text: (v: unknown) => string) {}
  key(cell: unknown): number {
    let k = this.byCell.get(cell);
    if (k === undefined) {
      const t = this.text(cell);
      k = this.keys.get(t);
      if (k === undefined) {
        k = this.texts.length;
        this.keys.set(t, k);
        this.texts.push(t);
      }
      this.byCell.set(cell, k);
    }
    return k;
  }
}
