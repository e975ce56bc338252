/**
 * A realistic small assessment: 12 cadres of a county across the five post categories, four rater
 * groups (3 superiors, 8 peers, 8 subordinates, 2 service users), and a few deliberate mistakes of the
 * kind HR meets on paper ballots, so the Issues sheet has something to show.
 */

export type Row = (string | number | undefined)[];
export interface Table {
  headers: string[];
  rows: Row[];
}

const CADRES: [id: string, name: string, unit: string, post: string, quality: number, disciplinary?: string][] = [
  ["C001", "王建国", "县委办公室", "党政正职", 91],
  ["C002", "李秀英", "县发展和改革局", "党政正职", 87],
  ["C003", "张伟", "县财政局", "党政正职", 82, "是"],
  ["C004", "刘洋", "县委办公室", "党政副职", 88],
  ["C005", "陈静", "县教育局", "党政副职", 79],
  ["C006", "杨帆", "县卫生健康局", "党政副职", 63],
  ["C007", "赵敏", "县财政局", "部门负责人", 85],
  ["C008", "黄磊", "县自然资源局", "部门负责人", 76],
  ["C009", "周婷", "县卫生健康局", "专业技术", 92],
  ["C010", "吴刚", "县自然资源局", "专业技术", 72],
  ["C011", "徐丽", "县教育局", "一般干部", 84],
  ["C012", "孙浩", "县发展和改革局", "一般干部", 69],
];

const RATERS: [group: string, prefix: string, count: number][] = [
  ["上级领导", "S", 3],
  ["同级", "P", 8],
  ["下级", "X", 8],
  ["服务对象", "F", 2],
];

/** Deterministic, so the example files are the same on every run. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp = (x: number) => Math.max(40, Math.min(100, x));
const voteFor = (total: number) => (total >= 88 ? "优秀" : total >= 72 ? "称职" : total >= 62 ? "基本称职" : "不称职");

export function exampleTables(): { cadres: Table; ballots: Table } {
  const random = mulberry32(2026);
  const cadres: Table = {
    headers: ["编号", "姓名", "单位", "岗位类别", "违纪记录"],
    rows: CADRES.map(([id, name, unit, post, , disciplinary]) => [id, name, unit, post, disciplinary ?? "否"]),
  };
  const rows: Row[] = [];
  for (const [group, prefix, count] of RATERS) {
    for (let k = 1; k <= count; k++) {
      for (const [id, , , , quality] of CADRES) {
        // Half-point steps, as raters write them; service users tick level labels instead of points.
        const score = () => clamp(Math.round((quality + (random() - 0.5) * 16) * 2) / 2);
        const dims = [score(), score(), score(), score(), score()];
        const total = dims.reduce((a, b) => a + b, 0) / 5;
        const cells: Row =
          group === "服务对象"
            ? dims.map((s) => (s >= 90 ? "好" : s >= 80 ? "较好" : s >= 65 ? "一般" : "较差"))
            : dims;
        rows.push([
          `${prefix}${String(k).padStart(2, "0")}`,
          group,
          id,
          ...cells,
          random() < 0.05 ? undefined : voteFor(total),
        ]);
      }
    }
  }
  // Deliberate mistakes (reported on the Issues sheet, never silently dropped):
  rows[5]![6] = 105; // 绩 out of range
  rows[17]![1] = "领导"; // not a rater group of the policy
  rows[30]![8] = "良好"; // not a grade vote
  rows[44]![7] = undefined; // 廉 left blank
  rows.splice(60, 0, [...rows[59]!]); // the same ballot typed twice
  rows.push(["P09", "同级", "C099", 85, 85, 85, 85, 85, "称职"]); // a cadre not on the list
  return { cadres, ballots: { headers: ["票号", "测评主体", "编号", "德", "能", "勤", "绩", "廉", "等次"], rows } };
}

/** The headers the add-in's template writes: Chinese label and English key. */
export const BILINGUAL_HEADERS = {
  cadres: ["编号 cadreId", "姓名 name", "单位 unit", "岗位类别 post", "违纪记录 disciplinary"],
  ballots: [
    "票号 ballotId",
    "测评主体 / raterGroup",
    "编号 cadreId",
    "德 Morality",
    "能 Ability",
    "勤 Diligence",
    "绩 Achievement",
    "廉 Integrity",
    "等次 Grade vote",
  ],
};
