/**
 * The assessment workbook's two tables (spec section 2) -> the engine's input rows. One reader for the
 * add-in, the CLI and the functions, so a workbook gives one answer everywhere.
 */
import type { CadreRow } from "../schemas/input.ts";
import type { BallotColumns } from "../engine/ballot-columns.ts";
import { CADRE_TABLE_FIELDS, MEETING_COUNTS } from "./assessment-fields.ts";
import { readBallotTable, type BallotTable } from "./ballot-table.ts";
import type { Bilingual } from "../vocabulary.ts";
import { TableError } from "./errors.ts";
import { foldLabel } from "./han.ts";
import { dataRows, locateHeader, type HeaderMap } from "./headers.ts";
import { cellAsText, isBlankCell, type RawCell, type RawTable } from "./raw.ts";

export {
  ASSESSMENT_SHEETS,
  GRADE_VOTE_ALIASES,
  MEETING_COUNTS,
  CADRE_TABLE_FIELDS,
  BALLOT_TABLE_FIELDS,
  type MeetingCount,
} from "./assessment-fields.ts";

export interface AssessmentTables {
  cadres: CadreRow[];
  /** The ballot rows in columns (the engine's input form; `ballotRowAt` gives one back as a row). */
  ballots: BallotColumns;
  /** The sheet (or file) names, for issue locations. */
  sheets: { cadres: string; ballots: string };
  /** Columns whose header names no known field: not read, and the caller tells the user so. */
  ignoredColumns: { sheet: string; header: string }[];
  /** Whether the ballot form has a grade-vote column (spec section 2: a fact about the form). */
  voteColumn: boolean;
  /** The ballot table's headers as written, for the no_vote_column message. */
  ballotHeaders: string[];
  /** Where each header sits: sheet row and field -> 0-based column, for marking cells. */
  headerRows: { cadres: HeaderMap; ballots: HeaderMap };
}

const text = (c: RawCell): string => cellAsText(c);
const id = (c: RawCell): string | number => (typeof c === "number" ? c : text(c));
const YES = new Set(["是", "有", "true", "yes", "y", "1"]);
const NO = new Set(["否", "无", "false", "no", "n", "0"]);

function parseFlag(value: RawCell): boolean | undefined | null {
  if (isBlankCell(value)) return undefined;
  if (typeof value === "boolean") return value;
  const t = foldLabel(text(value));
  return YES.has(t) ? true : NO.has(t) ? false : null;
}

function parseCount(value: RawCell): number | undefined | null {
  if (isBlankCell(value)) return undefined;
  const t = typeof value === "number" ? value : text(value).normalize("NFKC").trim();
  const n = typeof t === "number" ? t : /^\d+$/.test(t) ? Number(t) : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** Turns the two raw tables into the engine's rows; optional cadre columns are checked here. */
export function readAssessmentTables(
  cadreTable: RawTable,
  ballotTable: RawTable | BallotTable,
  firstColumns = { cadres: 0, ballots: 0 },
): AssessmentTables {
  const ch = locateHeader(cadreTable, CADRE_TABLE_FIELDS, firstColumns.cadres);
  const bt = "ballots" in ballotTable ? ballotTable : readBallotTable(ballotTable, firstColumns.ballots);
  const bh = bt.header;
  const problems: Bilingual[] = [];
  const cell = (h: HeaderMap, cells: readonly RawCell[], key: string): RawCell => {
    const col = h.columns.get(key);
    return col === undefined ? undefined : cells[col];
  };
  const field = (key: string) => CADRE_TABLE_FIELDS.find((f) => f.key === key)!;
  const bad = (row: number, key: string, value: RawCell, rule: Bilingual) => {
    const label = field(key).aliases[0];
    problems.push({
      "zh-CN": `「${cadreTable.sheet}」第 ${row} 行「${label}」(${key})：「${text(value)}」无效，${rule["zh-CN"]}`,
      en: `${cadreTable.sheet} row ${row}, ${key} (${label}): "${text(value)}" is not valid; it ${rule.en}`,
    });
  };

  const cadres: CadreRow[] = dataRows(cadreTable, ch).map(({ row, cells }) => {
    const get = (key: string) => cell(ch, cells, key);
    const out: CadreRow = {
      row,
      cadreId: id(get("cadreId")),
      name: text(get("name")),
      unit: text(get("unit")),
      post: text(get("post")),
    };
    const flag = parseFlag(get("disciplinary"));
    if (flag === null)
      bad(row, "disciplinary", get("disciplinary"), {
        "zh-CN": "须为 是/否、true/false 或 1/0",
        en: "must be 是/否, true/false or 1/0",
      });
    else if (flag !== undefined) out.disciplinary = flag;
    for (const key of MEETING_COUNTS) {
      const n = parseCount(get(key));
      if (n === null) bad(row, key, get(key), { "zh-CN": "须为非负整数", en: "must be a whole number, 0 or more" });
      else if (n !== undefined) out[key] = n;
    }
    return out;
  });

  if (problems.length > 0)
    throw new TableError(
      "invalid_cell",
      {
        "zh-CN": `「${cadreTable.sheet}」有 ${problems.length} 个单元格无法读取，请改正后再计分`,
        en: `${cadreTable.sheet}: ${problems.length} cell(s) could not be read; correct them and score again`,
      },
      problems,
      { sheet: cadreTable.sheet },
    );

  return {
    cadres,
    ballots: bt.ballots,
    sheets: { cadres: cadreTable.sheet, ballots: bt.sheet },
    ignoredColumns: [
      ...ch.ignored.map((header) => ({ sheet: cadreTable.sheet, header })),
      ...bh.ignored.map((header) => ({ sheet: bt.sheet, header })),
    ],
    voteColumn: bt.ballots.gradeVote !== null,
    ballotHeaders: bh.headers,
    headerRows: { cadres: ch, ballots: bh },
  };
}
