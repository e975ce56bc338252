/** The issues sheet: every problem found in the input, with the ballot number and name, wrapped to print. */
import { ballotRowAt, isBallotColumns, type InputTables } from "../engine/ballot-columns.ts";
import type { BallotRow } from "../schemas/input.ts";
import type { AssessmentResult } from "../schemas/result.ts";
import { DIMENSION_LABELS, type Dimension } from "../vocabulary.ts";
import {
  MARGINS,
  PAGE_FOOTER,
  type ModelCell,
  type ModelColumn,
  type ModelRow,
  type SheetModel,
} from "./sheet-model.ts";
import { both, FONT_SIZE, HEADER_FILL } from "./results-table.ts";

/** The input's fields in the user's words (a field the sheet has no label for stays blank, never a key). */
const FIELD_LABELS: Record<string, string> = {
  cadreId: "编号 Cadre ID",
  name: "姓名 Name",
  unit: "单位 Unit",
  post: "岗位类别 Post",
  ballotId: "票号 Ballot no.",
  raterGroup: "测评主体 Rater group",
  gradeVote: "等次 Grade vote",
  disciplinary: "违纪记录 Disciplinary record",
  attendees: "实到 Attendees",
  expected: "应到 Expected",
  ...Object.fromEntries(Object.entries(DIMENSION_LABELS).map(([d, l]) => [d as Dimension, both(l)])),
};

export const ISSUE_HEADERS = [
  "工作表 Sheet",
  "行 Row",
  "票号 Ballot no.",
  "姓名 Name",
  "字段 Field",
  "值 Value",
  "说明 Message",
] as const;

const isBallotSheet = (sheet: string) => /票|ballot/i.test(sheet);

/** Issues rows; with the input at hand, the ballot number and the cadre's name of the row named. */
export function issuesSheet(result: AssessmentResult, name: string, input?: InputTables): SheetModel {
  const columns: ModelColumn[] = [11, 5, 9, 9, 13, 11, 50].map((width, i) => ({ width, center: i === 1 || undefined }));
  const names = new Map(result.cadres.map((c) => [c.cadreId, c.name]));
  for (const c of input?.cadres ?? [])
    if (!names.has(String(c.cadreId).trim())) names.set(String(c.cadreId).trim(), c.name);
  const ballotAt = new Map(input?.ballots ? issueBallotRows(result, input.ballots) : []);
  const cadreAt = new Map((input?.cadres ?? []).map((c, i) => [c.row ?? i + 2, c]));
  const rows: ModelRow[] = [
    {
      cells: [...ISSUE_HEADERS],
      bold: true,
      fill: HEADER_FILL,
      wrap: true,
    },
  ];
  for (const issue of result.issues) {
    let ballotNo = "";
    let who = "";
    if (isBallotSheet(issue.sheet)) {
      const b = ballotAt.get(issue.row);
      if (b) {
        ballotNo = String(b.ballotId);
        who = names.get(String(b.cadreId).trim()) ?? "";
      }
    } else {
      who = cadreAt.get(issue.row)?.name ?? "";
    }
    const cells: ModelCell[] = [
      issue.sheet,
      issue.row,
      ballotNo,
      who,
      FIELD_LABELS[issue.field] ?? "",
      issue.value === null || issue.value === undefined ? "" : String(issue.value),
      `${issue.message["zh-CN"]}\n${issue.message.en}`,
    ];
    rows.push({ cells, wrap: true });
  }
  return {
    name,
    columns,
    rows,
    headerRow: 0,
    freeze: { rows: 1, cols: 0 },
    fontSize: FONT_SIZE,
    print: { orientation: "landscape", paper: "A4", titleRows: [1, 1], margins: MARGINS, footer: PAGE_FOOTER },
  };
}

/** Only the ballot rows an issue names, by sheet row: a million-row table is not turned back into objects. */
function issueBallotRows(result: AssessmentResult, ballots: NonNullable<InputTables["ballots"]>) {
  const wanted = new Set(result.issues.filter((i) => isBallotSheet(i.sheet)).map((i) => i.row));
  if (!isBallotColumns(ballots)) return ballots.map((b, i) => [b.row ?? i + 2, b] as const);
  const found: (readonly [number, BallotRow])[] = [];
  for (let i = 0; i < ballots.count; i++)
    if (wanted.has(ballots.rows[i]!)) found.push([ballots.rows[i]!, ballotRowAt(ballots, i)]);
  return found;
}
