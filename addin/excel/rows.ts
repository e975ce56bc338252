/** Sheet values -> input rows, each carrying its real sheet row number. Pure. */
import type { BallotRow, CadreRow } from "../../shared/index.ts";
import { DIMENSIONS } from "../../shared/index.ts";
import {
  BALLOT_HEADERS,
  CADRE_HEADERS,
  REQUIRED_BALLOT,
  REQUIRED_CADRE,
  bilingualHeader,
  findHeaderRow,
  matchHeaderRow,
  type FieldLabels,
} from "./headers.ts";
import { missingColumns } from "./errors.ts";

/** A block of sheet values and where it sits: `rowIndex` is the 0-based sheet row of values[0]. */
export interface SheetBlock {
  sheet: string;
  rowIndex: number;
  /** 0-based sheet column of values[r][0]. */
  columnIndex: number;
  values: unknown[][];
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
/** Excel hands empty cells as ""; the engine reads null as "missing". */
const cell = (v: unknown): string | number | null => (blank(v) ? null : typeof v === "number" ? v : String(v));
const text = (v: unknown): string => (blank(v) ? "" : String(v));
const id = (v: unknown): string | number => (typeof v === "number" ? v : text(v));

function locate(block: SheetBlock, labels: FieldLabels, required: readonly string[]) {
  const headerAt = findHeaderRow(block.values, labels, required);
  const columns = headerAt >= 0 ? matchHeaderRow(block.values[headerAt]!, labels) : new Map<string, number>();
  const missing = required.filter((k) => !columns.has(k));
  if (missing.length)
    throw missingColumns(
      block.sheet,
      missing.map((k) => bilingualHeader(k, labels)),
    );
  return { headerAt, columns };
}

function* dataRows(block: SheetBlock, headerAt: number) {
  for (let r = headerAt + 1; r < block.values.length; r++) {
    const values = block.values[r]!;
    // A wholly empty row is not a record; any other row is kept so the engine can report it.
    if (values.every(blank)) continue;
    yield { values, row: block.rowIndex + r + 1 };
  }
}

export function cadreRows(block: SheetBlock): CadreRow[] {
  const { headerAt, columns } = locate(block, CADRE_HEADERS, REQUIRED_CADRE);
  const at = (values: unknown[], key: string) => (columns.has(key) ? values[columns.get(key)!] : undefined);
  const out: CadreRow[] = [];
  for (const { values, row } of dataRows(block, headerAt)) {
    out.push({
      cadreId: id(at(values, "cadreId")),
      name: text(at(values, "name")),
      unit: text(at(values, "unit")),
      post: text(at(values, "post")),
      row,
    });
  }
  return out;
}

export function ballotRows(block: SheetBlock): BallotRow[] {
  const { headerAt, columns } = locate(block, BALLOT_HEADERS, REQUIRED_BALLOT);
  const at = (values: unknown[], key: string) => (columns.has(key) ? values[columns.get(key)!] : undefined);
  const out: BallotRow[] = [];
  for (const { values, row } of dataRows(block, headerAt)) {
    const r: BallotRow = {
      ballotId: id(at(values, "ballotId")),
      raterGroup: text(at(values, "raterGroup")),
      cadreId: id(at(values, "cadreId")),
      gradeVote: cell(at(values, "gradeVote")),
      row,
    };
    for (const d of DIMENSIONS) r[d] = cell(at(values, d));
    out.push(r);
  }
  return out;
}

/** Column (0-based, sheet coordinates) of a field on a sheet, for marking and selecting cells. */
export function fieldColumns(block: SheetBlock): Map<string, number> {
  for (const labels of [BALLOT_HEADERS, CADRE_HEADERS]) {
    const headerAt = findHeaderRow(block.values, labels, labels === BALLOT_HEADERS ? REQUIRED_BALLOT : REQUIRED_CADRE);
    if (headerAt >= 0) {
      const cols = matchHeaderRow(block.values[headerAt]!, labels);
      return new Map([...cols].map(([k, c]) => [k, c + block.columnIndex]));
    }
  }
  return new Map();
}
