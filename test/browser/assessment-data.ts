/**
 * A small assessment worked by hand from the spec (docs: /work/shared/spec/assessment.md) under the
 * `default` policy: 4 cadres x 3 rater groups x 7 ballots, plus two bad rows.
 *
 * Every ballot gives one score to all five dimensions (C004 excepted), so a ballot's total T is that
 * score whatever the post's weights. 7 ballots per group >= trim.minBallots: the single highest and
 * lowest go, the mean is over the middle five. The 服务对象 group (weight 0.1) is absent, so the three
 * present groups (0.3 each) are renormalised to 1/3 each: S = (G上级 + G同级 + G下级) / 3.
 * n = 21 valid ballots per cadre; quota floor(1/4 x 4) = 1 excellent place.
 *
 * C001 张三 党政正职
 *   上级 95 | 92 91 90 90 89 | 80  -> 452/5 = 90.4
 *   同级 96 | 91 90 90 89 88 | 70  -> 448/5 = 89.6
 *   下级 99 | 90.99 90 90 89.96 89 | 60 -> 449.95/5 = 89.99
 *   S = 269.99/3 = 89.99666… -> rounds half up to 90.00, and the band compares the rounded value: excellent.
 *   votes 优秀 14, 称职 6, 基本称职 1: (E+C) 20/21 fit; E 14/21 >= 1/2 eligible; the one quota place -> 优秀.
 * C002 李四 党政副职
 *   上级 88 | 85 84 83 82 81 | 70 -> 83;  同级 90 | 86 85 84 83 82 | 75 -> 84;  下级 95 | 85 84 83 82 81 | 60 -> 83
 *   S = 250/3 = 83.33 -> 称职. votes 优秀 4, 称职 10, 基本称职 4, 不称职 2, blank 1:
 *   (E+C) 14/21 is exactly 2/3, not below it -> fit (the boundary holds). Grade 称职, no review.
 * C003 王五 党政正职
 *   上级 90 | 82 81 80 79 78 | 65 -> 80;  同级 85 | 80 79 78 77 76 | 70 -> 78;  下级 88 | 83 82 81 80 79 | 50 -> 81
 *   S = 239/3 = 79.67 -> band 称职, but votes 优秀 3, 称职 10, 基本称职 6, 不称职 2: (E+C) 13/21 < 2/3
 *   (39 < 42) -> 不胜任现职, grade capped at 基本称职, review required.
 * C004 赵六 一般干部
 *   every ballot 德能勤绩 80, 廉 55: T = 0.9 x 80 + 0.1 x 55 = 77.5 (廉 weighs 0.10 in every post), S = 77.50
 *   -> band 称职, but D(廉) = 55 < 60 vetoes -> 不称职, review required. votes 优秀 2, 称职 15, 基本称职 3,
 *   不称职 1: (E+C) 17/21 -> fit.
 * Ranks by exact S: C001 1, C002 2, C003 3, C004 4; within post: C001 1, C003 2 (党政正职), C002 1, C004 1.
 *
 * Bad rows (excluded and reported, sheet rows after the 84 good ones on rows 2..85):
 *   row 86: C002, 廉 = 120 -> out_of_range on integrity;  row 87: C003, group 群众 -> unknown_group on raterGroup.
 */

export type Cell = string | number;

export const CADRE_ROWS: Cell[][] = [
  ["C001", "张三", "一处", "党政正职"],
  ["C002", "李四", "二处", "党政副职"],
  ["C003", "王五", "三处", "党政正职"],
  ["C004", "赵六", "四处", "一般干部"],
];

const GROUPS = [
  ["上级领导", "S"],
  ["同级", "P"],
  ["下级", "X"],
] as const;

/**
 * Per cadre: each group's seven ballot scores (the same score on all five dimensions) or one fixed set of
 * five for every ballot, and the 21 grade votes in ballot order ("" = abstain).
 */
const PLAN: Record<string, { scores: number[][]; five?: number[]; votes: Record<string, number> }> = {
  C001: {
    scores: [
      [95, 92, 91, 90, 90, 89, 80],
      [96, 91, 90, 90, 89, 88, 70],
      [99, 90.99, 90, 90, 89.96, 89, 60],
    ],
    votes: { 优秀: 14, 称职: 6, 基本称职: 1 },
  },
  C002: {
    scores: [
      [88, 85, 84, 83, 82, 81, 70],
      [90, 86, 85, 84, 83, 82, 75],
      [95, 85, 84, 83, 82, 81, 60],
    ],
    votes: { 优秀: 4, 称职: 10, 基本称职: 4, 不称职: 2, "": 1 },
  },
  C003: {
    scores: [
      [90, 82, 81, 80, 79, 78, 65],
      [85, 80, 79, 78, 77, 76, 70],
      [88, 83, 82, 81, 80, 79, 50],
    ],
    votes: { 优秀: 3, 称职: 10, 基本称职: 6, 不称职: 2 },
  },
  C004: {
    scores: [[], [], []].map(() => Array.from({ length: 7 }, () => 77.5)),
    five: [80, 80, 80, 80, 55],
    votes: { 优秀: 2, 称职: 15, 基本称职: 3, 不称职: 1 },
  },
};

function ballotsOf(cadreId: string): Cell[][] {
  const { scores, five, votes } = PLAN[cadreId]!;
  const voteList = Object.entries(votes).flatMap(([v, k]) => Array.from({ length: k }, () => v));
  return GROUPS.flatMap(([group, prefix], g) =>
    scores[g]!.map((x, k) => [`${prefix}${k + 1}`, group, cadreId, ...(five ?? [x, x, x, x, x]), voteList[g * 7 + k]!]),
  );
}

export const BAD_ROWS: Cell[][] = [
  ["S8", "上级领导", "C002", 85, 85, 85, 85, 120, "称职"],
  ["M1", "群众", "C003", 80, 80, 80, 80, 80, "优秀"],
];

/** 测评票 data rows 2..87: the 84 good ballots, then the two bad ones. */
export const BALLOT_ROWS: Cell[][] = [...CADRE_ROWS.flatMap(([id]) => ballotsOf(String(id))), ...BAD_ROWS];

export const EXPECTED_ISSUES = [
  {
    row: 86,
    field: "integrity",
    rule: "out_of_range",
    fieldZh: "廉",
    ruleZh: "超出范围",
    cell: "H86",
    zh: "超出分值范围",
    en: "outside the scale",
  },
  {
    row: 87,
    field: "raterGroup",
    rule: "unknown_group",
    fieldZh: "测评主体",
    ruleZh: "测评主体不符",
    cell: "B87",
    zh: "不是本方案的测评主体",
    en: "is not in the policy",
  },
];

/** What a person checks on 考核结果, worked out above. */
export const EXPECTED_RESULTS = [
  {
    cadreId: "C001",
    rank: 1,
    rankInPost: 1,
    composite: 90,
    grade: "优秀",
    gradeEn: "Excellent",
    verdict: "胜任现职",
    review: "否",
  },
  {
    cadreId: "C002",
    rank: 2,
    rankInPost: 1,
    composite: 83.33,
    grade: "称职",
    gradeEn: "Competent",
    verdict: "胜任现职",
    review: "否",
  },
  {
    cadreId: "C003",
    rank: 3,
    rankInPost: 2,
    composite: 79.67,
    grade: "基本称职",
    gradeEn: "Basically competent",
    verdict: "不胜任现职",
    review: "是",
  },
  {
    cadreId: "C004",
    rank: 4,
    rankInPost: 1,
    composite: 77.5,
    grade: "不称职",
    gradeEn: "Incompetent",
    verdict: "胜任现职",
    review: "是",
  },
];
