import { DIMENSIONS } from "../vocabulary.ts";
import type { BallotRow, CadreRow } from "../schemas/input.ts";
import type { Issue, IssueCode } from "../schemas/result.ts";
import { issueMessage } from "../messages.ts";
import type { CompiledPolicy } from "./compile.ts";
import { cellText, parseScoreCell, parseVoteCell } from "./cells.ts";

export interface CadreRecord {
  cadreId: string;
  name: string;
  unit: string;
  post: string; // key when known, else what the sheet said
  postKnown: boolean;
  disciplinary: boolean;
  attendees?: number;
  expected?: number;
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

export function validateInput(policy: CompiledPolicy, cadreRows: readonly CadreRow[], ballotRows: readonly BallotRow[], sheets = { cadres: CADRES_SHEET, ballots: BALLOTS_SHEET }): Validated {
  const issues: Issue[] = [];
  const report = (sheet: string, row: number, field: string, code: IssueCode, value: unknown, extra: { min?: number; max?: number; other?: string } = {}) => {
    const shown = value === undefined || value === null ? null : typeof value === "number" ? value : String(value);
    issues.push({ sheet, row, field, code, value: shown, message: issueMessage(code, { sheet, row, field, value, ...extra }) });
  };

  const cadres: CadreRecord[] = [];
  const cadreIndex = new Map<string, number>();
  const cadreRowOf = new Map<string, number>();
  cadreRows.forEach((c, i) => {
    const row = c.row ?? i + 2;
    const cadreId = cellText(c.cadreId);
    if (!cadreId) return report(sheets.cadres, row, "cadreId", "missing_field", c.cadreId);
    if (cadreIndex.has(cadreId)) return report(sheets.cadres, row, "cadreId", "duplicate_cadre", cadreId, { other: String(cadreRowOf.get(cadreId)) });
    const postText = cellText(c.post);
    const post = policy.postKey.get(postText);
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
      provisional: post === undefined,
    });
  });

  // Duplicates first: every copy of a (ballotId, cadreId) pair is excluded, whatever else is wrong with it.
  const firstRowOfKey = new Map<string, number>();
  const duplicateKeys = new Map<string, number[]>();
  const rowNumbers = new Int32Array(ballotRows.length);
  for (let i = 0; i < ballotRows.length; i++) {
    const b = ballotRows[i]!;
    const row = b.row ?? i + 2;
    rowNumbers[i] = row;
    const id = cellText(b.ballotId);
    if (!id) continue; // reported as a missing field below, not as a duplicate of other blanks
    const key = `${id}\u0000${cellText(b.cadreId)}`;
    const first = firstRowOfKey.get(key);
    if (first === undefined) firstRowOfKey.set(key, row);
    else {
      const rows = duplicateKeys.get(key);
      if (rows) rows.push(row);
      else duplicateKeys.set(key, [first, row]);
    }
  }

  const n = ballotRows.length;
  const cadre = new Int32Array(n);
  const group = new Int32Array(n);
  const scores = new Int32Array(n * 5);
  const vote = new Int8Array(n);
  let count = 0;
  const min = policy.minHundredths / 100;
  const max = policy.maxHundredths / 100;
  for (let i = 0; i < n; i++) {
    const b = ballotRows[i]!;
    const row = rowNumbers[i]!;
    const cadreId = cellText(b.cadreId);
    const ballotId = cellText(b.ballotId);
    let ok = true;
    if (duplicateKeys.size > 0) {
      const dup = duplicateKeys.get(`${ballotId}\u0000${cadreId}`);
      if (dup) {
        report(sheets.ballots, row, "ballotId", "duplicate", ballotId, { other: dup.filter((r) => r !== row).join(", ") });
        const ci = cadreIndex.get(cadreId);
        if (ci !== undefined) cadres[ci]!.provisional = true;
        ok = false;
      }
    }
    if (!ballotId) {
      report(sheets.ballots, row, "ballotId", "missing_field", b.ballotId);
      ok = false;
    }
    const ci = cadreIndex.get(cadreId);
    if (ci === undefined) {
      report(sheets.ballots, row, "cadreId", "unknown_cadre", b.cadreId);
      ok = false;
    }
    const gi = policy.groupIndex.get(cellText(b.raterGroup));
    if (gi === undefined) {
      report(sheets.ballots, row, "raterGroup", "unknown_group", b.raterGroup);
      ok = false;
    }
    for (let d = 0; d < 5; d++) {
      const field = DIMENSIONS[d]!;
      const value = b[field];
      const parsed = parseScoreCell(value, policy);
      if (parsed.ok) scores[count * 5 + d] = parsed.hundredths;
      else {
        report(sheets.ballots, row, field, parsed.code, value, { min, max });
        ok = false;
      }
    }
    const v = parseVoteCell(b.gradeVote);
    if (v < 0) {
      report(sheets.ballots, row, "gradeVote", "invalid_vote", b.gradeVote);
      ok = false;
    }
    if (!ok) continue;
    cadre[count] = ci!;
    group[count] = gi!;
    vote[count] = v;
    count++;
  }
  return { cadres, ballots: { count, cadre, group, scores, vote }, issues };
}
