/** Blank 民主推荐, 公推公选 round and 票决 sheets as rows, in the layout grid.ts reads back. Pure. */
import { LABELS } from "./grid.ts";

type Rows = (string | number)[][];

export interface TemplatePost {
  label: string;
  vacancies: number;
  candidates: readonly string[];
  holds?: readonly { name: string; reason: string }[];
}

const holdsText = (holds: TemplatePost["holds"]) => (holds ?? []).map((h) => `${h.name}：${h.reason}`).join("；");

/** The meeting sheet: counts, posts, then a ballot table with one column per post (names separated by 、). */
export function meetingTemplate(m: {
  title?: string;
  date?: string;
  expected?: number;
  attendees?: number;
  posts: readonly TemplatePost[];
  /** 推荐主体 of this meeting; when listed, a ballot of another type is reported. */
  voterTypes?: readonly string[];
  ballots?: Rows;
}): Rows {
  return [
    [
      "民主推荐票 Recommendation ballots",
      "每行一张票；每个岗位一格，多人用「、」分隔 | one row per ballot; one cell per post, names separated by 、",
    ],
    [LABELS.title, m.title ?? ""],
    [LABELS.date, m.date ?? ""],
    [LABELS.expected, m.expected ?? ""],
    [LABELS.attendees, m.attendees ?? ""],
    [LABELS.voterType, (m.voterTypes ?? []).join("、")],
    [],
    [LABELS.post, LABELS.vacancies, LABELS.candidates, LABELS.holds],
    ...m.posts.map((p) => [p.label, p.vacancies, p.candidates.join("、"), holdsText(p.holds)]),
    [],
    [LABELS.ballotId, LABELS.voterType, ...m.posts.map((p) => p.label)],
    ...(m.ballots ?? []),
  ];
}

export function selectionTemplate(s: {
  title?: string;
  date?: string;
  post: string;
  vacancies: number;
  candidates: readonly string[];
  holds?: TemplatePost["holds"];
}): Rows {
  return [
    ["公推公选 Open selection", "每一轮在「第N轮」工作表计票 | each round is counted on its own sheet 第N轮"],
    [LABELS.title, s.title ?? ""],
    [LABELS.date, s.date ?? ""],
    [LABELS.post, s.post],
    [LABELS.vacancies, s.vacancies],
    [LABELS.candidates, s.candidates.join("、")],
    [LABELS.holds, holdsText(s.holds)],
  ];
}

export function roundTemplate(r: {
  label: string;
  advance: number;
  expected?: number;
  attendees?: number;
  candidates: readonly string[];
  ballots?: Rows;
}): Rows {
  return [
    [LABELS.round, r.label],
    [LABELS.advance, r.advance],
    [LABELS.expected, r.expected ?? ""],
    [LABELS.attendees, r.attendees ?? ""],
    [LABELS.candidates, r.candidates.join("、")],
    [],
    [LABELS.ballotId, LABELS.voterType, LABELS.names],
    ...(r.ballots ?? []),
  ];
}

export function decisionTemplate(d: {
  title?: string;
  date?: string;
  post?: string;
  vacancies?: number;
  members?: number;
  attendees?: number;
  candidates: readonly string[];
  votes?: Rows;
}): Rows {
  return [
    ["票决 Decision vote", "同意票须超过应到人数的半数 | approval needs more than half of all members"],
    [LABELS.title, d.title ?? ""],
    [LABELS.date, d.date ?? ""],
    [LABELS.post, d.post ?? ""],
    [LABELS.vacancies, d.vacancies ?? ""],
    [LABELS.members, d.members ?? ""],
    [LABELS.attendees, d.attendees ?? ""],
    [],
    [LABELS.name, LABELS.yes, LABELS.no, LABELS.abstain],
    ...(d.votes ?? d.candidates.map((c) => [c, "", "", ""])),
  ];
}
