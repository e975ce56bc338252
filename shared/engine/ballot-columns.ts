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
  /** count x 5 codes into `scoreValues`, in DIMENSIONS order. */
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
  constructor(private readonly convert: CellConversion) {}
  code(raw: unknown): number {
    let code = this.seen.get(raw);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(this.convert(raw as never));
      this.seen.set(raw, code);
    }
    return code;
  }
}

class GrowingCodes {
  array: Int32Array;
  constructor(capacity: number) {
    this.array = new Int32Array(Math.max(capacity, 16));
  }
  ensure(length: number): void {
    if (length <= this.array.length) return;
    const bigger = new Int32Array(Math.max(length, this.array.length * 2));
    bigger.set(this.array);
    this.array = bigger;
  }
}

/** Appends ballot rows without keeping any per-row object; `build()` hands the columns over. */
export class BallotColumnsBuilder {
  private count = 0;
  private readonly rows: GrowingCodes;
  private readonly ids: GrowingCodes;
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
    this.ids = new GrowingCodes(capacity * 4);
    this.scores = new GrowingCodes(capacity * 5);
    this.ballotId = new Dictionary(convert.id ?? asIs);
    this.raterGroup = new Dictionary(convert.text ?? asIs);
    this.cadreId = new Dictionary(convert.id ?? asIs);
    this.score = new Dictionary(convert.score ?? asIs);
    this.vote = withVotes ? new Dictionary(convert.score ?? asIs) : null;
  }

  get length(): number {
    return this.count;
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
    this.rows.ensure(i + 1);
    this.ids.ensure(i * 4 + 4);
    this.scores.ensure(i * 5 + 5);
    this.rows.array[i] = row;
    // Ids interleaved (ballot, group, cadre, vote) in one array: one growth step for four columns.
    const ids = this.ids.array;
    ids[i * 4] = this.ballotId.code(ballotId);
    ids[i * 4 + 1] = this.raterGroup.code(raterGroup);
    ids[i * 4 + 2] = this.cadreId.code(cadreId);
    ids[i * 4 + 3] = this.vote ? this.vote.code(gradeVote) : 0;
    const s = this.scores.array;
    const o = i * 5;
    s[o] = this.score.code(morality);
    s[o + 1] = this.score.code(ability);
    s[o + 2] = this.score.code(diligence);
    s[o + 3] = this.score.code(achievement);
    s[o + 4] = this.score.code(integrity);
  }

  build(): BallotColumns {
    const n = this.count;
    const ids = this.ids.array;
    const column = (dict: Dictionary, k: number): CellColumn => {
      const codes = new Int32Array(n);
      for (let i = 0; i < n; i++) codes[i] = ids[i * 4 + k]!;
      return { codes, values: dict.values };
    };
    return {
      count: n,
      rows: this.rows.array.slice(0, n),
      ballotId: column(this.ballotId, 0),
      raterGroup: column(this.raterGroup, 1),
      cadreId: column(this.cadreId, 2),
      scoreCodes: this.scores.array.slice(0, n * 5),
      scoreValues: this.score.values,
      gradeVote: this.vote ? column(this.vote, 3) : null,
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
  const score = (d: number) => b.scoreValues[b.scoreCodes[i * 5 + d]!] ?? null;
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
