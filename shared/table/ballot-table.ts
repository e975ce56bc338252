/**
 * The ballot table read row by row into columns: the header is found among the first rows (as for any
 * table), then each data row goes straight into the columns, so a million rows never exist as objects.
 * CSV streams through it line by line; a sheet's rows go through it the same way, so both read alike.
 */
import { BallotColumnsBuilder, type BallotCell, type BallotColumns } from "../engine/ballot-columns.ts";
import { BALLOT_TABLE_FIELDS } from "./assessment-fields.ts";
import { HEADER_SCAN_ROWS, locateHeader, type HeaderMap } from "./headers.ts";
import { cellAsText, isBlankCell, type RawCell, type RawRow, type RawTable } from "./raw.ts";

const PLAIN_DECIMAL = /^\s*[+-]?\d+(?:\.\d{1,2})?\s*$/;

const idCell = (c: RawCell): BallotCell => (typeof c === "number" ? c : cellAsText(c));
const textCell = (c: RawCell): BallotCell => cellAsText(c);
/**
 * Score and vote cells go to the engine as they are, so it can report what was wrong with them;
 * a plain number typed as text (every CSV cell) becomes that number, so CSV and xlsx read alike.
 */
const scoreCell = (c: RawCell): BallotCell =>
  isBlankCell(c)
    ? null
    : typeof c === "number"
      ? c
      : typeof c === "string" && PLAIN_DECIMAL.test(c)
        ? Number(c)
        : cellAsText(c);

export interface BallotTable {
  sheet: string;
  ballots: BallotColumns;
  header: HeaderMap;
}

export class BallotTableReader {
  private readonly head: RawRow[] = [];
  private header: HeaderMap | undefined;
  private builder: BallotColumnsBuilder | undefined;
  /** Columns of ballotId, raterGroup, cadreId, the five scores and the vote (-1: no vote column). */
  private at: Int32Array = new Int32Array(9);

  constructor(
    readonly sheet: string,
    private readonly firstColumn = 0,
  ) {}

  /** One sheet row (or CSV line), in order. A wholly blank row is layout, not data. */
  add(row: number, cells: readonly RawCell[]): void {
    if (this.builder) return this.push(row, cells);
    this.head.push({ row, cells });
    // One row more than the scan: a two-row header is told apart by the row under the header.
    if (this.head.length > HEADER_SCAN_ROWS) this.locate();
  }

  finish(): BallotTable {
    if (!this.builder) this.locate();
    return { sheet: this.sheet, ballots: this.builder!.build(), header: this.header! };
  }

  private locate(): void {
    const header = locateHeader({ sheet: this.sheet, rows: this.head }, BALLOT_TABLE_FIELDS, this.firstColumn);
    this.header = header;
    // BALLOT_TABLE_FIELDS lists the columns in BallotRow order: ids, the five scores, then the vote.
    this.at = Int32Array.from(BALLOT_TABLE_FIELDS, (f) => header.columns.get(f.key) ?? -1);
    this.builder = new BallotColumnsBuilder(this.at[8]! >= 0, { id: idCell, text: textCell, score: scoreCell });
    for (const r of this.head.slice(header.index + 1)) this.push(r.row, r.cells);
    this.head.length = 0;
  }

  private push(row: number, cells: readonly RawCell[]): void {
    if (cells.every(isBlankCell)) return;
    const a = this.at;
    const vote = a[8]!;
    this.builder!.add(
      row,
      cells[a[0]!],
      cells[a[1]!],
      cells[a[2]!],
      cells[a[3]!],
      cells[a[4]!],
      cells[a[5]!],
      cells[a[6]!],
      cells[a[7]!],
      vote >= 0 ? cells[vote] : undefined,
    );
  }
}

/** A whole sheet's rows through the same reader. */
export function readBallotTable(table: RawTable, firstColumn = 0): BallotTable {
  const reader = new BallotTableReader(table.sheet, firstColumn);
  for (const r of table.rows) reader.add(r.row, r.cells);
  return reader.finish();
}
