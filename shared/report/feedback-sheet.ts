/**
 * 个人测评反馈表: one printed A4 page per cadre (page breaks between them): scores, group means where not
 * withheld, votes and shares, and the five dimensions as a labelled table with bars (exceljs draws no charts).
 */
import type { AssessmentResult, CadreResult } from "../schemas/result.ts";
import type { Policy } from "../schemas/policy.ts";
import { DIMENSIONS, DIMENSION_LABELS, GRADE_LABELS } from "../vocabulary.ts";
import { percentString } from "../rational.ts";
import {
  heightFor,
  MARGINS,
  PAGE_FOOTER,
  rowHeight,
  type ModelCell,
  type ModelColumn,
  type ModelRow,
  type SheetModel,
} from "./sheet-model.ts";
import {
  both,
  decidingReasons,
  FONT_SIZE,
  groupsOf,
  HEADER_FILL,
  REPORT_TEXT,
  rowsByRank,
  TITLE_SIZE,
} from "./results-table.ts";

const COLUMNS: ModelColumn[] = [26, 14, 14, 14, 24].map((width) => ({ width }));
const TOTAL = COLUMNS.reduce((a, c) => a + c.width, 0);

function cadrePage(c: CadreResult, policy: Policy, result: AssessmentResult, first: boolean): ModelRow[] {
  const rows: ModelRow[] = [];
  const row = (cells: ModelCell[], extra: Partial<ModelRow> = {}) => rows.push({ cells, wrap: true, ...extra });
  const line = (text: string, extra: Partial<ModelRow> = {}) =>
    row([text], { spanAll: true, height: rowHeight([text], [{ width: TOTAL }], extra.size ?? FONT_SIZE), ...extra });
  const head = (cells: string[]) => row(cells, { bold: true, fill: HEADER_FILL });
  const gap = () => rows.push({ cells: [], height: heightFor(1, FONT_SIZE) });

  line("个人测评反馈表 Individual assessment feedback", { bold: true, size: TITLE_SIZE, pageBreakBefore: !first });
  line(`${policy.title}  ·  ${c.name}（${c.cadreId}）  ·  ${c.unit}  ·  ${policy.posts[c.post]?.label ?? c.post}`, {
    bold: true,
  });
  gap();
  head(["项目 Item", "结果 Result", "", "", ""]);
  row(["综合得分 Composite", fixed(c.composite)]);
  row(["排名 Rank", c.rank === null ? "—" : `${c.rank} / ${result.cadres.length}`]);
  row([both(REPORT_TEXT.proposedGrade), c.grade ? both(GRADE_LABELS[c.grade]) : both(REPORT_TEXT.notGraded)]);
  gap();

  line("五维得分（雷达图数据）Five dimensions (radar chart data)", { bold: true });
  head(["要素 Dimension", "得分 Score", `图示 Bar（■ = ${policy.scale.max / 10} 分 points）`, "", ""]);
  for (const d of DIMENSIONS) {
    const score = c.dimensions?.[d];
    // The bar runs over the empty cells to its right: not wrapped.
    const bar = score === undefined ? "" : "■".repeat(Math.round((score * 10) / policy.scale.max));
    row([both(DIMENSION_LABELS[d]), fixed(score), bar], { wrap: false });
  }
  gap();

  line("各测评主体 By rater group", { bold: true });
  head(["测评主体 Rater group", "票数 Ballots", "均分 Mean", "", ""]);
  for (const g of groupsOf(result, policy)) {
    const s = c.groups[g.key];
    if (!s) continue;
    row([g.label, String(s.ballots), "withheld" in s ? both(REPORT_TEXT.withheld) : fixed(s.mean)]);
  }
  gap();

  line("等次票 Grade votes", { bold: true });
  head(["等次 Vote", "票数 Votes", "占比 Share", "", ""]);
  const v = c.votes;
  const share = (k: number) => (v.n === 0 ? "—" : `${percentString(k, v.n)}%`);
  row(["优秀 Excellent", String(v.excellent), share(v.excellent)]);
  row(["称职 Competent", String(v.competent), share(v.competent)]);
  row(["基本称职 Basically competent", String(v.basic), share(v.basic)]);
  row(["不称职 Incompetent", String(v.incompetent), share(v.incompetent)]);
  row(["弃权 Blank", String(v.blank)]);
  row(["有效票 Valid ballots", String(v.n)]);
  gap();

  line("决定理由 Deciding reasons", { bold: true });
  line(decidingReasons(c));
  gap();
  line(`${REPORT_TEXT.mustConfirm["zh-CN"]} ${REPORT_TEXT.mustConfirm.en}`, { bold: true });
  return rows;
}

/** Two decimals as text: the page is read, not recalculated. */
const fixed = (x: number | null | undefined): string => (x === null || x === undefined ? "—" : x.toFixed(2));

export function feedbackSheet(result: AssessmentResult, policy: Policy, name: string): SheetModel {
  const rows = rowsByRank(result).flatMap((c, i) => cadrePage(c, policy, result, i === 0));
  return {
    name,
    columns: COLUMNS,
    rows,
    headerRow: -1,
    freeze: { rows: 0, cols: 0 },
    fontSize: FONT_SIZE,
    print: { orientation: "portrait", paper: "A4", margins: MARGINS, footer: PAGE_FOOTER },
  };
}
