/**
 * The ballot table in columns: every cell is a small integer code into its column's distinct values.
 * A million ballot rows hold a few hundred distinct scores, a few rater groups and one id per cadre, so
 * the table costs a few bytes per cell, and validation parses each distinct value once, not once per row.
 */
import type { BallotRow, CadreRow } from "../schemas/input.ts";

export type BallotCell = string | number | null | undefined;

/** One column: a code per row, and the distinct cell values in the order first seen. */
export interface CellColumn {
  readonly codes: Int32Array;
  readonly values: readonly BallotCell[];
}

export interface BallotColumns {
  readonly count: number;
  /** The sheet row of each ballot row (the line number for CSV). */
  readonly rows: Int32Array;
  readonly ballotId: CellColumn;
  readonly raterGroup: CellColumn;
  readonly cadreId: CellColumn;
  /**
   * count x 5 score codes, in DIMENSIONS order: a code >= 0 indexes `scoreValues`; a code < 0 is the number
   * (-code - 1) / 100 itself (a score typed as a number with at most two decimals: most cells, no lookup).
   */
  readonly scoreCodes: Int32Array;
  readonly scoreValues: readonly BallotCell[];
  /** null: the ballot form has no grade-vote column (spec section 2). */
  readonly gradeVote: CellColumn | null;
}

/** How a raw cell becomes the value the engine reads; applied once per distinct cell. */
export type CellConversion = (raw: never) => BallotCell;
const asIs: CellConversion = (raw) => raw;

/** Distinct values of one column, keyed by the raw cell, converted once when first seen. */
class Dictionary {
  private readonly seen = new Map<unknown, number>();
  readonly values: BallotCell[] = [];
  // Tables come sorted by cadre or by group more often than not: the same cell as the row above needs no lookup.
  private lastRaw: unknown = {};
  private lastCode = -1;
  constructor(private readonly convert: CellConversion) {}
  code(raw: unknown): number {
    if (raw === this.lastRaw) return this.lastCode;
    let code = this.seen.get(raw);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(this.convert(raw as never));
      this.seen.set(raw, code);
    }
    this.lastRaw = raw;
    this.lastCode = code;
    return code;
  }
}

class GrowingCodes {
  array: Int32Array;
  constructor(capacity: number) {
    this.array = new Int32Array(Math.max(capacity, 16));
  }
  ensure(length: number): Int32Array {
    if (length > this.array.length) {
      const bigger = new Int32Array(Math.max(length, this.array.length * 2));
      bigger.set(this.array);
      this.array = bigger;
    }
    return this.array;
  }
}

/** Up to here a score's hundredths fit a negative code (see BallotColumns.scoreCodes). */
const DIRECT_MAX_HUNDREDTHS = 1 << 30;

/** The score code of a number that is exactly some hundredths, or undefined (then it goes to the dictionary). */
function directScoreCode(value: unknown): number | undefined {
  if (typeof value !== "number" || !(value >= 0)) return undefined;
  const h = Math.round(value * 100);
  return h < DIRECT_MAX_HUNDREDTHS && h / 100 === value ? -h - 1 : undefined;
}

/** What a score code stands for: its dictionary value, or the number it encodes. */
export const scoreValueOf = (b: BallotColumns, code: number): BallotCell =>
  code < 0 ? (-code - 1) / 100 : b.scoreValues[code];

/** Appends ballot rows without keeping any per-row object; `build()` hands the columns over. */
export class BallotColumnsBuilder {
  private count = 0;
  private readonly rows: GrowingCodes;
  private readonly ballotIds: GrowingCodes;
  private readonly groups: GrowingCodes;
  private readonly cadreIds: GrowingCodes;
  private readonly votes: GrowingCodes;
  private readonly scores: GrowingCodes;
  private readonly ballotId: Dictionary;
  private readonly raterGroup: Dictionary;
  private readonly cadreId: Dictionary;
  private readonly score: Dictionary;
  private readonly vote: Dictionary | null;

  constructor(
    withVotes: boolean,
    convert: { id?: CellConversion; text?: CellConversion; score?: CellConversion } = {},
    capacity = 1024,
  ) {
    this.rows = new GrowingCodes(capacity);
    this.ballotIds = new GrowingCodes(capacity);
    this.groups = new GrowingCodes(capacity);
    this.cadreIds = new GrowingCodes(capacity);
    this.votes = new GrowingCodes(withVotes ? capacity : 0);
    this.scores = new GrowingCodes(capacity * 5);
    this.ballotId = new Dictionary(convert.id ?? asIs);
    this.raterGroup = new Dictionary(convert.text ?? asIs);
    this.cadreId = new Dictionary(convert.id ?? asIs);
    this.score = new Dictionary(convert.score ?? asIs);
    this.vote = withVotes ? new Dictionary(convert.score ?? asIs) : null;
  }

  /** One ballot row: its sheet row, then the cells in BallotRow order (scores in DIMENSIONS order). */
  add(
    row: number,
    ballotId: unknown,
    raterGroup: unknown,
    cadreId: unknown,
    morality: unknown,
    ability: unknown,
    diligence: unknown,
    achievement: unknown,
    integrity: unknown,
    gradeVote: unknown,
  ): void {
    const i = this.count++;
    this.rows.ensure(i + 1)[i] = row;
    this.ballotIds.ensure(i + 1)[i] = this.ballotId.code(ballotId);
    this.groups.ensure(i + 1)[i] = this.raterGroup.code(raterGroup);
    this.cadreIds.ensure(i + 1)[i] = this.cadreId.code(cadreId);
    if (this.vote) this.votes.ensure(i + 1)[i] = this.vote.code(gradeVote);
    const s = this.scores.ensure(i * 5 + 5);
    const o = i * 5;
    s[o] = this.scoreCode(morality);
    s[o + 1] = this.scoreCode(ability);
    s[o + 2] = this.scoreCode(diligence);
    s[o + 3] = this.scoreCode(achievement);
    s[o + 4] = this.scoreCode(integrity);
  }

  private scoreCode(value: unknown): number {
    return directScoreCode(value) ?? this.score.code(value);
  }

  /** The columns, sharing the builder's arrays (no copy): the builder is not used after this. */
  build(): BallotColumns {
    const n = this.count;
    const column = (codes: GrowingCodes, dict: Dictionary): CellColumn => ({
      codes: codes.array.subarray(0, n),
      values: dict.values,
    });
    return {
      count: n,
      rows: this.rows.array.subarray(0, n),
      ballotId: column(this.ballotIds, this.ballotId),
      raterGroup: column(this.groups, this.raterGroup),
      cadreId: column(this.cadreIds, this.cadreId),
      scoreCodes: this.scores.array.subarray(0, n * 5),
      scoreValues: this.score.values,
      gradeVote: this.vote ? column(this.votes, this.vote) : null,
    };
  }
}

/**
 * Rows as JSON gives them (the API, tests) to columns. The vote column exists when any row carries the field,
 * as the engine has always read a JSON body: a row without it is an abstention.
 */
export function ballotColumnsFromRows(rows: readonly BallotRow[], voteColumn?: boolean): BallotColumns {
  const withVotes = voteColumn ?? rows.some((b) => b.gradeVote !== undefined);
  const builder = new BallotColumnsBuilder(withVotes, {}, rows.length);
  rows.forEach((b, i) =>
    builder.add(
      b.row ?? i + 2,
      b.ballotId,
      b.raterGroup,
      b.cadreId,
      b.morality,
      b.ability,
      b.diligence,
      b.achievement,
      b.integrity,
      b.gradeVote,
    ),
  );
  return builder.build();
}

export const isBallotColumns = (b: readonly BallotRow[] | BallotColumns): b is BallotColumns => !Array.isArray(b);

/** One row back as an object, for the few places that show a single ballot (the issues sheet). */
export function ballotRowAt(b: BallotColumns, i: number): BallotRow {
  const score = (d: number) => scoreValueOf(b, b.scoreCodes[i * 5 + d]!) ?? null;
  const row: BallotRow = {
    row: b.rows[i]!,
    ballotId: b.ballotId.values[b.ballotId.codes[i]!] as string | number,
    raterGroup: String(b.raterGroup.values[b.raterGroup.codes[i]!] ?? ""),
    cadreId: b.cadreId.values[b.cadreId.codes[i]!] as string | number,
    morality: score(0),
    ability: score(1),
    diligence: score(2),
    achievement: score(3),
    integrity: score(4),
  };
  if (b.gradeVote) row.gradeVote = b.gradeVote.values[b.gradeVote.codes[i]!] ?? null;
  return row;
}

/** The table's row count, whichever form it comes in. */
export const ballotCount = (b: readonly BallotRow[] | BallotColumns): number =>
  isBallotColumns(b) ? b.count : b.length;

/** Every row back as objects: for tests and small tables, never on the scoring path. */
export const ballotRowsOf = (b: readonly BallotRow[] | BallotColumns): BallotRow[] =>
  isBallotColumns(b) ? Array.from({ length: b.count }, (_, i) => ballotRowAt(b, i)) : [...b];

/** The input tables as the reports see them: rows from JSON or the reader's columns. */
export interface InputTables {
  cadres?: readonly CadreRow[];
  ballots?: readonly BallotRow[] | BallotColumns;
}
