/** The fixed vocabulary of spec section 1: keys are the JSON names, labels the sheet headers. */

export const DIMENSIONS = ["morality", "ability", "diligence", "achievement", "integrity"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<Dimension, { "zh-CN": string; en: string }> = {
  morality: { "zh-CN": "德", en: "Morality" },
  ability: { "zh-CN": "能", en: "Ability" },
  diligence: { "zh-CN": "勤", en: "Diligence" },
  achievement: { "zh-CN": "绩", en: "Achievement" },
  integrity: { "zh-CN": "廉", en: "Integrity" },
};

export const GRADES = ["excellent", "competent", "basic", "incompetent"] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Record<Grade | "quota_tie", { "zh-CN": string; en: string }> = {
  excellent: { "zh-CN": "优秀", en: "Excellent" },
  competent: { "zh-CN": "称职", en: "Competent" },
  basic: { "zh-CN": "基本称职", en: "Basically competent" },
  incompetent: { "zh-CN": "不称职", en: "Incompetent" },
  quota_tie: { "zh-CN": "名额并列待定", en: "Quota tie (committee decides)" },
};

/** Most severe last: a lower index is a better grade. */
export const GRADE_SEVERITY: Record<Grade, number> = { excellent: 0, competent: 1, basic: 2, incompetent: 3 };

export const VERDICT_LABELS = {
  fit: { "zh-CN": "胜任现职", en: "Fit for post" },
  unfit_for_post: { "zh-CN": "不胜任现职", en: "Unfit for post" },
} as const;
export type Verdict = keyof typeof VERDICT_LABELS;

export type Bilingual = { "zh-CN": string; en: string };

/** Canonical table fields (spec section 2): JSON key and Chinese header. */
export const CADRE_FIELDS = {
  cadreId: "编号",
  name: "姓名",
  unit: "单位",
  post: "岗位类别",
} as const;

export const BALLOT_FIELDS = {
  ballotId: "票号",
  raterGroup: "测评主体",
  cadreId: "编号",
  morality: "德",
  ability: "能",
  diligence: "勤",
  achievement: "绩",
  integrity: "廉",
  gradeVote: "等次",
} as const;

export const SHEET_NAMES = {
  cadres: ["Cadres", "干部名单"],
  ballots: ["Ballots", "测评票"],
} as const;
