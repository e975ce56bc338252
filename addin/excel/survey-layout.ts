/**
 * The 评议结果 sheet's layout, pure: the shared survey table under a title, and two small blocks for
 * the charts (each shown item's answers; this year's index beside last year's). Withheld groups
 * never reach a chart block.
 */
import { surveyTable, type SurveyPolicy, type SurveyResult } from "../../shared/index.ts";

export type Cell = string | number;

export interface SurveySheetLayout {
  rows: Cell[][];
  headerRow: number;
  firstDataRow: number;
  /** 0-based rows (sheet rows - 1) that are an item's or unit's whole. */
  wholeRows: number[];
  columns: ReturnType<typeof surveyTable>["columns"];
  width: number;
  answers: { col: number; rows: Cell[][] };
  change: { col: number; row: number; rows: Cell[][] };
}

export function surveySheetLayout(result: SurveyResult, policy: SurveyPolicy): SurveySheetLayout {
  const table = surveyTable(result, policy);
  const title = `选人用人满意度评议结果${result.period ? ` ${result.period}` : ""} Survey results — ${result.policy.id} v${result.policy.version}`;
  const note =
    "答案不足 3 份的组不显示；指数为各答案分值乘以占比之和，四舍五入保留两位小数 | groups under 3 answers are withheld";
  const headerRow = 3;
  const rows: Cell[][] = [
    [title],
    [note],
    [],
    table.header.map((h) => (h["zh-CN"] === h.en ? h.en : `${h["zh-CN"]} ${h.en}`)),
    ...table.rows.map((r) => r.map((c) => (c === null ? "" : c))),
  ];
  const firstDataRow = headerRow + 1;
  const width = table.header.length;
  const [c0, c1] = table.columns.counts;
  const shown = table.wholeRows
    .map((i) => table.rows[i]!)
    .filter((r) => typeof r[table.columns.index] === "number" || typeof r[6] === "number");
  const label = (r: (typeof table.rows)[number]) => `${r[0]} ${r[2]}`;
  const answers = {
    col: width + 1,
    rows: [
      ["评议项目 Item", ...table.header.slice(c0, c1 + 1).map((h) => h["zh-CN"])],
      ...shown.map((r) => [label(r), ...r.slice(c0, c1 + 1).map((c) => (typeof c === "number" ? c : 0))]),
    ],
  };
  const compared = table.wholeRows
    .map((i) => table.rows[i]!)
    .filter((r) => typeof r[table.columns.index] === "number" && typeof r[table.columns.lastIndex] === "number");
  const change = {
    col: width + 1,
    row: headerRow + answers.rows.length + 18,
    rows: [
      ["评议项目 Item", "今年指数 This year", "上年指数 Last year"],
      ...compared.map((r) => [label(r), r[table.columns.index] as number, r[table.columns.lastIndex] as number]),
    ],
  };
  return {
    rows,
    headerRow,
    firstDataRow,
    wholeRows: table.wholeRows.map((i) => firstDataRow + i),
    columns: table.columns,
    width,
    answers,
    change,
  };
}
