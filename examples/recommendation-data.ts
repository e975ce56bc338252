/**
 * Two worked cases for 民主推荐 and 公推公选 (spec section 6), with figures a reader can check by hand.
 *
 * Meeting: 40 expected, 36 present (36 x 5 = 180 >= 160: valid), 36 ballots, two posts, three voter types
 * (领导班子成员 2 ballots: withheld; 中层干部 16; 群众代表 18).
 * - 办公室主任 (1 vacancy, 2 places): 钱进 13 (on hold), 周文 12, 吴刚 6, 郑洁 5: 周文 and 吴刚 shortlisted,
 *   郑洁 1 vote behind (1/36 <= 1/20): near tie.
 * - 财务科科长 (2 vacancies, 3 places): 34 valid; 冯雪 26, 陈晨 18, 褚亮 12, 卫东 12: 褚亮 and 卫东 tie across
 *   place 3. One ballot names three (row 14 of the sheet), one is blank for this post.
 *
 * 公推公选 副局长 (1 vacancy), 5 -> 3 -> 2 -> 1:
 * - 第1轮: 50 expected, 45 present, names up to 3; 2 blank. 王海 38, 李明 35, 张丽 28, 赵强 15, 孙悦 13 of 43.
 * - 第2轮: 25 expected, 21 present (105 >= 100), names up to 2. 王海 18, 李明 15, 张丽 9 of 21.
 * - 票决: 9 members, 8 present (24 >= 18); 王海 6 yes (12 > 9): approved; 李明 2 yes: not.
 */
import { decisionTemplate, meetingTemplate, roundTemplate, selectionTemplate } from "../shared/index.ts";

type Rows = (string | number)[][];
const repeat = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);
const voterType = (i: number) => (i < 2 ? "领导班子成员" : i < 18 ? "中层干部" : "群众代表");

const office = [...repeat(13, "钱进"), ...repeat(12, "周文"), ...repeat(6, "吴刚"), ...repeat(5, "郑洁")];
const financeNames = [...repeat(26, "冯雪"), ...repeat(18, "陈晨"), ...repeat(12, "褚亮"), ...repeat(12, "卫东")];
const finance = (i: number) =>
  i < 34 ? `${financeNames[i]}、${financeNames[i + 34]}` : i === 34 ? "冯雪、陈晨、褚亮" : "";

export const MEETING: Rows = meetingTemplate({
  title: "2026 年县直单位中层干部民主推荐会",
  date: "2026-11-24",
  expected: 40,
  attendees: 36,
  voterTypes: ["领导班子成员", "中层干部", "群众代表"],
  posts: [
    {
      label: "办公室主任",
      vacancies: 1,
      candidates: ["周文", "吴刚", "郑洁", "钱进"],
      holds: [{ name: "钱进", reason: "信访举报核查中" }],
    },
    { label: "财务科科长", vacancies: 2, candidates: ["冯雪", "陈晨", "褚亮", "卫东"] },
  ],
  ballots: office.map((name, i) => [`T${String(i + 1).padStart(2, "0")}`, voterType(i), name, finance(i)]),
});

const CANDIDATES = ["王海", "李明", "张丽", "赵强", "孙悦"];
export const SELECTION: Rows = selectionTemplate({
  title: "县发展和改革局副局长公推公选",
  date: "2026-11-26",
  post: "副局长",
  vacancies: 1,
  candidates: CANDIDATES,
});

const round1 = [
  ...repeat(5, ["领导班子成员", "王海、李明、张丽"]),
  ...repeat(15, ["中层干部", "王海、李明、张丽"]),
  ...repeat(10, ["群众代表", "王海、李明、赵强"]),
  ...repeat(8, ["群众代表", "王海、张丽、孙悦"]),
  ...repeat(5, ["中层干部", "李明、赵强、孙悦"]),
  ...repeat(2, ["群众代表", ""]),
];
export const ROUND1: Rows = roundTemplate({
  label: "第一轮 民主推荐",
  advance: 3,
  expected: 50,
  attendees: 45,
  candidates: CANDIDATES,
  ballots: round1.map(([type, names], i) => [`A${String(i + 1).padStart(2, "0")}`, type!, names!]),
});

const round2 = [...repeat(12, "王海、李明"), ...repeat(6, "王海、张丽"), ...repeat(3, "李明、张丽")];
export const ROUND2: Rows = roundTemplate({
  label: "第二轮 全委会差额推荐",
  advance: 2,
  expected: 25,
  attendees: 21,
  candidates: ["王海", "李明", "张丽"],
  ballots: round2.map((names, i) => [`B${String(i + 1).padStart(2, "0")}`, "全委会委员", names]),
});

export const DECISION: Rows = decisionTemplate({
  title: "县委常委会票决",
  date: "2026-11-28",
  post: "副局长",
  vacancies: 1,
  members: 9,
  attendees: 8,
  candidates: ["王海", "李明"],
  votes: [
    ["王海", 6, 1, 1],
    ["李明", 2, 5, 1],
  ],
});
