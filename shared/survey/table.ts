/**
 * The survey result as rows of cells: one layout for the add-in's 评议结果 sheet, the CLI's workbook
 * and the CSV, so every export shows the same figures and withholds the same groups (under the
 * policy's minimum, default 3 answers, nothing but the count of answers is ever written).
 */
import type { SurveyPolicy } from "../schemas/survey-policy.ts";
import { ITEM_KIND_LABELS, type SurveyResult, type SurveyStats } from "../schemas/survey.ts";
import { DONT_KNOW } from "./compile.ts";

export type SurveyCell = string | number | null;

export interface SurveyTable {
  header: { "zh-CN": string; en: string }[];
  rows: SurveyCell[][];
  /** 0-based columns of the answer counts, the index, last year's index and the change (for charts). */
  columns: { counts: [number, number]; index: number; lastIndex: number; change: number };
  /** Rows (0-based, under the header) that are an item's or unit's whole, not one layer: what the chart plots. */
  wholeRows: number[];
}

export const WITHHELD_TEXT = {
  "zh-CN": "答案不足 3 份（或可据此推算），为保护评议人不显示",
  en: "withheld to protect respondents (fewer than 3 answers, or would reveal such a group)",
};

const ALL = "全体 All";
const FLAG_WORDS = { verify: "须核实 To verify", supervise: "重点督导 Focused supervision" } as const;

/** Answer labels of the scales the items use, in scale order, 不了解 last. */
function answerLabels(result: SurveyResult): string[] {
  const used = new Set(result.items.map((i) => i.scale));
  const labels: string[] = [];
  for (const [key, list] of Object.entries(result.scales))
    if (used.has(key)) for (const l of list) if (l !== DONT_KNOW && !labels.includes(l)) labels.push(l);
  return [...labels, DONT_KNOW];
}

export function surveyTable(result: SurveyResult, policy: SurveyPolicy): SurveyTable {
  const labels = answerLabels(result);
  const layerName = (key: string) => {
    const l = policy.layers[key];
    return l ? (l.en ? `${l.label} ${l.en}` : l.label) : key;
  };
  const header = [
    { "zh-CN": "单位", en: "Unit" },
    { "zh-CN": "编号", en: "Item id" },
    { "zh-CN": "评议项目", en: "Item" },
    { "zh-CN": "类别", en: "Kind" },
    { "zh-CN": "评议人", en: "Respondents" },
    { "zh-CN": "答案数", en: "Answers" },
    { "zh-CN": "基数", en: "Base" },
    ...labels.map((l) => ({ "zh-CN": l, en: l })),
    { "zh-CN": "好评率%", en: "Positive %" },
    { "zh-CN": "满意度指数", en: "Index" },
    { "zh-CN": "上年指数", en: "Last year" },
    { "zh-CN": "变化", en: "Change" },
    { "zh-CN": "标记", en: "Flags" },
    { "zh-CN": "说明", en: "Notes" },
  ];
  const first = 7;
  const statCells = (s: SurveyStats): SurveyCell[] =>
    "withheld" in s
      ? [s.answers, null, ...labels.map(() => null), null, null]
      : [
          s.answers,
          s.base,
          ...labels.map((l) => (l in s.counts ? (s.counts[l] ?? 0) : null)),
          s.positive ? Number(s.positive.percent) : null,
          s.index,
        ];
  const rows: SurveyCell[][] = [];
  const wholeRows: number[] = [];
  const add = (
    unit: string,
    id: string,
    title: string,
    kind: string,
    who: string,
    s: SurveyStats,
    last: { index: number | null; change: number | null } | null,
    flags: string,
    notes: string,
    whole: boolean,
  ) => {
    if (whole) wholeRows.push(rows.length);
    const withheld = "withheld" in s;
    rows.push([
      unit,
      id,
      title,
      kind,
      who,
      ...statCells(s),
      last?.index ?? null,
      last?.change ?? null,
      flags,
      withheld ? `${WITHHELD_TEXT["zh-CN"]} | ${WITHHELD_TEXT.en}` : notes,
    ]);
  };
  const reasonText = (rs: { fired: boolean; message: { "zh-CN": string; en: string } }[]) =>
    rs
      .filter((r) => r.fired)
      .map((r) => `${r.message["zh-CN"]} | ${r.message.en}`)
      .join("\n");

  for (const item of result.items) {
    const kind = ITEM_KIND_LABELS[item.kind];
    const kindText = `${kind["zh-CN"]} ${kind.en}`;
    add(
      item.unit,
      item.itemId,
      item.title,
      kindText,
      ALL,
      item.stats,
      item.lastYear,
      item.flags.map((f) => FLAG_WORDS[f]).join("；"),
      [item.provisional ? "有重复作答，结果暂定 | duplicate answers, provisional" : "", reasonText(item.reasons)]
        .filter(Boolean)
        .join("\n"),
      true,
    );
    for (const [layer, s] of Object.entries(item.layers))
      add(item.unit, item.itemId, item.title, kindText, layerName(layer), s, null, "", "", false);
  }
  for (const unit of result.units) {
    add(
      unit.unit,
      "",
      `单位综合（${unit.respondents} 人参评）`,
      "单位 Unit",
      ALL,
      unit.stats,
      unit.lastYear,
      unit.flags.map((f) => FLAG_WORDS[f]).join("；"),
      reasonText(unit.reasons),
      true,
    );
    for (const [layer, s] of Object.entries(unit.layers))
      add(unit.unit, "", "单位综合", "单位 Unit", layerName(layer), s, null, "", "", false);
  }
  const index = first + labels.length + 1;
  return {
    header,
    rows,
    columns: { counts: [first, first + labels.length - 1], index, lastIndex: index + 1, change: index + 2 },
    wholeRows,
  };
}
