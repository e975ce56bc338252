/**
 * The 民主推荐, 公推公选 and 票决 sheets as grids of cell values (row 1 first, column A first), read the same
 * way by the add-in and the CLI so one workbook gives one answer. Pure: no Excel, no files.
 *
 * Each sheet is a block of "label | value" rows, then tables whose header rows are found by their labels.
 */
import type { Bilingual } from "../vocabulary.ts";
import type { DecisionInput, RecommendationInput, RoundsInput } from "../schemas/recommendation.ts";

export type Grid = readonly (readonly unknown[])[];

export const RECOMMENDATION_SHEETS = {
  meeting: "民主推荐",
  selection: "公推公选",
  decision: "票决",
  /** Round k's sheet: 第1轮, 第2轮 ... */
  round: (k: number) => `第${k}轮`,
} as const;

/** Labels a person sees, Chinese first; the English word after it is what the reader also accepts. */
export const LABELS = {
  title: "会议名称 title",
  date: "会议日期 date",
  expected: "应到 expected",
  attendees: "实到 attendees",
  members: "应到 members",
  post: "岗位 post",
  vacancies: "职数 vacancies",
  candidates: "候选人 candidates",
  holds: "暂缓 holds",
  round: "轮次 round",
  advance: "晋级人数 advance",
  ballotId: "票号 ballotId",
  voterType: "推荐主体 voterType",
  names: "推荐人选 names",
  name: "人选 name",
  yes: "同意 yes",
  no: "不同意 no",
  abstain: "弃权 abstain",
  scrutineers: "监票人 scrutineers",
  tellers: "计票人 tellers",
} as const;
type LabelKey = keyof typeof LABELS;

export const text = (v: unknown): string => {
  if (v === undefined || v === null) return "";
  if (typeof v === "object" && "result" in v) return text((v as { result: unknown }).result);
  if (typeof v === "object" && "richText" in v)
    return ((v as { richText: { text: string }[] }).richText ?? []).map((r) => r.text).join("");
  return String(v).normalize("NFKC").trim();
};

/** A cell names a field when it holds the Chinese label or the English word (any case). */
const isLabel = (cell: unknown, key: LabelKey): boolean => {
  const t = text(cell).toLowerCase();
  if (!t) return false;
  const [zh, en] = LABELS[key].split(" ");
  return t === LABELS[key].toLowerCase() || t === zh || t === en!.toLowerCase() || t.startsWith(`${zh} `);
};

/** "甲、乙, 丙" -> [甲, 乙, 丙]: one cell may list several names. */
export const nameList = (v: unknown): string[] =>
  text(v)
    .split(/[\n、,，;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** "丙：信访举报核查中；丁：…" -> holds. */
const holdList = (v: unknown) =>
  text(v)
    .split(/[\n;；]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [name, ...reason] = s.split(/[:：]/);
      return { name: name!.trim(), reason: reason.join("：").trim() || "核查中" };
    });

export class GridError extends Error {
  constructor(readonly bilingual: Bilingual) {
    super(`${bilingual["zh-CN"]} | ${bilingual.en}`);
  }
}

const value = (grid: Grid, key: LabelKey): unknown => grid.find((r) => isLabel(r[0], key))?.[1];

function count(sheet: string, grid: Grid, key: LabelKey, min: number): number {
  const raw = value(grid, key);
  const t = text(raw);
  if (!/^\d+$/.test(t))
    throw new GridError({
      "zh-CN": `「${sheet}」的「${LABELS[key].split(" ")[0]}」须填写不小于 ${min} 的整数${t ? `，现为「${t}」` : "（未填写）"}`,
      en: `${sheet}: "${LABELS[key].split(" ")[1]}" must be a whole number of at least ${min}${t ? `, got "${t}"` : " (empty)"}`,
    });
  const n = Number(t);
  if (n < min)
    throw new GridError({
      "zh-CN": `「${sheet}」的「${LABELS[key].split(" ")[0]}」须不小于 ${min}，现为 ${n}`,
      en: `${sheet}: "${LABELS[key].split(" ")[1]}" must be at least ${min}, got ${n}`,
    });
  return n;
}

const optionalText = (grid: Grid, key: LabelKey) => text(value(grid, key)) || undefined;

/** The row index of a table's header (the row holding `key` in some cell), and each label's column. */
function table(grid: Grid, key: LabelKey): { at: number; col: (k: LabelKey) => number; header: string[] } | null {
  const at = grid.findIndex((r) => r.some((c) => isLabel(c, key)));
  if (at < 0) return null;
  const header = (grid[at] ?? []).map(text);
  return { at, header, col: (k) => (grid[at] ?? []).findIndex((c) => isLabel(c, k)) };
}

const missing = (sheet: string, key: LabelKey): GridError =>
  new GridError({
    "zh-CN": `「${sheet}」中找不到表头「${LABELS[key]}」；请按模板保留该表头行`,
    en: `${sheet}: no header "${LABELS[key]}" found; keep the template's header row`,
  });

const blankRow = (r: readonly unknown[] | undefined) => !r || r.every((c) => text(c) === "");

/** The 民主推荐 sheet: meeting counts, the posts table, then one ballot per row with a column per post. */
export function meetingFromGrid(grid: Grid, sheet: string = RECOMMENDATION_SHEETS.meeting): RecommendationInput {
  const posts = table(grid, "vacancies");
  if (!posts) throw missing(sheet, "vacancies");
  const postRows: RecommendationInput["posts"] = [];
  for (let r = posts.at + 1; r < grid.length && !blankRow(grid[r]); r++) {
    const row = grid[r]!;
    const label = text(row[posts.col("post")]);
    const v = text(row[posts.col("vacancies")]);
    if (!label) continue;
    if (!/^\d+$/.test(v) || Number(v) < 1)
      throw new GridError({
        "zh-CN": `「${sheet}」第 ${r + 1} 行：岗位「${label}」的职数须为正整数${v ? `，现为「${v}」` : ""}`,
        en: `${sheet} row ${r + 1}: the vacancies of "${label}" must be a positive whole number${v ? `, got "${v}"` : ""}`,
      });
    const holdsCol = posts.col("holds");
    const holds = holdsCol >= 0 ? holdList(row[holdsCol]) : [];
    postRows.push({
      key: `P${postRows.length + 1}`,
      label,
      vacancies: Number(v),
      candidates: nameList(row[posts.col("candidates")]),
      ...(holds.length ? { holds } : {}),
    });
  }
  if (postRows.length === 0)
    throw new GridError({
      "zh-CN": `「${sheet}」的岗位表为空：请在「${LABELS.post}」下每行填写一个岗位`,
      en: `${sheet}: the posts table is empty; list one post per row under "${LABELS.post}"`,
    });
  const ballots = table(grid, "ballotId");
  if (!ballots) throw missing(sheet, "ballotId");
  const typeCol = ballots.col("voterType");
  const idCol = ballots.col("ballotId");
  const postCols = postRows.map((p) => {
    const c = ballots.header.findIndex((h) => h === p.label || h.split(" ")[0] === p.label);
    if (c < 0)
      throw new GridError({
        "zh-CN": `「${sheet}」的推荐票表头中没有岗位「${p.label}」的列；请为每个岗位保留一列`,
        en: `${sheet}: the ballot header has no column for the post "${p.label}"; keep one column per post`,
      });
    return c;
  });
  const rows: RecommendationInput["ballots"] = [];
  for (let r = ballots.at + 1; r < grid.length; r++) {
    const row = grid[r]!;
    if (blankRow(row)) continue;
    // A row with a ballot id but no names is a blank ballot: kept, so the tally reports it.
    rows.push({
      ballotId: text(row[idCol]),
      row: r + 1,
      ...(typeCol >= 0 && text(row[typeCol]) ? { voterType: text(row[typeCol]) } : {}),
      choices: Object.fromEntries(postRows.map((p, i) => [p.key, nameList(row[postCols[i]!])])),
    });
  }
  const types = nameList(value(grid, "voterType"));
  return {
    ...(optionalText(grid, "title") ? { title: optionalText(grid, "title") } : {}),
    ...(optionalText(grid, "date") ? { date: optionalText(grid, "date") } : {}),
    expected: count(sheet, grid, "expected", 1),
    attendees: count(sheet, grid, "attendees", 0),
    ...(types.length ? { voterTypes: types.map((t) => ({ key: t, label: t })) } : {}),
    posts: postRows,
    ballots: rows,
  };
}

/** The 公推公选 sheet (post, vacancies, candidates, holds) and its round sheets 第1轮, 第2轮 … in order. */
export function roundsFromGrids(selection: Grid, rounds: readonly { name: string; grid: Grid }[]): RoundsInput {
  const sheet = RECOMMENDATION_SHEETS.selection;
  const post = optionalText(selection, "post");
  if (!post) throw missing(sheet, "post");
  const holds = holdList(value(selection, "holds"));
  return {
    ...(optionalText(selection, "title") ? { title: optionalText(selection, "title") } : {}),
    ...(optionalText(selection, "date") ? { date: optionalText(selection, "date") } : {}),
    post,
    vacancies: count(sheet, selection, "vacancies", 1),
    candidates: nameList(value(selection, "candidates")),
    ...(holds.length ? { holds } : {}),
    rounds: rounds.map(({ name, grid }) => {
      const t = table(grid, "ballotId");
      if (!t) throw missing(name, "ballotId");
      const namesCol = t.col("names");
      if (namesCol < 0) throw missing(name, "names");
      const ballots: RoundsInput["rounds"][number]["ballots"] = [];
      for (let r = t.at + 1; r < grid.length; r++) {
        const row = grid[r]!;
        if (blankRow(row)) continue;
        const type = t.col("voterType") >= 0 ? text(row[t.col("voterType")]) : "";
        ballots.push({
          ballotId: text(row[t.col("ballotId")]),
          row: r + 1,
          ...(type ? { voterType: type } : {}),
          names: nameList(row[namesCol]),
        });
      }
      return {
        label: optionalText(grid, "round") ?? name,
        advance: count(name, grid, "advance", 1),
        expected: count(name, grid, "expected", 1),
        attendees: count(name, grid, "attendees", 0),
        ballots,
      };
    }),
  };
}

/** The 票决 sheet: members and attendees, then one candidate per row with yes, no and abstain. */
export function decisionFromGrid(grid: Grid, sheet: string = RECOMMENDATION_SHEETS.decision): DecisionInput {
  const t = table(grid, "yes");
  if (!t) throw missing(sheet, "yes");
  const candidates: DecisionInput["candidates"] = [];
  for (let r = t.at + 1; r < grid.length && !blankRow(grid[r]); r++) {
    const row = grid[r]!;
    const name = text(row[t.col("name")]);
    if (!name) continue;
    const num = (k: "yes" | "no" | "abstain") => {
      const v = text(row[t.col(k)]);
      if (v === "" && k !== "yes") return 0;
      if (!/^\d+$/.test(v))
        throw new GridError({
          "zh-CN": `「${sheet}」第 ${r + 1} 行：「${LABELS[k].split(" ")[0]}」须为非负整数${v ? `，现为「${v}」` : "（未填写）"}`,
          en: `${sheet} row ${r + 1}: "${LABELS[k].split(" ")[1]}" must be a whole number${v ? `, got "${v}"` : " (empty)"}`,
        });
      return Number(v);
    };
    candidates.push({ name, yes: num("yes"), no: num("no"), abstain: num("abstain") });
  }
  const post = optionalText(grid, "post");
  const vacancies = text(value(grid, "vacancies"));
  return {
    ...(optionalText(grid, "title") ? { title: optionalText(grid, "title") } : {}),
    ...(optionalText(grid, "date") ? { date: optionalText(grid, "date") } : {}),
    ...(post ? { post } : {}),
    ...(/^\d+$/.test(vacancies) && Number(vacancies) > 0 ? { vacancies: Number(vacancies) } : {}),
    members: count(sheet, grid, "members", 1),
    attendees: count(sheet, grid, "attendees", 0),
    candidates,
  };
}

/** Round sheets of a workbook in order (第1轮, 第2轮 …), given its sheet names. */
export const roundSheetNames = (names: readonly string[]): string[] =>
  names
    .map((n) => ({ n, k: /^第\s*(\d+)\s*轮/.exec(n.normalize("NFKC").trim())?.[1] }))
    .filter((x) => x.k !== undefined)
    .sort((a, b) => Number(a.k) - Number(b.k))
    .map((x) => x.n);
