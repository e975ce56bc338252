/** Sheet names and fixed bilingual texts of the add-in's sheets. */
import type { Bilingual } from "../../shared/index.ts";

export type Lang = "zh-CN" | "en";

export const SHEETS = {
  cadres: "干部名单",
  ballots: "测评票",
  instructions: "说明 Instructions",
  results: "考核结果",
  store: "_kaoping",
  recommendation: "民主推荐",
  recommendationResult: "推荐结果",
  /** Full detail of the scoring, with the live composite formulas; the charts sit beside it. */
  detail: "考核明细",
  /** The policy's weights (read by the composite formulas) and rules in words. */
  policy: "考核方案",
} as const;

export const pick = (b: Bilingual, lang: Lang): string => b[lang];
/** zh-CN first whatever the language: used where both must show (headers, marks). */
export const both = (b: Bilingual): string => `${b["zh-CN"]} ${b.en}`;

export const TEXT = {
  withheld: { "zh-CN": "不公开", en: "withheld" },
  yes: { "zh-CN": "是", en: "yes" },
  no: { "zh-CN": "否", en: "no" },
  notGraded: { "zh-CN": "未评定", en: "not graded" },
  resultsTitle: {
    "zh-CN": "考核结果（建议等次，须经组织认定）",
    en: "Assessment results (proposed grades, to be confirmed by the organisation)",
  },
} satisfies Record<string, Bilingual>;

/** Fills by grade (Excel's own light palette), competent stays plain. */
export const GRADE_FILLS = {
  excellent: "#C6EFCE",
  basic: "#FFEB9C",
  incompetent: "#FFC7CE",
  quota_tie: "#E4DFEC",
} as const;

/** The mark a result computed without the server carries, exactly as users are told to look for it. */
export const OFFLINE_MARK = "暂定（离线）provisional (offline)";

export const ISSUE_FILL = "#FFC7CE";
