import type { Bilingual } from "../vocabulary.ts";
import type { Policy } from "../schemas/policy.ts";
import {
  norm,
  RecommendationInputSchema,
  type RecommendationInput,
  type RecommendationResult,
} from "../schemas/recommendation.ts";
import { parseFraction } from "../rational.ts";
import { checkQuorum, type QuorumResult } from "./quorum.ts";
import { tallyPost, type PostBallot } from "./post-tally.ts";
import { ballotProblemMessage, type InvalidBallot } from "./ballot-problems.ts";
import { recommendationSettings, voterTypes } from "./settings.ts";

type MeetingCheck = RecommendationResult["meetingChecks"][number];

/** Section 3's meeting checks for a meeting's counts: more ballots than attendees, more attendees than expected. */
export function meetingChecks(quorum: QuorumResult, ballots: number): MeetingCheck[] {
  const checks: MeetingCheck[] = [];
  if (!quorum.valid) checks.push({ code: "quorum_not_met", message: quorum.message });
  if (ballots > quorum.attendees)
    checks.push({
      code: "ballots_exceed_attendees",
      message: {
        "zh-CN": `收回推荐票 ${ballots} 张，多于实到人数 ${quorum.attendees}：结果暂定，须核查`,
        en: `${ballots} ballots returned but ${quorum.attendees} attended: the result is provisional until checked`,
      },
    });
  if (quorum.attendees > quorum.expected)
    checks.push({
      code: "attendance_exceeds_expected",
      message: {
        "zh-CN": `实到 ${quorum.attendees} 人多于应到 ${quorum.expected} 人：结果暂定，须核查`,
        en: `${quorum.attendees} attended but ${quorum.expected} were expected: the result is provisional until checked`,
      },
    });
  return checks;
}

const names = (xs: readonly string[] | undefined) => (xs ?? []).map(norm).filter((n) => n !== "");
const dedupe = (xs: string[]) => [...new Set(xs)];

/** 民主推荐 of one meeting with one or more posts (spec section 6). */
export function tallyRecommendation(policy: Policy, raw: RecommendationInput): RecommendationResult {
  const input = RecommendationInputSchema.parse(raw);
  const settings = recommendationSettings(policy);
  const types = voterTypes(policy, input.voterTypes);
  const quorum = checkQuorum(input.attendees, input.expected, parseFraction(policy.quorum)!);
  const checks = meetingChecks(quorum, input.ballots.length);
  const invalid: InvalidBallot[] = [];
  const ballots: { row: number; ballotId: string; type: string; choices: Record<string, string[]> }[] = [];
  input.ballots.forEach((b, i) => {
    const row = b.row ?? i + 2;
    const type = types.resolve(b.voterType);
    if (type === null) {
      invalid.push({
        row,
        ballotId: String(b.ballotId ?? ""),
        code: "unknown_voter_type",
        message: ballotProblemMessage("unknown_voter_type", row, "", 0),
      });
      return;
    }
    ballots.push({ row, ballotId: String(b.ballotId ?? ""), type, choices: b.choices });
  });
  const posts = input.posts.map((p) => {
    const perPost: PostBallot[] = ballots.map((b) => ({ ...b, names: names(b.choices[p.key]) }));
    const { result, invalid: bad } = tallyPost(
      {
        key: p.key,
        label: p.label,
        maxNames: p.vacancies,
        vacancies: p.vacancies,
        places: p.vacancies + (input.extra ?? settings.extra),
        candidates: dedupe(names(p.candidates)),
        holds: new Map((p.holds ?? []).map((h) => [norm(h.name), h.reason])),
        writeIns: settings.writeIns,
        kind: "post",
      },
      perPost,
      {
        floor: settings.floor,
        nearTie: settings.nearTie,
        weights: types.weights,
        typeLabels: types.labels,
        minTypeBallots: policy.minGroupBallotsToReport,
        meetingValid: quorum.valid,
      },
    );
    invalid.push(...bad);
    return result;
  });
  invalid.sort((a, b) => a.row - b.row);
  const provisional = checks.some((c) => c.code !== "quorum_not_met");
  const reviewRequired = !quorum.valid || provisional || posts.some((p) => p.reviewRequired);
  const shortlisted = posts.reduce((n, p) => n + p.shortlist.length, 0);
  const message: Bilingual = !quorum.valid
    ? { "zh-CN": `${quorum.message["zh-CN"]}，不产生推荐人选`, en: `${quorum.message.en}; no shortlist is produced` }
    : {
        "zh-CN": `${posts.length} 个岗位，收回推荐票 ${input.ballots.length} 张，考察对象共 ${shortlisted} 人${provisional ? "（暂定，须核查）" : ""}${reviewRequired ? "；有事项须集体研究" : ""}`,
        en: `${posts.length} posts, ${input.ballots.length} ballots, ${shortlisted} shortlisted${provisional ? " (provisional until checked)" : ""}${reviewRequired ? "; some points need a decision" : ""}`,
      };
  return {
    ...(input.title ? { title: input.title } : {}),
    ...(input.date ? { date: input.date } : {}),
    quorum,
    ballots: input.ballots.length,
    meetingChecks: checks,
    provisional,
    invalid,
    posts,
    reviewRequired,
    message,
  };
}
