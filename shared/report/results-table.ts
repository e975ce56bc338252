/**
 * The results table, defined once: columns, bilingual headers, number formats, live formulas, title and policy
 * lines, row colours by grade and shares as text. The CLI/HR workbook (io/write.ts, exceljs) and the add-in
 * (addin/excel, office.js) both render these models cell for cell.
 */
import type { AssessmentResult, CadreResult } from "../schemas/result.ts";
import type { Policy } from "../schemas/policy.ts";
import { DIMENSIONS, DIMENSION_LABELS, GRADE_LABELS, VERDICT_LABELS, type Bilingual } from "../vocabulary.ts";
import { parseFraction, percentString, toNumber } from "../rational.ts";
import {
  columnLetters,
  heightFor,
  MARGINS,
  PAGE_FOOTER,
  sheetRef,
  wrappedLines,
  type ModelCell,
  type ModelColumn,
  type ModelRow,
  type SheetModel,
} from "./sheet-model.ts";

/** Sheet names of a scored workbook; the add-in passes its own (the formulas follow them). */
export interface ReportSheetNames {
  results: string;
  detail: string;
  policy: string;
  issues: string;
  feedback: string;
}

export const WORKBOOK_SHEETS: ReportSheetNames = {
  results: "考核结果 Results",
  detail: "明细 Detail",
  policy: "方案 Policy",
  issues: "问题 Issues",
  feedback: "个人测评反馈表 Feedback",
};

export interface ReportContext {
  names: ReportSheetNames;
  /** The assessed organisation and year, for the title (HR's sheets know them; a local file may not). */
  unit?: string;
  period?: string;
  /** Computed without the server (add-in offline): marked on the sheet. */
  offline?: boolean;
  /** Sheet row (1-based) of each post's normalised weights on the policy sheet, for the composite formula. */
  weightRows: Map<string, number>;
}

export const both = (b: Bilingual): string => `${b["zh-CN"]} ${b.en}`;

export const REPORT_TEXT = {
  proposedGrade: { "zh-CN": "建议等次（需组织认定）", en: "Proposed grade (to be confirmed)" },
  mustConfirm: {
    "zh-CN": "以上等次为建议等次，须经组织认定。",
    en: "The grades above are proposed grades and must be confirmed by the organisation.",
  },
  committeeNote: {
    "zh-CN": "说明：「组织认定等次」「备注」两栏由组织填写；重新计分时保留。",
    en: "The organisation fills in the last two columns; scoring again keeps them.",
  },
  signatures:
    "制表 Prepared by：______________      审核 Reviewed by：______________      日期 Date：______年____月____日",
  withheld: { "zh-CN": "不公开", en: "withheld" },
  notGraded: { "zh-CN": "未评定", en: "Not graded" },
  offline:
    "暂定（离线）provisional (offline)：未连接服务器时在本机计算，提交前须联网复核 computed on this computer without the server; re-check online before submitting",
  yes: "是 Yes",
  no: "否 No",
} as const;

/** Fills by proposed grade (Excel's light palette); competent stays plain. */
export const GRADE_FILLS: Record<string, string> = {
  excellent: "#C6EFCE",
  basic: "#FFEB9C",
  incompetent: "#FFC7CE",
  quota_tie: "#E4DFEC",
};
export const HEADER_FILL = "#DDEBF7";

export const FONT_SIZE = 10;
export const TITLE_SIZE = 14;

const share = (k: number, n: number): string => (n === 0 ? "—" : `${percentString(k, n)}%`);
const gradeText = (c: CadreResult) => (c.grade ? both(GRADE_LABELS[c.grade]) : both(REPORT_TEXT.notGraded));
const verdictText = (c: CadreResult) => (c.verdict ? both(VERDICT_LABELS[c.verdict]) : "");

/** Cadres by rank (unscored last), ties and unscored in input order. */
export function rowsByRank(result: AssessmentResult): CadreResult[] {
  return result.cadres
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.rank ?? Infinity) - (b.c.rank ?? Infinity) || a.i - b.i)
    .map(({ c }) => c);
}

/** Every reason evaluated, one per line: the detail sheet is the audit trail, so unfired rules show too. */
export function allReasons(c: CadreResult, lang: "zh-CN" | "en"): string {
  return c.reasons.map((r) => `${r.fired ? "●" : "○"} ${r.message[lang]}`).join("\n");
}

/** The reasons that decided the grade or verdict, in full, Chinese then English. */
export function decidingReasons(c: CadreResult): string {
  const fired = c.reasons.filter((r) => r.fired);
  if (fired.length === 0) return "—";
  return fired.map((r) => `${r.message["zh-CN"]}\n${r.message.en}`).join("\n");
}

export interface GroupColumn {
  key: string;
  label: string;
}

/** Every group the result holds gets columns, labelled by the policy where it knows the group. */
export function groupsOf(result: AssessmentResult, policy: Policy | undefined): GroupColumn[] {
  const groups: GroupColumn[] = policy
    ? Object.entries(policy.raterGroups).map(([key, g]) => ({ key, label: g.label }))
    : [];
  const known = new Set(groups.map((g) => g.key));
  for (const c of result.cadres)
    for (const key of Object.keys(c.groups))
      if (!known.has(key)) {
        known.add(key);
        groups.push({ key, label: key });
      }
  return groups;
}

export interface Column {
  header: string;
  width: number;
  numFmt?: string;
  center?: boolean;
  value: (c: CadreResult) => string | number;
}

/** The detail sheet's cadre id header (the add-in's radar finds its column by it). */
export const DETAIL_ID_HEADER = "编号 Cadre ID";

/** The detail sheet's (and the CSV's) columns; the composite is column G and the dimensions H to L. */
export function detailColumns(result: AssessmentResult, policy: Policy | undefined): Column[] {
  const postLabel = (post: string) => policy?.posts[post]?.label ?? post;
  const groupColumns = groupsOf(result, policy).flatMap(({ key, label }): Column[] => [
    {
      header: `${label}均分 Mean`,
      width: 11,
      numFmt: "0.00",
      value: (c) => {
        const s = c.groups[key];
        return !s ? "" : "withheld" in s ? both(REPORT_TEXT.withheld) : s.mean;
      },
    },
    { header: `${label}票数 Ballots`, width: 9, value: (c) => c.groups[key]?.ballots ?? 0 },
  ]);
  const yesNo = (b: boolean) => (b ? REPORT_TEXT.yes : REPORT_TEXT.no);
  return [
    { header: "排名 Rank", width: 6, center: true, value: (c) => c.rank ?? "" },
    { header: "岗位内排名 Rank in post", width: 9, value: (c) => c.rankInPost ?? "" },
    { header: DETAIL_ID_HEADER, width: 10, value: (c) => c.cadreId },
    { header: "姓名 Name", width: 10, value: (c) => c.name },
    { header: "单位 Unit", width: 14, value: (c) => c.unit },
    { header: "岗位类别 Post", width: 12, value: (c) => postLabel(c.post) },
    { header: "综合得分 Composite", width: 10, numFmt: "0.00", value: (c) => c.composite ?? "" },
    ...DIMENSIONS.map((d): Column => ({
      header: both(DIMENSION_LABELS[d]),
      width: 9,
      numFmt: "0.00",
      value: (c) => c.dimensions?.[d] ?? "",
    })),
    ...groupColumns,
    { header: "优秀票 Excellent votes", width: 9, value: (c) => c.votes.excellent },
    { header: "称职票 Competent votes", width: 9, value: (c) => c.votes.competent },
    { header: "基本称职票 Basically competent votes", width: 10, value: (c) => c.votes.basic },
    { header: "不称职票 Incompetent votes", width: 10, value: (c) => c.votes.incompetent },
    { header: "弃权 Blank", width: 8, value: (c) => c.votes.blank },
    { header: "有效票 Valid ballots", width: 8, value: (c) => c.votes.n },
    { header: "优秀票占比 Excellent share", width: 10, value: (c) => share(c.votes.excellent, c.votes.n) },
    {
      header: "优秀和称职票占比 Excellent + competent share",
      width: 11,
      value: (c) => share(c.votes.excellent + c.votes.competent, c.votes.n),
    },
    { header: "不称职票占比 Incompetent share", width: 10, value: (c) => share(c.votes.incompetent, c.votes.n) },
    { header: both(REPORT_TEXT.proposedGrade), width: 14, value: gradeText },
    { header: "结论 Verdict", width: 12, value: verdictText },
    { header: "暂定 Provisional", width: 8, value: (c) => yesNo(c.provisional) },
    { header: "需组织复核 Review required", width: 9, value: (c) => yesNo(c.reviewRequired) },
    { header: "说明 Reasons", width: 40, value: (c) => allReasons(c, "zh-CN") },
    { header: "Reasons (English)", width: 50, value: (c) => allReasons(c, "en") },
    { header: "精确综合得分 Exact composite", width: 16, value: (c) => c.compositeExact ?? "" },
  ];
}

/** Columns of the detail sheet the composite formula reads: G = composite, H:L = the five dimensions. */
export const DETAIL_COMPOSITE_COL = 6;
const DETAIL_DIM_FIRST = columnLetters(DETAIL_COMPOSITE_COL + 1);
const DETAIL_DIM_LAST = columnLetters(DETAIL_COMPOSITE_COL + DIMENSIONS.length);
/** The policy sheet's weights sit in columns B:F of each post's row. */
export const POLICY_WEIGHT_COLS = ["B", "F"] as const;

const header = (cells: ModelCell[]): ModelRow => ({
  cells,
  bold: true,
  fill: HEADER_FILL,
  wrap: true,
});

/**
 * The composite as a live formula over the row's exact dimension cells and the policy sheet's normalised weights.
 * The inner ROUND(…, 12) strips binary noise (SUMPRODUCT errs by ~1e-13) so an exact x.xx5 rounds up, as the
 * engine does, yet a value a hair below x.xx5 stays below (any whose denominator is under ~1e10).
 */
export function compositeFormula(sheetRow: number, weightRow: number, policySheet: string): string {
  const [w0, w1] = POLICY_WEIGHT_COLS;
  return `ROUND(ROUND(SUMPRODUCT(${DETAIL_DIM_FIRST}${sheetRow}:${DETAIL_DIM_LAST}${sheetRow},${sheetRef(policySheet)}!$${w0}$${weightRow}:$${w1}$${weightRow}),12),2)`;
}

/** Full detail: one header row, every figure, the composite as a live formula. */
export function detailSheet(result: AssessmentResult, policy: Policy, ctx: ReportContext): SheetModel {
  const columns = detailColumns(result, policy);
  const model: ModelColumn[] = columns.map((c) => ({ width: c.width, numFmt: c.numFmt, center: c.center }));
  const rows: ModelRow[] = [header(columns.map((c) => c.header))];
  rowsByRank(result).forEach((cadre, i) => {
    const sheetRow = i + 2;
    const cells: ModelCell[] = columns.map((col) => col.value(cadre));
    // The dimension cells hold the exact D(d) as a double, so the formula reproduces the engine's composite.
    if (cadre.dimensionsExact)
      DIMENSIONS.forEach((d, k) => {
        cells[DETAIL_COMPOSITE_COL + 1 + k] = toNumber(parseFraction(cadre.dimensionsExact![d])!);
      });
    const weightRow = ctx.weightRows.get(cadre.post);
    if (cadre.composite !== null && weightRow !== undefined)
      cells[DETAIL_COMPOSITE_COL] = {
        formula: compositeFormula(sheetRow, weightRow, ctx.names.policy),
        result: cadre.composite,
      };
    rows.push({
      cells,
      wrap: true,
      fill: cadre.grade ? GRADE_FILLS[cadre.grade] : undefined,
    });
  });
  return {
    name: ctx.names.detail,
    columns: model,
    rows,
    headerRow: 0,
    freeze: { rows: 1, cols: 4 },
    fontSize: FONT_SIZE,
    print: { orientation: "landscape", paper: "A4", titleRows: [1, 1], margins: MARGINS, footer: PAGE_FOOTER },
  };
}

/** The printed report's columns, in order; the last two are the committee's. */
export const REPORT_HEADERS = [
  "排名\nRank",
  "编号\nID",
  "姓名\nName",
  "单位\nUnit",
  "岗位类别\nPost",
  "综合得分\nComposite",
  `${REPORT_TEXT.proposedGrade["zh-CN"]}\n${REPORT_TEXT.proposedGrade.en}`,
  "结论\nVerdict",
  "优秀和称职票占比\nExcellent + competent share",
  "决定理由\nDeciding reasons",
  "组织认定等次\nConfirmed",
  "备注\nNote",
] as const;
const REPORT_WIDTHS = [5, 7, 8, 13, 10, 10, 12, 10, 11, 32, 12, 8];
/** 0-based columns of the report the add-in reads back and keeps. */
export const REPORT_COL = { id: 1, composite: 5, grade: 6, share: 8, confirmed: 10, note: 11 } as const;
/** The report's header is sheet row 4: title, policy line and note above it. */
export const REPORT_HEADER_ROW = 3;

export function reportTitle(policy: Policy, ctx: Pick<ReportContext, "unit" | "period">): string {
  // A bare year reads 2026年度; any other period (2026-H1) is shown as given.
  const year = ctx.period && /^\d{4}$/.test(ctx.period) ? `${ctx.period}年度` : ctx.period;
  const who = [ctx.unit, year].filter(Boolean).join(" ");
  return `${who ? `${who} ` : ""}${policy.title} 考核结果（建议等次） Assessment results (proposed grades)`;
}

const spanRow = (text: string, width: number, extra: Partial<ModelRow> = {}): ModelRow => {
  const size = extra.size ?? FONT_SIZE;
  return {
    cells: [text],
    height: heightFor(wrappedLines(text, width * (FONT_SIZE / size)), size),
    spanAll: true,
    wrap: true,
    ...extra,
  };
};

/**
 * The fileable results page: A4 landscape at 10 pt, title, policy line, about ten key columns with the deciding
 * reasons in full, the committee's two columns, the 须经组织认定 line and the signature lines.
 */
export function resultsSheet(result: AssessmentResult, policy: Policy, ctx: ReportContext): SheetModel {
  const model: ModelColumn[] = REPORT_WIDTHS.map((width, i) => ({
    width,
    numFmt: i === REPORT_COL.composite ? "0.00" : undefined,
    center: i === 0 || i === REPORT_COL.composite || i === REPORT_COL.share || undefined,
  }));
  const total = REPORT_WIDTHS.reduce((a, b) => a + b, 0);
  const detailRef = sheetRef(ctx.names.detail);
  const compositeLetter = columnLetters(DETAIL_COMPOSITE_COL);
  const ranked = rowsByRank(result);
  const policyLine = `考核方案 Policy：${policy.title}（第 ${result.policy.version} 版 version ${result.policy.version}）  ·  共 ${ranked.length} 人 ${ranked.length} cadres`;
  const rows: ModelRow[] = [
    spanRow(reportTitle(policy, ctx), total, { bold: true, size: TITLE_SIZE }),
    spanRow(ctx.offline ? `${policyLine}  ·  ${REPORT_TEXT.offline}` : policyLine, total),
    spanRow(`${REPORT_TEXT.committeeNote["zh-CN"]} ${REPORT_TEXT.committeeNote.en}`, total),
    header([...REPORT_HEADERS]),
  ];
  ranked.forEach((c, i) => {
    // The composite shown is the detail sheet's live formula, so both sheets always agree.
    const composite: ModelCell =
      c.composite === null ? "" : { formula: `${detailRef}!${compositeLetter}${i + 2}`, result: c.composite };
    const cells: ModelCell[] = [
      c.rank ?? "",
      c.cadreId,
      c.name,
      c.unit,
      policy.posts[c.post]?.label ?? c.post,
      composite,
      gradeText(c),
      verdictText(c),
      share(c.votes.excellent + c.votes.competent, c.votes.n),
      decidingReasons(c),
      "",
      "",
    ];
    rows.push({
      cells,
      wrap: true,
      fill: c.grade ? GRADE_FILLS[c.grade] : undefined,
    });
  });
  rows.push({ cells: [], height: heightFor(1, FONT_SIZE) });
  rows.push(spanRow(`${REPORT_TEXT.mustConfirm["zh-CN"]} ${REPORT_TEXT.mustConfirm.en}`, total, { bold: true }));
  rows.push({ cells: [], height: heightFor(1, FONT_SIZE) });
  rows.push(spanRow(REPORT_TEXT.signatures, total));
  return {
    name: ctx.names.results,
    columns: model,
    rows,
    headerRow: REPORT_HEADER_ROW,
    freeze: { rows: REPORT_HEADER_ROW + 1, cols: 3 },
    fontSize: FONT_SIZE,
    print: {
      orientation: "landscape",
      paper: "A4",
      titleRows: [REPORT_HEADER_ROW + 1, REPORT_HEADER_ROW + 1],
      margins: MARGINS,
      footer: PAGE_FOOTER,
      columns: REPORT_HEADERS.length,
    },
  };
}
