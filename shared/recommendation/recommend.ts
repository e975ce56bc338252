import { z } from "zod";
import type { Bilingual } from "../vocabulary.ts";
import type { Policy } from "../schemas/policy.ts";
import { parseDecimal, parseFraction, percentString, cmp } from "../rational.ts";
import { checkQuorum, type QuorumResult } from "./quorum.ts";
import { topN } from "./top.ts";

export const RecommendationInputSchema = z.object({
  expected: z.number().int().positive(),
  attendees: z.number().int().nonnegative(),
  vacancies: z.number().int().positive().max(1000),
  /** The registered candidates; names outside it are write-ins. */
  candidates: z.array(z.string().min(1)).max(10_000).optional(),
  ballots: z
    .array(
      z.object({
        ballotId: z.union([z.string(), z.number()]).optional(),
        names: z.array(z.string()).max(1000),
        row: z.number().int().positive().optional(),
      }),
    )
    .max(100_000),
  extra: z.number().int().min(1).max(3).optional(),
});
export type RecommendationInput = z.input<typeof RecommendationInputSchema>;

export type BallotProblem = "empty" | "too_many" | "repeated_name" | "write_in_not_allowed";

export interface RecommendationResult {
  quorum: QuorumResult;
  ballots: number;
  validBallots: number;
  base: { kind: "validBallots" | "attendees"; value: number };
  invalid: { row: number; ballotId: string; code: BallotProblem; message: Bilingual }[];
  tally: { candidate: string; votes: number; fraction: string; percent: string; qualifies: boolean }[];
  shortlistSize: number;
  shortlist: string[];
  tied: string[];
  reviewRequired: boolean;
  message: Bilingual;
}

const problemMessage = (code: BallotProblem, row: number, vacancies: number): Bilingual =>
  ({
    empty: { "zh-CN": `第 ${row} 行：空白票，无效`, en: `Row ${row}: blank ballot, not valid` },
    too_many: {
      "zh-CN": `第 ${row} 行：推荐人数超过职数 ${vacancies}，无效`,
      en: `Row ${row}: names more than the ${vacancies} vacancies, not valid`,
    },
    repeated_name: {
      "zh-CN": `第 ${row} 行：同一人被重复推荐，无效`,
      en: `Row ${row}: names the same person twice, not valid`,
    },
    write_in_not_allowed: {
      "zh-CN": `第 ${row} 行：推荐了候选人名单以外的人员（本方案不允许另选他人），无效`,
      en: `Row ${row}: names someone outside the candidate list (write-ins not allowed), not valid`,
    },
  })[code];

/** 民主推荐 tally (spec section 6): quorum, ballot validity, majority (得票过半), shortlist with ties flagged. */
export function tallyRecommendation(policy: Policy, raw: RecommendationInput): RecommendationResult {
  const input = RecommendationInputSchema.parse(raw);
  const quorum = checkQuorum(input.attendees, input.expected, parseFraction(policy.quorum)!);
  const registered = input.candidates ? new Set(input.candidates.map((c) => c.normalize("NFKC").trim())) : null;
  const votes = new Map<string, number>();
  for (const c of registered ?? []) votes.set(c, 0);
  const invalid: RecommendationResult["invalid"] = [];
  let valid = 0;
  input.ballots.forEach((b, i) => {
    const row = b.row ?? i + 2;
    const names = b.names.map((n) => n.normalize("NFKC").trim()).filter((n) => n !== "");
    const problem: BallotProblem | null =
      names.length === 0
        ? "empty"
        : names.length > input.vacancies
          ? "too_many"
          : new Set(names).size !== names.length
            ? "repeated_name"
            : registered && !policy.recommendation.writeIns && names.some((n) => !registered.has(n))
              ? "write_in_not_allowed"
              : null;
    if (problem) {
      invalid.push({
        row,
        ballotId: String(b.ballotId ?? ""),
        code: problem,
        message: problemMessage(problem, row, input.vacancies),
      });
      return;
    }
    valid++;
    for (const n of names) votes.set(n, (votes.get(n) ?? 0) + 1);
  });
  const kind = policy.recommendation.majorityBase;
  const baseValue = kind === "attendees" ? input.attendees : valid;
  // 得票过半: votes * 2 > base, strictly.
  const tally = [...votes.entries()].map(([candidate, v]) => ({
    candidate,
    votes: v,
    fraction: `${v}/${baseValue}`,
    // A count above its base is no share (spec section 3): only possible when more ballots than attendees came in.
    percent: v <= baseValue ? percentString(v, baseValue) : "—",
    qualifies: baseValue > 0 && v * 2 > baseValue,
  }));
  tally.sort((a, b) => b.votes - a.votes || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0));
  const shortlistSize = input.vacancies + (input.extra ?? policy.recommendation.extra);
  // More ballots than people in the room is an error of the meeting (spec sections 3 and 6): no shortlist from it.
  const overfull = input.ballots.length > input.attendees;
  const picked =
    quorum.valid && !overfull
      ? topN(
          tally.filter((t) => t.qualifies),
          shortlistSize,
          (a, b) => b.votes - a.votes,
        )
      : { advanced: [], tied: [], rest: [] };
  const shortlist = picked.advanced.map((t) => t.candidate);
  const tied = picked.tied.map((t) => t.candidate);
  const message: Bilingual = overfull
    ? {
        "zh-CN": `收回推荐票 ${input.ballots.length} 张多于实到 ${input.attendees} 人（ballots_exceed_attendees）：会议记录有误，须核实后重新计票，不产生推荐人选`,
        en: `${input.ballots.length} ballots but only ${input.attendees} attendees (ballots_exceed_attendees): the meeting record is wrong; check it and count again; no shortlist is produced`,
      }
    : !quorum.valid
      ? { "zh-CN": `${quorum.message["zh-CN"]}，不产生推荐人选`, en: `${quorum.message.en}; no shortlist is produced` }
      : tied.length > 0
        ? {
            "zh-CN": `得票过半者 ${shortlist.length} 人入围；${tied.join("、")} 得票相同且跨越名额线，须集体研究决定`,
            en: `${shortlist.length} qualified and shortlisted; ${tied.join(", ")} tie across the cut and need a decision`,
          }
        : {
            "zh-CN": `得票过半者 ${shortlist.length} 人入围（差额名额 ${shortlistSize}）`,
            en: `${shortlist.length} qualified and shortlisted (of ${shortlistSize} places)`,
          };
  return {
    quorum,
    ballots: input.ballots.length,
    validBallots: valid,
    base: { kind, value: baseValue },
    invalid,
    tally,
    shortlistSize,
    shortlist,
    tied,
    reviewRequired: tied.length > 0 || !quorum.valid || overfull,
    message,
  };
}

export const AdvanceInputSchema = z.object({
  advance: z.number().int().nonnegative(),
  candidates: z
    .array(
      z.object({
        name: z.string().min(1),
        value: z.union([
          z.number().finite(),
          z.string().refine((s) => parseDecimal(s) !== undefined, "须为数字 | must be a number"),
        ]),
      }),
    )
    .min(1)
    .max(10_000),
});
export type AdvanceInput = z.input<typeof AdvanceInputSchema>;

/** One elimination round (公推公选 5 -> 3 -> 2 -> 1): the top N by value advance, ties at the cut flagged. */
export function advanceRound(raw: AdvanceInput) {
  const input = AdvanceInputSchema.parse(raw);
  const entries = input.candidates.map((c) => {
    return { name: c.name, value: parseDecimal(c.value)! };
  });
  const r = topN(entries, input.advance, (a, b) => cmp(b.value, a.value));
  const names = (xs: typeof entries) => xs.map((x) => x.name);
  return {
    advanced: names(r.advanced),
    tied: names(r.tied),
    eliminated: names(r.rest),
    reviewRequired: r.tied.length > 0,
    message:
      r.tied.length > 0
        ? {
            "zh-CN": `${r.advanced.length} 人晋级；${names(r.tied).join("、")} 并列于晋级线，须决定`,
            en: `${r.advanced.length} advance; ${names(r.tied).join(", ")} tie at the cut and need a decision`,
          }
        : { "zh-CN": `${r.advanced.length} 人晋级`, en: `${r.advanced.length} advance` },
  };
}
