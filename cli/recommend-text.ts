import {
  STATUS_WORDS,
  type DecisionResult,
  type PostResult,
  type RecommendationResult,
  type RoundsResult,
} from "../shared/index.ts";
import { bilingualLines, formatTable } from "./text.ts";

const STATUS_EN: Record<string, string> = {
  shortlisted: "shortlisted",
  tie: "tie, to decide",
  near_tie: "close, consider",
  held: "on hold",
  below_floor: "below floor",
  no_votes: "no votes",
  not_shortlisted: "",
  meeting_invalid: "meeting not valid",
};

function postTable(post: PostResult, advanceWords = false): string {
  const typed = post.types.filter((t) => t.key !== "");
  const rows = [
    [
      "名次 Rank",
      "姓名 Name",
      "得票 Votes",
      "得票率 Share",
      ...(post.weights ? ["加权 Weighted"] : []),
      ...typed.map((t) => t.label),
      "结果 Outcome",
    ],
    ...post.candidates.map((c) => {
      const word =
        advanceWords && c.status === "shortlisted"
          ? "晋级 advances"
          : `${STATUS_WORDS[c.status]} ${STATUS_EN[c.status]}`.trim();
      return [
        String(c.rank),
        c.name,
        String(c.votes),
        `${c.fraction} ${c.percent}%`,
        ...(post.weights ? [`${c.share} ${c.sharePercent}%`] : []),
        ...typed.map((t) => {
          const x = c.byType[t.key];
          return !x || x.withheld ? "不公布 withheld" : `${x.votes}/${x.validBallots}`;
        }),
        word,
      ];
    }),
  ];
  const flags = post.flags.map((f) => bilingualLines(f.message, "  ! ")).join("\n");
  return `${formatTable(rows)}\n${flags ? flags + "\n" : ""}${bilingualLines(post.message)}\n`;
}

export function recommendationText(r: RecommendationResult): string {
  const head = [
    r.title ? `${r.title}${r.date ? `（${r.date}）` : ""}` : "",
    bilingualLines(r.quorum.message),
    ...r.meetingChecks.filter((c) => c.code !== "quorum_not_met").map((c) => bilingualLines(c.message, "! ")),
  ].filter(Boolean);
  const posts = r.posts.map(
    (p) => `\n== ${p.label}（职数 ${p.vacancies}，有效票 ${p.validBallots}）==\n${postTable(p)}`,
  );
  const invalid = r.invalid.length
    ? `\n无效票 Invalid ballots (${r.invalid.length}):\n${r.invalid.map((b) => bilingualLines(b.message, "  ")).join("\n")}\n`
    : "";
  return `${head.join("\n")}\n${posts.join("")}${invalid}\n${bilingualLines(r.message)}\n`;
}

export function roundsText(r: RoundsResult): string {
  const rounds = r.rounds.map((x) =>
    x.tally
      ? `\n== ${x.label} ==\n${x.quorum ? bilingualLines(x.quorum.message) + "\n" : ""}${postTable(x.tally, true)}${x.invalid.map((b) => bilingualLines(b.message, "  ")).join("\n")}${x.invalid.length ? "\n" : ""}`
      : `\n== ${x.label} ==\n${bilingualLines(x.message)}\n`,
  );
  const flags = r.flags.map((f) => bilingualLines(f.message, "! ")).join("\n");
  return `${r.title ?? "公推公选"}：${r.post}（职数 ${r.vacancies}）\n${rounds.join("")}\n${flags ? flags + "\n" : ""}${bilingualLines(r.message)}\n`;
}

export function decisionText(r: DecisionResult): string {
  const rows = [
    ["姓名 Name", "同意 Yes", "不同意 No", "弃权 Abstain", "同意/应到 Yes of members", "结果 Outcome"],
    ...r.candidates.map((c) => [
      c.name,
      String(c.yes),
      String(c.no),
      String(c.abstain),
      `${c.fraction} ${c.percent}%`,
      !r.valid ? "无效 not valid" : c.approved ? "通过 approved" : "未通过 not approved",
    ]),
  ];
  const checks = r.meetingChecks.filter((c) => c.code !== "decision_quorum_not_met");
  return `${r.title ? r.title + "\n" : ""}${bilingualLines(r.quorum.message)}\n${checks.map((c) => bilingualLines(c.message, "! ") + "\n").join("")}\n${formatTable(rows)}\n\n${bilingualLines(r.message)}\n`;
}
