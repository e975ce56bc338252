/**
 * The assessment workbook's two tables (spec section 2) -> the engine's input rows. One reader for the
 * add-in, the CLI and the functions, so a workbook gives one answer everywhere.
 */
import type { BallotRow, CadreRow } from "../schemas/input.ts";
import type { Bilingual } from "../vocabulary.ts";
import { TableError } from "./errors.ts";
import { foldLabel } from "./han.ts";
import { dataRows, fieldName, locateHeader, type FieldSpec, type HeaderMap } from "./headers.ts";
import { cellAsText, isBlankCell, type RawCell, type RawTable } from "./raw.ts";

/** Sheet names of spec section 2, Chinese first (the template's own). */
export const ASSESSMENT_SHEETS = {
  cadres: ["干部名单", "Cadres"],
  ballots: ["测评票", "Ballots"],
} as const;

/** The grade-vote column's names (spec section 2): 等次 and the headers forms use for it. */
export const GRADE_VOTE_ALIASES = ["等次", "测评等次", "评定等次", "等级", "总体评价"] as const;

export const MEETING_COUNTS = ["attendees", "expected", "issued", "returned"] as const;
export type MeetingCount = (typeof MEETING_COUNTS)[number];

export const CADRE_TABLE_FIELDS: readonly FieldSpec[] = [
  { key: "cadreId", aliases: ["编号"], required: true },
  { key: "name", aliases: ["姓名"], required: true },
  { key: "unit", aliases: ["单位"] },
  { key: "post", aliases: ["岗位类别"], required: true },
  { key: "disciplinary", aliases: ["违纪记录"] },
  { key: "attendees", aliases: ["实到"] },
  { key: "expected", aliases: ["应到"] },
  { key: "issued", aliases: ["发出"] },
  { key: "returned", aliases: ["收回"] },
];

export const BALLOT_TABLE_FIELDS: readonly FieldSpec[] = [
  { key: "ballotId", aliases: ["票号"], required: true },
  { key: "raterGroup", aliases: ["测评主体"], required: true },
  { key: "cadreId", aliases: ["编号"], required: true },
  { key: "morality", aliases: ["德"], required: true },
  { key: "ability", aliases: ["能"], required: true },
  { key: "diligence", aliases: ["勤"], required: true },
  { key: "achievement", aliases: ["绩"], required: true },
  { key: "integrity", aliases: ["廉"], required: true },
  { key: "gradeVote", aliases: GRADE_VOTE_ALIASES },
];

export interface AssessmentTables {
  cadres: CadreRow[];
  ballots: BallotRow[];
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
const PLAIN_DECIMAL = /^\s*[+-]?\d+(?:\.\d{1,2})?\s*$/;
/**
 * Score and vote cells go to the engine as they are, so it can report what was wrong with them;
 * a plain number typed as text (every CSV cell) becomes that number, so CSV and xlsx read alike.
 */
const scoreCell = (c: RawCell): string | number | null =>
  isBlankCell(c)
    ? null
    : typeof c === "number"
      ? c
      : typeof c === "string" && PLAIN_DECIMAL.test(c)
        ? Number(c)
        : text(c);

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
  ballotTable: RawTable,
  firstColumns = { cadres: 0, ballots: 0 },
): AssessmentTables {
  const ch = locateHeader(cadreTable, CADRE_TABLE_FIELDS, firstColumns.cadres);
  const bh = locateHeader(ballotTable, BALLOT_TABLE_FIELDS, firstColumns.ballots);
  const problems: Bilingual[] = [];
  const cell = (h: HeaderMap, cells: readonly RawCell[], key: string): RawCell => {
    const col = h.columns.get(key);
    return col === undefined ? undefined : cells[col];
  };
  const field = (key: string) => CADRE_TABLE_FIELDS.find((f) => f.key === key)!;
  const bad = (row: number, key: string, value: RawCell, rule: Bilingual) => {
    const n = fieldName(field(key));
    problems.push({
      "zh-CN": `「${cadreTable.sheet}」第 ${row} 行 ${n["zh-CN"]}：「${text(value)}」无效，${rule["zh-CN"]}`,
      en: `${cadreTable.sheet} row ${row}, ${n.en}: "${text(value)}" is not valid; it ${rule.en}`,
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

  const voteColumn = bh.columns.has("gradeVote");
  const ballots: BallotRow[] = dataRows(ballotTable, bh).map(({ row, cells }) => {
    const get = (key: string) => cell(bh, cells, key);
    const out: BallotRow = {
      row,
      ballotId: id(get("ballotId")),
      raterGroup: text(get("raterGroup")),
      cadreId: id(get("cadreId")),
      morality: scoreCell(get("morality")),
      ability: scoreCell(get("ability")),
      diligence: scoreCell(get("diligence")),
      achievement: scoreCell(get("achievement")),
      integrity: scoreCell(get("integrity")),
    };
    // Present (null when blank) only when the form has the column: the engine tells "abstained" from "not asked".
    if (voteColumn) out.gradeVote = scoreCell(get("gradeVote"));
    return out;
  });

  return {
    cadres,
    ballots,
    sheets: { cadres: cadreTable.sheet, ballots: ballotTable.sheet },
    ignoredColumns: [
      ...ch.ignored.map((header) => ({ sheet: cadreTable.sheet, header })),
      ...bh.ignored.map((header) => ({ sheet: ballotTable.sheet, header })),
    ],
    voteColumn,
    ballotHeaders: bh.headers,
    headerRows: { cadres: ch, ballots: bh },
  };
}
