import type { BallotRow, CadreRow } from "../shared/index.ts";
import { InputError } from "./errors.ts";
import { BALLOT_COLUMNS, CADRE_COLUMNS, mapHeaders, type FieldSpec } from "./headers.ts";

/** A cell after reading: numbers stay numbers, text stays text, empty is undefined. */
export type Cell = string | number | boolean | undefined;

/** A table as read from a sheet or a CSV file: header row 1, data rows with their own row numbers. */
export interface RawTable {
  sheet: string;
  headers: (string | undefined)[];
  rows: { row: number; cells: Cell[] }[];
}

export interface ReadInput {
  cadres: CadreRow[];
  ballots: BallotRow[];
  /** The sheet (or file) names, for issue locations. */
  sheets: { cadres: string; ballots: string };
  /** Columns whose header names no known field: not read, and the caller tells the user so. */
  ignoredColumns: { sheet: string; header: string }[];
}

const isEmpty = (c: Cell) => c === undefined || (typeof c === "string" && c.trim() === "");

/** Text fields: what the user typed, as text; numbers become their shortest text. */
const text = (c: Cell): string => (c === undefined ? "" : typeof c === "boolean" ? (c ? "TRUE" : "FALSE") : String(c));
const id = (c: Cell): string | number => (typeof c === "number" ? c : text(c));
const PLAIN_DECIMAL = /^\s*[+-]?\d+(?:\.\d{1,2})?\s*$/;
/**
 * Score and vote cells go to the engine as they are, so it can report what was wrong with them;
 * a plain number typed as text (every CSV cell) becomes that number, so CSV and xlsx read alike.
 */
const scoreCell = (c: Cell): string | number | undefined =>
  typeof c === "boolean" ? text(c) : typeof c === "string" && PLAIN_DECIMAL.test(c) ? Number(c) : c;

const YES = new Set(["是", "有", "true", "yes", "y", "1"]);
const NO = new Set(["否", "无", "false", "no", "n", "0"]);

interface CellProblem {
  row: number;
  field: FieldSpec;
  value: Cell;
  rule: { "zh-CN": string; en: string };
}

function readTable(table: RawTable, fields: readonly FieldSpec[]) {
  const { columns, ignored } = mapHeaders(table.sheet, table.headers, fields);
  const records: { row: number; get: (key: string) => Cell }[] = [];
  for (const { row, cells } of table.rows) {
    if (cells.every(isEmpty)) continue; // fully empty rows are layout, not data
    const get = (key: string): Cell => {
      const col = columns.get(key);
      const value = col === undefined ? undefined : cells[col - 1];
      return isEmpty(value) ? undefined : value;
    };
    records.push({ row, get });
  }
  return { records, ignored: ignored.map((header) => ({ sheet: table.sheet, header })) };
}

function parseFlag(value: Cell): boolean | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value === "boolean") return value;
  const t = String(value).normalize("NFKC").trim().toLowerCase();
  return YES.has(t) ? true : NO.has(t) ? false : null;
}

function parseCount(value: Cell): number | undefined | null {
  if (value === undefined) return undefined;
  const n =
    typeof value === "number"
      ? value
      : /^\s*\d+\s*$/.test(String(value).normalize("NFKC"))
        ? Number(String(value).normalize("NFKC"))
        : NaN;
  return Number.isInteger(n) && n >= 0 ? n : null;
}

const field = (key: string) => CADRE_COLUMNS.find((f) => f.key === key)!;

/** Turns the two raw tables into the engine's rows; optional cadre columns are checked here. */
export function toAssessmentInput(cadreTable: RawTable, ballotTable: RawTable): ReadInput {
  const problems: CellProblem[] = [];
  const c = readTable(cadreTable, CADRE_COLUMNS);
  const b = readTable(ballotTable, BALLOT_COLUMNS);

  const cadres: CadreRow[] = c.records.map(({ row, get }) => {
    const out: CadreRow = {
      row,
      cadreId: id(get("cadreId")),
      name: text(get("name")),
      unit: text(get("unit")),
      post: text(get("post")),
    };
    const flag = parseFlag(get("disciplinary"));
    if (flag === null)
      problems.push({
        row,
        field: field("disciplinary"),
        value: get("disciplinary"),
        rule: { "zh-CN": "须为 是/否、true/false 或 1/0", en: "must be 是/否, true/false or 1/0" },
      });
    else if (flag !== undefined) out.disciplinary = flag;
    for (const key of ["attendees", "expected"] as const) {
      const n = parseCount(get(key));
      if (n === null)
        problems.push({
          row,
          field: field(key),
          value: get(key),
          rule: { "zh-CN": "须为非负整数", en: "must be a whole number, 0 or more" },
        });
      else if (n !== undefined) out[key] = n;
    }
    return out;
  });

  if (problems.length > 0) {
    const sheet = cadreTable.sheet;
    const details = problems.map((p) => ({
      "zh-CN": `「${sheet}」第 ${p.row} 行「${p.field.label}」(${p.field.key})：「${text(p.value)}」无效，${p.rule["zh-CN"]}`,
      en: `${sheet} row ${p.row}, ${p.field.key} (${p.field.label}): "${text(p.value)}" is not valid; it ${p.rule.en}`,
    }));
    throw new InputError(
      "invalid_cell",
      {
        "zh-CN": `「${sheet}」有 ${problems.length} 个单元格无法读取`,
        en: `${sheet}: ${problems.length} cell(s) could not be read`,
      },
      details,
    );
  }

  const ballots: BallotRow[] = b.records.map(({ row, get }) => ({
    row,
    ballotId: id(get("ballotId")),
    raterGroup: text(get("raterGroup")),
    cadreId: id(get("cadreId")),
    morality: scoreCell(get("morality")),
    ability: scoreCell(get("ability")),
    diligence: scoreCell(get("diligence")),
    achievement: scoreCell(get("achievement")),
    integrity: scoreCell(get("integrity")),
    gradeVote: scoreCell(get("gradeVote")),
  }));

  return {
    cadres,
    ballots,
    sheets: { cadres: cadreTable.sheet, ballots: ballotTable.sheet },
    ignoredColumns: [...c.ignored, ...b.ignored],
  };
}
