/** The policy sheet: the weights the composite formulas read, and every rule in the user's words (no keys). */
import type { AssessmentResult } from "../schemas/result.ts";
import type { Policy } from "../schemas/policy.ts";
import { DIMENSIONS, DIMENSION_LABELS } from "../vocabulary.ts";
import { add, div, parseDecimal, toNumber, ZERO } from "../rational.ts";
import {
  MARGINS,
  PAGE_FOOTER,
  heightFor,
  type ModelCell,
  type ModelColumn,
  type ModelRow,
  type SheetModel,
} from "./sheet-model.ts";
import { both, FONT_SIZE, HEADER_FILL, TITLE_SIZE } from "./results-table.ts";

const VOTE_BASE = {
  ballots: "有效票 Valid ballots",
  attendees: "实到人数 Attendees",
  expected: "应到人数 Expected attendees",
} as const;
const QUOTA_SCOPE = {
  assessment: "全体参评干部 All assessed cadres",
  unit: "按单位 Per unit",
  post: "按岗位类别 Per post category",
} as const;
const QUOTA_ROUNDING = {
  floor: "向下取整 Round down",
  half_up: "四舍五入 Round half up",
  ceil: "向上取整 Round up",
} as const;
const OFF = "不适用 Off";

export interface PolicySheet {
  model: SheetModel;
  /** Sheet row (1-based) of each post's normalised weights (columns B:F), for the composite formulas. */
  weightRows: Map<string, number>;
}

export function policySheet(result: AssessmentResult, policy: Policy, name: string): PolicySheet {
  const columns: ModelColumn[] = [{ width: 44 }, ...DIMENSIONS.map(() => ({ width: 11 }))];
  const rows: ModelRow[] = [];
  const add_ = (cells: ModelCell[], extra: Partial<ModelRow> = {}) => {
    rows.push({ cells, wrap: false, ...extra });
    return rows.length;
  };
  const section = (text: string) => add_([text], { bold: true, height: 24 });
  // A rule's value is shown as text, so numbers and fractions line up the same way under the label.
  const pair = (label: string, value: string | number) => add_([label, String(value)]);
  const head = (cells: string[]) => add_(cells, { bold: true, fill: HEADER_FILL, wrap: true });

  add_([`考核方案 Policy：${policy.title}`], {
    bold: true,
    size: TITLE_SIZE,
    spanAll: true,
    height: heightFor(1, TITLE_SIZE),
  });
  pair("版本 Version", result.policy.version);
  // The identity every scored sheet names (spec section 7: id, version, sha256), so it can be recomputed years later.
  add_([`方案编号 Policy ID：${result.policy.id} · 校验码 SHA-256：${result.policy.sha256}`], {
    spanAll: true,
    height: heightFor(1, FONT_SIZE),
  });

  section("岗位要素权重（折算为 1） Post weights (as fractions of 1)");
  head(["岗位类别 Post", ...DIMENSIONS.map((d) => both(DIMENSION_LABELS[d]))]);
  const weightRows = new Map<string, number>();
  for (const [key, post] of Object.entries(policy.posts)) {
    // Weights may be written in percent (sum 100); the sheet shows fractions of 1, as the engine uses them.
    const exact = DIMENSIONS.map((d) => parseDecimal(post.weights[d])!);
    const sum = exact.reduce(add, ZERO);
    weightRows.set(key, add_([post.label, ...exact.map((w) => toNumber(div(w, sum)))]));
  }

  section("测评主体权重 Rater-group weights");
  head(["测评主体 Rater group", "权重 Weight"]);
  for (const g of Object.values(policy.raterGroups)) pair(g.label, g.weight);

  section("分档线 Score bands");
  pair("优秀 Excellent ≥", policy.bands.excellent);
  pair("称职 Competent ≥", policy.bands.competent);
  pair("基本称职 Basically competent ≥", policy.bands.basic);

  section("票决规则 Vote rules");
  const v = policy.voteRules;
  pair("优秀和称职票占比下限 Min. excellent + competent share", v.competentMin ?? OFF);
  pair("不称职票占比上限 Max. incompetent share", v.incompetentMax ?? OFF);
  pair("优秀票占比下限 Min. excellent share", v.excellentMin ?? OFF);
  add_(["计票基数 Share of", VOTE_BASE[v.base]]);

  section("一票否决 Vetoes");
  if (policy.vetoes.length === 0) add_([OFF]);
  for (const veto of policy.vetoes) pair(`${both(DIMENSION_LABELS[veto.dimension])} 低于 below`, veto.below);

  section("优秀名额 Excellent quota");
  const q = policy.excellentQuota;
  if (!q) add_(["不设名额 None"]);
  else {
    pair("比例 Share", q.share);
    add_(["范围 Scope", QUOTA_SCOPE[q.scope]]);
    add_(["取整 Rounding", QUOTA_ROUNDING[q.rounding]]);
  }

  section("其他 Other");
  // Values are not wrapped: a text runs over the empty cells to its right.
  add_([
    "去高去低 Trimming",
    `满 ${policy.trim.minBallots} 票去最高 ${policy.trim.high}、最低 ${policy.trim.low} 个 With ${policy.trim.minBallots}+ ballots drop ${policy.trim.high} highest, ${policy.trim.low} lowest`,
  ]);
  pair("分组均分公开最少票数 Min. ballots per group mean", policy.minGroupBallotsToReport);
  pair("到会比例下限 Quorum", policy.quorum);
  pair("分值范围 Score range", `${policy.scale.min}–${policy.scale.max}`);
  for (const [label, points] of Object.entries(policy.scale.levels)) pair(`等级「${label}」 Level "${label}"`, points);

  return {
    weightRows,
    model: {
      name,
      columns,
      rows,
      headerRow: -1,
      freeze: { rows: 0, cols: 0 },
      fontSize: FONT_SIZE,
      print: { orientation: "portrait", paper: "A4", margins: MARGINS, footer: PAGE_FOOTER, fitOnePage: true },
    },
  };
}
