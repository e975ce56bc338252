/**
 * 现场公布: the one-page announcement of a post's tally, a round or a decision vote, as plain rows that the
 * CLI (exceljs) and the add-in (office.js) both lay out on an A4 page. Pure.
 */
import type {
  CandidateStatus,
  DecisionResult,
  PostResult,
  RecommendationResult,
  RoundsResult,
} from "../schemas/recommendation.ts";

export interface Announcement {
  /** Worksheet name (Excel: at most 31 characters, none of : \ / ? * [ ]). */
  sheet: string;
  title: string;
  /** Lines under the title: post, meeting, date, counts. */
  lines: string[];
  header: string[];
  rows: (string | number)[][];
  /** Rows (0-based within `rows`) that carry a flag, for a fill. */
  flagged: number[];
  /** Flags and notes in words. */
  notes: string[];
  signatures: string;
}

export const STATUS_WORDS: Record<CandidateStatus, string> = {
  shortlisted: "考察对象",
  tie: "并列待定",
  near_tie: "票数相差不大-建议一并考察",
  held: "暂缓(核查中)",
  below_floor: "未达得票集中线",
  no_votes: "未得票",
  not_shortlisted: "",
  meeting_invalid: "会议无效",
};

const ROUND_WORDS: Partial<Record<CandidateStatus, string>> = { shortlisted: "晋级", not_shortlisted: "未晋级" };

export const SIGNATURES = "监票人（签字）：______________      计票人（签字）：______________";

/** An Excel sheet name from free text: forbidden characters dropped, at most 31 characters, unique. */
export function sheetName(base: string, taken: Set<string>): string {
  const clean = base.replace(/[:\\/?*[\]]/g, "").slice(0, 31) || "Sheet";
  let name = clean;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${clean.slice(0, 31 - String(k).length - 1)}-${k}`;
  taken.add(name.toLowerCase());
  return name;
}

function tallyTable(post: PostResult, words: Partial<Record<CandidateStatus, string>>) {
  const types = post.types.filter((t) => t.validBallots > 0 || post.types.length > 1);
  const showTypes = types.length > 1 || (types.length === 1 && types[0]!.key !== "");
  const header = [
    "名次 Rank",
    "姓名 Name",
    "得票 Votes",
    "得票率 Share",
    ...(post.weights ? ["加权得票率 Weighted"] : []),
    ...(showTypes ? types.map((t) => `${t.label.split(" ")[0]}得票率`) : []),
    "结果 Outcome",
  ];
  const flagged: number[] = [];
  const rows = post.candidates.map((c, i) => {
    const word = words[c.status] ?? STATUS_WORDS[c.status];
    if (["tie", "near_tie", "held"].includes(c.status)) flagged.push(i);
    return [
      c.rank,
      c.name + (c.writeIn ? "（另选）" : ""),
      c.votes,
      `${c.percent}%`,
      ...(post.weights ? [`${c.sharePercent}%`] : []),
      ...(showTypes
        ? types.map((t) => {
            const x = c.byType[t.key];
            return !x || x.withheld ? "不足3票不公布" : `${x.percent}%（${x.votes}/${x.validBallots}）`;
          })
        : []),
      c.status === "held" ? `${word}：${c.hold ?? ""}` : word,
    ];
  });
  return { header, rows, flagged };
}

/** One announcement per post of a recommendation meeting. */
export function recommendationAnnouncements(r: RecommendationResult, taken = new Set<string>()): Announcement[] {
  return r.posts.map((post) => {
    const t = tallyTable(post, {});
    const meeting = [r.title ? `会议：${r.title}` : "", r.date ? `日期：${r.date}` : ""].filter(Boolean).join("    ");
    return {
      sheet: sheetName(`现场公布-${post.label}`, taken),
      title: `民主推荐结果（${post.label}）`,
      lines: [
        ...(meeting ? [meeting] : []),
        `岗位：${post.label}    职数：${post.vacancies}    考察名额：${post.places}`,
        `应到 ${r.quorum.expected} 人，实到 ${r.quorum.attendees} 人（${r.quorum.percent}%），${r.quorum.valid ? "会议有效" : "未达到法定人数，会议无效"}`,
        `收回推荐票 ${r.ballots} 张，本岗位有效票 ${post.validBallots} 张，无效票 ${post.invalidBallots} 张`,
      ],
      header: t.header,
      rows: t.rows,
      flagged: t.flagged,
      notes: [
        ...post.flags.map((f) => f.message["zh-CN"]),
        ...r.meetingChecks.filter((c) => c.code !== "quorum_not_met").map((c) => `【暂定】${c.message["zh-CN"]}`),
        `考察对象：${post.shortlist.join("、") || "无"}`,
      ],
      signatures: SIGNATURES,
    };
  });
}

/** One announcement per round that was counted. */
export function roundAnnouncements(r: RoundsResult, taken = new Set<string>()): Announcement[] {
  return r.rounds.flatMap((round) => {
    if (!round.tally || !round.quorum) return [];
    const t = tallyTable(round.tally, ROUND_WORDS);
    const last = round.round === r.rounds.length;
    return [
      {
        sheet: sheetName(`现场公布-${round.label}`, taken),
        title: `${r.title ?? "公推公选"}：${round.label}结果`,
        lines: [
          [r.title ? `会议：${r.title}` : "", r.date ? `日期：${r.date}` : ""].filter(Boolean).join("    "),
          `岗位：${r.post}    职数：${r.vacancies}    本轮 ${round.entered.length} 进 ${round.tally.places}`,
          `应到 ${round.quorum.expected} 人，实到 ${round.quorum.attendees} 人（${round.quorum.percent}%），${round.quorum.valid ? "会议有效" : "未达到法定人数，会议无效"}`,
          `收回票 ${round.tally.validBallots + round.invalid.length} 张，有效票 ${round.tally.validBallots} 张，无效票 ${round.invalid.length} 张`,
        ].filter(Boolean),
        header: t.header,
        rows: t.rows,
        flagged: t.flagged,
        notes: [
          ...round.tally.flags.map((f) => f.message["zh-CN"]),
          ...round.meetingChecks.filter((c) => c.code !== "quorum_not_met").map((c) => `【暂定】${c.message["zh-CN"]}`),
          `晋级：${round.advanced.join("、") || "无"}`,
          ...(last ? r.flags.map((f) => f.message["zh-CN"]) : []),
        ],
        signatures: SIGNATURES,
      },
    ];
  });
}

/** The announcement of a decision vote. */
export function decisionAnnouncement(r: DecisionResult, taken = new Set<string>()): Announcement {
  return {
    sheet: sheetName(`票决结果${r.post ? `-${r.post}` : ""}`, taken),
    title: `${r.title ?? "讨论决定"}：票决结果${r.post ? `（${r.post}）` : ""}`,
    lines: [
      [r.title ? `会议：${r.title}` : "", r.date ? `日期：${r.date}` : ""].filter(Boolean).join("    "),
      `应到 ${r.members} 人，实到 ${r.attendees} 人（${r.quorum.percent}%），${r.valid ? "达到三分之二，票决有效" : "不足三分之二，票决无效"}`,
      "通过须同意票超过应到人数的半数",
    ].filter(Boolean),
    header: ["姓名 Name", "同意 Yes", "不同意 No", "弃权 Abstain", "同意占应到 Share of members", "结果 Outcome"],
    rows: r.candidates.map((c) => [
      c.name,
      c.yes,
      c.no,
      c.abstain,
      `${c.fraction}（${c.percent}%）`,
      !r.valid ? "票决无效" : c.approved ? "通过" : "未通过",
    ]),
    flagged: [],
    notes: [
      ...r.meetingChecks.map(
        (c) => `【${c.code === "decision_quorum_not_met" ? "无效" : "暂定"}】${c.message["zh-CN"]}`,
      ),
      r.message["zh-CN"],
    ],
    signatures: SIGNATURES,
  };
}

/** The announcement as the rows of a sheet (title on row 1); `tableAt` is the 0-based row of the table header. */
export function announcementRows(a: Announcement): { rows: (string | number)[][]; tableAt: number; notesAt: number } {
  const rows: (string | number)[][] = [[a.title], ...a.lines.map((l) => [l]), []];
  const tableAt = rows.length;
  rows.push(a.header, ...a.rows, []);
  const notesAt = rows.length;
  rows.push(...a.notes.map((n) => [n]), [], [a.signatures]);
  return { rows, tableAt, notesAt };
}
