import {
  DIMENSIONS,
  DIMENSION_LABELS,
  GRADE_LABELS,
  VERDICT_LABELS,
  percentString,
  type AssessmentResult,
  type CadreResult,
  type Policy,
} from "../shared/index.ts";

/** One column of the results table, shared by the scored workbook and the CSV pull. */
export interface ResultColumn {
  header: string;
  width: number;
  numFmt?: string;
  value: (c: CadreResult) => string | number | undefined;
}

const yesNo = (b: boolean) => (b ? "是 Yes" : "否 No");
const share = (num: number, n: number) => (n === 0 ? "—" : `${percentString(num, n)}%`);

export const WITHHELD = "不公开 withheld";

/** Columns in sheet order; the composite and dimension columns are fixed at 7 and 8-12 (the formula uses them). */
export function resultColumns(result: AssessmentResult, policy?: Policy): ResultColumn[] {
  const postLabel = (post: string) => (policy && Object.hasOwn(policy.posts, post) ? policy.posts[post]!.label : post);
  // Without the policy, the groups are those the result mentions, labelled by key.
  const groups = policy
    ? Object.entries(policy.raterGroups).map(([key, g]) => [key, g.label] as const)
    : [...new Set(result.cadres.flatMap((c) => Object.keys(c.groups)))].map((key) => [key, ""] as const);
  const groupColumns = groups.flatMap(([key, label]): ResultColumn[] => [
    {
      header: `${label}均分 ${key} mean`,
      width: 14,
      numFmt: "0.00",
      value: (c) => {
        const s = c.groups[key];
        return !s ? undefined : "withheld" in s ? WITHHELD : s.mean;
      },
    },
    { header: `${label}票数 ${key} ballots`, width: 12, value: (c) => c.groups[key]?.ballots ?? 0 },
  ]);
  return [
    { header: "排名 Rank", width: 8, value: (c) => c.rank ?? undefined },
    { header: "岗位内排名 Rank in post", width: 10, value: (c) => c.rankInPost ?? undefined },
    { header: "编号 Cadre ID", width: 12, value: (c) => c.cadreId },
    { header: "姓名 Name", width: 10, value: (c) => c.name },
    { header: "单位 Unit", width: 18, value: (c) => c.unit },
    { header: "岗位类别 Post", width: 12, value: (c) => postLabel(c.post) },
    { header: "综合得分 Composite", width: 12, numFmt: "0.00", value: (c) => c.composite ?? undefined },
    ...DIMENSIONS.map((d): ResultColumn => ({
      header: `${DIMENSION_LABELS[d]["zh-CN"]} ${DIMENSION_LABELS[d].en}`,
      width: 10,
      numFmt: "0.00",
      value: (c) => c.dimensions?.[d],
    })),
    ...groupColumns,
    { header: "优秀票 Excellent (E)", width: 10, value: (c) => c.votes.excellent },
    { header: "称职票 Competent (C)", width: 10, value: (c) => c.votes.competent },
    { header: "基本称职票 Basic (B)", width: 10, value: (c) => c.votes.basic },
    { header: "不称职票 Incompetent (I)", width: 10, value: (c) => c.votes.incompetent },
    { header: "弃权 Blank", width: 8, value: (c) => c.votes.blank },
    { header: "有效票 Valid ballots (n)", width: 10, value: (c) => c.votes.n },
    {
      header: "优秀和称职占比 (E+C)/n",
      width: 12,
      value: (c) => share(c.votes.excellent + c.votes.competent, c.votes.n),
    },
    { header: "不称职占比 I/n", width: 10, value: (c) => share(c.votes.incompetent, c.votes.n) },
    {
      header: "建议等次 Proposed grade",
      width: 16,
      value: (c) => (c.grade ? `${GRADE_LABELS[c.grade]["zh-CN"]} ${GRADE_LABELS[c.grade].en}` : "未计分 Not scored"),
    },
    {
      header: "结论 Verdict",
      width: 16,
      value: (c) => (c.verdict ? `${VERDICT_LABELS[c.verdict]["zh-CN"]} ${VERDICT_LABELS[c.verdict].en}` : undefined),
    },
    { header: "暂定 Provisional", width: 10, value: (c) => yesNo(c.provisional) },
    { header: "需组织复核 Review required", width: 12, value: (c) => yesNo(c.reviewRequired) },
    { header: "说明 Reasons", width: 50, value: (c) => firedReasons(c, "zh-CN") },
    { header: "Reasons (English)", width: 50, value: (c) => firedReasons(c, "en") },
    { header: "精确综合得分 Exact composite", width: 16, value: (c) => c.compositeExact ?? undefined },
  ];
}

/** Every reason evaluated, one per line: the sheet is the audit trail, so rules that did not fire are shown too. */
function firedReasons(c: CadreResult, lang: "zh-CN" | "en"): string {
  return c.reasons.map((r) => `${r.fired ? "●" : "○"} ${r.message[lang]}`).join("\n");
}

/** Cadres by rank (unscored last), ties and unscored in input order. */
export function rowsByRank(result: AssessmentResult): CadreResult[] {
  return result.cadres
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.rank ?? Infinity) - (b.c.rank ?? Infinity) || a.i - b.i)
    .map(({ c }) => c);
}
