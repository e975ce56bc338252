/**
 * The feedback report a unit receives (反馈报告): its items with positive rates and index beside last
 * year's, its respondents' counts per layer, the flags in words. Groups under the policy's minimum
 * are never shown, only said to be withheld. Pure layout; io/ prints it on A4.
 */
import type { Bilingual } from "../vocabulary.ts";
import type { SurveyPolicy } from "../schemas/survey-policy.ts";
import type { SurveyResult, SurveyStats } from "../schemas/survey.ts";
import { ITEM_KIND_LABELS } from "../schemas/survey.ts";

export type ReportCell = string | number | null;

export interface FeedbackReport {
  unit: string;
  title: Bilingual;
  facts: Bilingual[];
  itemHeader: Bilingual[];
  items: ReportCell[][];
  layerHeader: Bilingual[];
  layers: ReportCell[][];
  flags: Bilingual[];
  notes: Bilingual[];
}

const WITHHELD = "不显示 withheld";

const figures = (s: SurveyStats): ReportCell[] =>
  "withheld" in s ? [s.answers, WITHHELD, null] : [s.answers, s.positive ? `${s.positive.percent}%` : "—", s.index];

export function feedbackReport(result: SurveyResult, policy: SurveyPolicy, unit: string): FeedbackReport {
  const u = result.units.find((x) => x.unit === unit);
  if (!u) throw new RangeError(`no unit ${unit}`);
  const year = result.period ?? "";
  const items = result.items.filter((i) => i.unit === unit);
  const lastPositive = (p: string | null | undefined) => (p ? `${p}%` : "—");
  const itemRows: ReportCell[][] = [...items, null].map((item) => {
    const target = item ?? u;
    const name = item ? `${item.title}（${ITEM_KIND_LABELS[item.kind]["zh-CN"]}）` : `单位综合 Unit overall`;
    const [answers, positive, index] = figures(target.stats) as [ReportCell, ReportCell, ReportCell];
    const ly = target.lastYear;
    return [
      name,
      answers,
      positive,
      ly ? lastPositive(ly.positivePercent) : "—",
      index,
      ly?.index ?? "—",
      ly?.change ?? "—",
    ];
  });
  const layerRows: ReportCell[][] = [];
  let hidden = 0;
  for (const [key, s] of Object.entries(u.layers)) {
    if ("withheld" in s) {
      hidden++;
      continue;
    }
    const l = policy.layers[key];
    layerRows.push([
      l ? `${l.label} ${l.en ?? ""}`.trim() : key,
      s.answers,
      s.positive ? `${s.positive.percent}%` : "—",
      s.index,
    ]);
  }
  const flags: Bilingual[] = [];
  for (const i of items)
    for (const r of i.reasons)
      if (r.fired && r.rule !== "withheld")
        flags.push({ "zh-CN": `${i.title}：${r.message["zh-CN"]}`, en: `${i.title}: ${r.message.en}` });
  for (const r of u.reasons) if (r.fired && r.rule !== "withheld") flags.push(r.message);
  if (flags.length === 0) flags.push({ "zh-CN": "无需核实或重点督导的事项", en: "Nothing to verify or supervise" });

  const min = policy.minAnswersToReport;
  return {
    unit,
    title: {
      "zh-CN": `${year ? `${year} 年度` : ""}选人用人工作“一报告两评议”反馈报告：${unit}`,
      en: `Feedback on the ${year ? `${year} ` : ""}survey of cadre selection work: ${unit}`,
    },
    facts: [
      {
        "zh-CN": `参评人数 ${u.respondents} 人，有效答案 ${u.stats.answers} 份`,
        en: `${u.respondents} respondents, ${u.stats.answers} answers`,
      },
      {
        "zh-CN": `评议方案：${policy.title}（${result.policy.id} 第 ${result.policy.version} 版）`,
        en: `Survey policy: ${result.policy.id} version ${result.policy.version}`,
      },
    ],
    itemHeader: [
      { "zh-CN": "评议项目", en: "Item" },
      { "zh-CN": "答案数", en: "Answers" },
      { "zh-CN": "好评率", en: "Positive" },
      { "zh-CN": "上年好评率", en: "Last year" },
      { "zh-CN": "满意度指数", en: "Index" },
      { "zh-CN": "上年指数", en: "Last year" },
      { "zh-CN": "变化", en: "Change" },
    ],
    items: itemRows,
    layerHeader: [
      { "zh-CN": "评议人层次", en: "Respondent layer" },
      { "zh-CN": "答案数", en: "Answers" },
      { "zh-CN": "好评率", en: "Positive" },
      { "zh-CN": "满意度指数", en: "Index" },
    ],
    layers: layerRows,
    flags,
    notes: [
      {
        "zh-CN":
          "好评率为前两档答案占基数之比；满意度指数为各答案分值乘以其占比之和（0–100），精确计算后四舍五入保留两位小数。",
        en: "Positive rate: the top two answers over the base. Index: the sum of each answer's points times its share (0 to 100), computed exactly and rounded half up to 2 decimals.",
      },
      {
        "zh-CN": `“不了解”${policy.dontKnow === "exclude" ? "不计入基数" : "计入基数，不计分"}。答案少于 ${min} 份的项目或层次不单独显示${hidden ? `（本单位有 ${hidden} 个层次未显示）` : ""}。`,
        en: `“Don't know” is ${policy.dontKnow === "exclude" ? "left out of the base" : "in the base with no points"}. Items or layers with fewer than ${min} answers are not shown${hidden ? ` (${hidden} layer(s) of this unit withheld)` : ""}.`,
      },
    ],
  };
}
