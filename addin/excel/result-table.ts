/** The results table as plain rows: the same builder serves 考核结果 and pulled sheets. Pure. */
import {
  DIMENSIONS,
  DIMENSION_LABELS,
  GRADE_LABELS,
  VERDICT_LABELS,
  type AssessmentResult,
  type CadreResult,
  type Policy,
  type PolicyIdentity,
} from "../../shared/index.ts";
import { both, OFFLINE_MARK, pick, TEXT, type Lang } from "./labels.ts";

export type Cell = string | number;

export interface PolicyLabels {
  posts: Record<string, string>;
  groups: [key: string, label: string][];
}

export function labelsOf(policy: Policy | PolicyIdentity | undefined, result: AssessmentResult): PolicyLabels {
  // Every group the result holds gets a column, labelled by the policy where it knows the key, else by the key.
  const inResult = [...new Set(result.cadres.flatMap((c) => Object.keys(c.groups)))];
  if (policy && "posts" in policy) {
    const groups: [string, string][] = Object.entries(policy.raterGroups).map(([k, g]) => [k, g.label]);
    for (const k of inResult) if (!(k in policy.raterGroups)) groups.push([k, k]);
    return { posts: Object.fromEntries(Object.entries(policy.posts).map(([k, p]) => [k, p.label])), groups };
  }
  return { posts: {}, groups: inResult.map((k) => [k, k]) };
}

export interface ResultTable {
  headers: string[];
  rows: Cell[][];
  /** 0-based columns the sheet writer formats or charts. */
  col: { id: number; name: number; composite: number; dimensions: number[]; shares: number[]; grade: number };
  /** The grade labels as written, for conditional formatting. */
  gradeText: Record<string, string>;
}

const share = (k: number, n: number): Cell => (n > 0 ? k / n : "");

export function buildResultTable(
  result: AssessmentResult,
  labels: PolicyLabels,
  lang: Lang,
  offline: boolean,
): ResultTable {
  const headers = [
    "排名 rank",
    "岗位内排名 rankInPost",
    "编号 cadreId",
    "姓名 name",
    "单位 unit",
    "岗位类别 post",
    "综合得分 composite",
    ...DIMENSIONS.map((d) => `${DIMENSION_LABELS[d]["zh-CN"]} ${d}`),
    ...labels.groups.map(([k, label]) => `${label} ${k}`),
    "优秀票 excellent",
    "称职票 competent",
    "基本称职票 basic",
    "不称职票 incompetent",
    "弃权 blank",
    "有效票 n",
    "优秀票占比 excellent share",
    "称职及以上占比 competent-or-better share",
    "不称职占比 incompetent share",
    "建议等次 proposed grade",
    "结论 verdict",
    "暂定 provisional",
    "需组织认定 review required",
    "说明 reasons",
  ];
  const yesNo = (b: boolean) => pick(b ? TEXT.yes : TEXT.no, lang);
  const sep = lang === "zh-CN" ? "；" : "; ";
  const row = (c: CadreResult): Cell[] => {
    const v = c.votes;
    return [
      c.rank ?? "",
      c.rankInPost ?? "",
      c.cadreId,
      c.name,
      c.unit,
      labels.posts[c.post] ?? c.post,
      c.composite ?? "",
      ...DIMENSIONS.map((d) => c.dimensions?.[d] ?? ""),
      ...labels.groups.map(([k]) => {
        const g = c.groups[k];
        return !g ? "" : "withheld" in g ? both(TEXT.withheld) : g.mean;
      }),
      v.excellent,
      v.competent,
      v.basic,
      v.incompetent,
      v.blank,
      v.n,
      share(v.excellent, v.n),
      share(v.excellent + v.competent, v.n),
      share(v.incompetent, v.n),
      c.grade ? pick(GRADE_LABELS[c.grade], lang) : pick(TEXT.notGraded, lang),
      c.verdict ? pick(VERDICT_LABELS[c.verdict], lang) : "",
      offline ? OFFLINE_MARK : yesNo(c.provisional),
      yesNo(c.reviewRequired),
      c.reasons
        .filter((r) => r.fired)
        .map((r) => pick(r.message, lang))
        .join(sep),
    ];
  };
  const dim0 = 7;
  const votes0 = dim0 + DIMENSIONS.length + labels.groups.length;
  return {
    headers,
    rows: result.cadres.map(row),
    col: {
      id: 2,
      name: 3,
      composite: 6,
      dimensions: DIMENSIONS.map((_, i) => dim0 + i),
      shares: [votes0 + 6, votes0 + 7, votes0 + 8],
      grade: votes0 + 9,
    },
    gradeText: Object.fromEntries(Object.entries(GRADE_LABELS).map(([g, l]) => [g, pick(l, lang)])),
  };
}

export const stampLine = (p: PolicyIdentity): string =>
  `方案 policy: ${p.id} · 版本 version ${p.version} · sha256 ${p.sha256}`;
