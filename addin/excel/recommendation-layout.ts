/** 民主推荐 template and 推荐结果 sheet as plain rows, and parsing the filled template back. Pure. */
import type { RecommendationResult } from "../../shared/index.ts";
import { both, pick, TEXT, type Lang } from "./labels.ts";

/** Row 1 holds the vacancies, row 3 the header, ballots from row 4; the candidate list sits right of the choices. */
export const TEMPLATE = { vacanciesRow: 0, headerRow: 2, firstBallotRow: 3 } as const;
export const candidateColumn = (vacancies: number) => vacancies + 2;

export function templateRows(candidates: readonly string[], vacancies: number, lang: Lang): (string | number)[][] {
  const note =
    lang === "zh-CN"
      ? "每行一张推荐票，每格填一人；空白票、超过职数或重复推荐为无效票 | one row per ballot, one name per cell; blank, over-vacancy or repeated names are invalid"
      : "One row per ballot, one name per cell; blank, over-vacancy or repeated names are invalid | 每行一张推荐票，每格填一人";
  const header = [
    "票号 ballotId",
    ...Array.from({ length: vacancies }, (_, i) => `推荐${i + 1} choice ${i + 1}`),
    "",
    "候选人 candidates",
  ];
  return [
    ["职数 vacancies", vacancies, note],
    [],
    header,
    ...candidates.map((c) => [...Array.from({ length: vacancies + 2 }, () => ""), c]),
  ];
}

const text = (v: unknown) => (v === undefined || v === null ? "" : String(v).normalize("NFKC").trim());

export interface ParsedRecommendation {
  candidates: string[];
  vacancies: number;
  ballots: { ballotId: string; names: string[]; row: number }[];
}

/** `values` start at sheet row 1, column A. Header cells are found by their keys, so added columns do no harm. */
export function parseTemplate(values: readonly unknown[][]): ParsedRecommendation {
  const vacancies = Number(values[TEMPLATE.vacanciesRow]?.[1]);
  const headerAt = values.findIndex((r) => r.some((c) => /ballotId|票号/i.test(text(c))));
  const header = (values[headerAt] ?? []).map(text);
  const choiceCols = header.flatMap((h, i) => (/choice|推荐\d/i.test(h) ? [i] : []));
  const idCol = header.findIndex((h) => /ballotId|票号/i.test(h));
  const candCol = header.findIndex((h) => /candidates|候选人/i.test(h));
  const candidates: string[] = [];
  const ballots: ParsedRecommendation["ballots"] = [];
  for (let r = headerAt + 1; headerAt >= 0 && r < values.length; r++) {
    const row = values[r]!;
    const cand = candCol >= 0 ? text(row[candCol]) : "";
    if (cand) candidates.push(cand);
    const ballotId = idCol >= 0 ? text(row[idCol]) : "";
    const names = choiceCols.map((c) => text(row[c])).filter((n) => n !== "");
    // A row with a ballot id but no names is a blank ballot: kept, so the tally reports it.
    if (ballotId || names.length) ballots.push({ ballotId, names, row: r + 1 });
  }
  return {
    candidates,
    vacancies: Number.isInteger(vacancies) && vacancies > 0 ? vacancies : choiceCols.length,
    ballots,
  };
}

/** What this sheet shows of a tally (the core's result, or the API's answer, which has the same shape). */
export type RecommendationView = Omit<RecommendationResult, "reviewRequired" | "quorum"> & {
  quorum: Omit<RecommendationResult["quorum"], "attendees" | "expected">;
};

export function resultRows(r: RecommendationView, lang: Lang): (string | number)[][] {
  const yn = (b: boolean) => pick(b ? TEXT.yes : TEXT.no, lang);
  const rows: (string | number)[][] = [
    ["民主推荐结果 Recommendation result"],
    [
      "会议 quorum",
      pick(r.quorum.message, lang),
      r.quorum.fraction,
      `${r.quorum.percent}%`,
      pick(r.quorum.valid ? { "zh-CN": "有效", en: "valid" } : { "zh-CN": "无效", en: "not valid" }, lang),
    ],
    ["推荐票 ballots", r.ballots, "有效 valid", r.validBallots, "无效 invalid", r.invalid.length],
    [
      "过半基数 majority base",
      r.base.kind === "attendees" ? "实到人数 attendees" : "有效票 valid ballots",
      r.base.value,
    ],
    ["结论 outcome", pick(r.message, lang), `入围名额 places ${r.shortlistSize}`],
    [],
    [
      "候选人 candidate",
      "得票 votes",
      "比例 fraction",
      "得票率 share",
      "过半 qualifies",
      "入围 shortlisted",
      "并列待定 tie at cut",
    ],
    ...r.tally.map((t) => [
      t.candidate,
      t.votes,
      t.fraction,
      /^\d/.test(t.percent) ? `${t.percent}%` : t.percent,
      yn(t.qualifies),
      yn(r.shortlist.includes(t.candidate)),
      r.tied.includes(t.candidate) ? both({ "zh-CN": "并列待定", en: "tie" }) : "",
    ]),
  ];
  if (r.invalid.length) {
    rows.push([], ["无效票 invalid ballots"], ["行 row", "票号 ballotId", "原因 code", "说明 message"]);
    for (const b of r.invalid) rows.push([b.row, b.ballotId, b.code, pick(b.message, lang)]);
  }
  return rows;
}
/** Sheet row (0-based) of the tally header in resultRows. */
export const TALLY_HEADER_ROW = 6;
