/**
 * A worked survey (一报告两评议) for two counties and two years, small enough to check by hand.
 * 甲县 2026, item W1: 10 很满意, 20 满意, 6 基本满意, 2 不太满意, 2 不满意 (+2 不了解) -> index 75.50.
 * 乙县 has only 2 grassroots respondents: that layer is withheld everywhere.
 */
export interface SurveyTablesSpec {
  items: { itemId: string; unit: string; title: string; kind: string; scale?: string }[];
  /** item -> layer label -> answer -> how many; respondents of a layer are numbered in order. */
  answers: Record<string, Record<string, Record<string, number>>>;
  respondents: Record<string, Record<string, number>>;
}

const C = "全委会委员";
const L = "本级领导班子成员";
const G = "基层干部群众";

export const SURVEY_2026: SurveyTablesSpec = {
  items: [
    { itemId: "J-W1", unit: "甲县", title: "选人用人工作总体评价", kind: "选人用人工作" },
    { itemId: "J-P1", unit: "甲县", title: "整治用人上不正之风工作", kind: "整治用人上不正之风", scale: "work" },
    { itemId: "J-C1", unit: "甲县", title: "李四（县交通局局长）", kind: "新提拔干部" },
    { itemId: "J-C2", unit: "甲县", title: "王五（县财政局副局长）", kind: "新提拔干部" },
    { itemId: "Y-W1", unit: "乙县", title: "选人用人工作总体评价", kind: "选人用人工作" },
    { itemId: "Y-C1", unit: "乙县", title: "赵六（县教育局局长）", kind: "新提拔干部" },
  ],
  respondents: { 甲县: { [C]: 15, [L]: 12, [G]: 15 }, 乙县: { [C]: 10, [L]: 8, [G]: 2 } },
  answers: {
    "J-W1": {
      [C]: { 很满意: 4, 满意: 8, 基本满意: 2, 不太满意: 1 },
      [L]: { 很满意: 3, 满意: 6, 基本满意: 2, 不满意: 1 },
      [G]: { 很满意: 3, 满意: 6, 基本满意: 2, 不太满意: 1, 不满意: 1, 不了解: 2 },
    },
    "J-P1": {
      [C]: { 好: 8, 较好: 5, 一般: 2 },
      [L]: { 好: 6, 较好: 4, 一般: 2 },
      [G]: { 好: 6, 较好: 3, 一般: 2, 差: 2 },
    },
    "J-C1": {
      [C]: { 认同: 10, 基本认同: 3, 不认同: 2 },
      [L]: { 认同: 8, 基本认同: 3, 不认同: 1 },
      [G]: { 认同: 9, 基本认同: 3, 不了解: 3 },
    },
    "J-C2": {
      [C]: { 认同: 6, 基本认同: 3, 不认同: 6 },
      [L]: { 认同: 5, 基本认同: 3, 不认同: 4 },
      [G]: { 认同: 4, 基本认同: 4, 不认同: 5 },
    },
    "Y-W1": {
      [C]: { 很满意: 5, 满意: 4, 基本满意: 1 },
      [L]: { 很满意: 4, 满意: 3, 基本满意: 1 },
      [G]: { 满意: 1, 不满意: 1 },
    },
    "Y-C1": { [C]: { 认同: 8, 基本认同: 2 }, [L]: { 认同: 6, 基本认同: 2 }, [G]: { 认同: 2 } },
  },
};

/**
 * 2025: 甲县's unit index (W1 and P1 pooled) was (1700 + 1820) / 40 = 88.00; in 2026 it is
 * (3020 + 3320) / 80 = 79.25, a fall of 8.75 (more than the step 5: 重点督导). 乙县: 86.00 to 83.00, not flagged.
 */
export const SURVEY_2025: SurveyTablesSpec = {
  items: [
    { itemId: "J-W1", unit: "甲县", title: "选人用人工作总体评价", kind: "选人用人工作" },
    { itemId: "J-P1", unit: "甲县", title: "整治用人上不正之风工作", kind: "整治用人上不正之风", scale: "work" },
    { itemId: "Y-W1", unit: "乙县", title: "选人用人工作总体评价", kind: "选人用人工作" },
  ],
  respondents: { 甲县: { [C]: 10, [L]: 10 }, 乙县: { [C]: 10 } },
  answers: {
    // 10 很满意, 5 满意, 5 基本满意 of 20 -> (1000 + 400 + 300) / 20 = 85.
    "J-W1": { [C]: { 很满意: 5, 满意: 3, 基本满意: 2 }, [L]: { 很满意: 5, 满意: 2, 基本满意: 3 } },
    "J-P1": { [C]: { 好: 6, 较好: 4 }, [L]: { 好: 5, 较好: 5 } },
    "Y-W1": { [C]: { 很满意: 4, 满意: 5, 基本满意: 1 } },
  },
};

/** The two tables as rows (header first), forms numbered per unit and layer. */
export function surveyRows(spec: SurveyTablesSpec): { items: (string | number)[][]; answers: (string | number)[][] } {
  const items = [
    ["编号 itemId", "单位 unit", "评议项目 title", "类别 kind", "量表 scale"],
    ...spec.items.map((i) => [i.itemId, i.unit, i.title, i.kind, i.scale ?? ""]),
  ];
  const answers: (string | number)[][] = [["票号 respondentId", "身份 layer", "项目编号 itemId", "评价 answer"]];
  for (const item of spec.items) {
    const byLayer = spec.answers[item.itemId] ?? {};
    for (const [layer, counts] of Object.entries(byLayer)) {
      let form = 0;
      const prefix = `${item.unit}-${Object.keys(spec.respondents[item.unit] ?? {}).indexOf(layer) + 1}`;
      for (const [answer, n] of Object.entries(counts))
        for (let k = 0; k < n; k++)
          answers.push([`${prefix}-${String(++form).padStart(3, "0")}`, layer, item.itemId, answer]);
    }
  }
  return { items, answers };
}
