import type { Policy } from "../schemas/policy.ts";
import { norm, RoundsInputSchema, type RoundsInput, type RoundsResult } from "../schemas/recommendation.ts";
import { parseFraction } from "../rational.ts";
import { checkQuorum } from "./quorum.ts";
import { tallyPost } from "./post-tally.ts";
import { ballotProblemMessage, type InvalidBallot } from "./ballot-problems.ts";
import { meetingChecks } from "./meeting.ts";
import { voterTypes } from "./settings.ts";

type RoundResult = RoundsResult["rounds"][number];

/**
 * 公推公选 elimination rounds chained (e.g. 5 -> 3 -> 2, then 票决 for 1): each round has its own electorate,
 * quorum and tally; the top N by share advance, a tie at the cut is flagged and stops the chain until decided.
 * The last round before the decision keeps at least vacancies + 1, otherwise `no_competition`.
 */
export function runRounds(policy: Policy, raw: RoundsInput): RoundsResult {
  const input = RoundsInputSchema.parse(raw);
  const types = voterTypes(policy, input.voterTypes);
  const holds = new Map((input.holds ?? []).map((h) => [norm(h.name), h.reason]));
  let entering = [...new Set(input.candidates.map(norm))];
  let blocked = false;
  const rounds: RoundResult[] = input.rounds.map((round, k) => {
    const label = round.label || `第${k + 1}轮`;
    if (blocked)
      return {
        round: k + 1,
        label,
        status: "not_run",
        entered: [],
        advanced: [],
        eliminated: [],
        meetingChecks: [],
        invalid: [],
        reviewRequired: true,
        message: {
          "zh-CN": `${label}：上一轮未产生确定的晋级名单（会议无效或并列待定），本轮不计票`,
          en: `${label}: the previous round has no settled result (invalid meeting or a tie); this round is not counted`,
        },
      };
    const quorum = checkQuorum(round.attendees, round.expected, parseFraction(policy.quorum)!);
    const checks = meetingChecks(quorum, round.ballots.length);
    const invalid: InvalidBallot[] = [];
    const ballots = round.ballots.flatMap((b, i) => {
      const row = b.row ?? i + 2;
      const type = types.resolve(b.voterType);
      if (type === null) {
        invalid.push({
          row,
          ballotId: String(b.ballotId ?? ""),
          code: "unknown_voter_type",
          message: ballotProblemMessage("unknown_voter_type", row, "", 0),
        });
        return [];
      }
      return [{ row, ballotId: String(b.ballotId ?? ""), type, names: b.names.map(norm).filter((n) => n !== "") }];
    });
    const { result, invalid: bad } = tallyPost(
      {
        key: `round${k + 1}`,
        label,
        maxNames: round.advance,
        vacancies: input.vacancies,
        places: round.advance,
        candidates: entering,
        holds,
        writeIns: false,
        kind: "round",
      },
      ballots,
      {
        floor: null,
        nearTie: null,
        weights: types.weights,
        typeLabels: types.labels,
        minTypeBallots: policy.minGroupBallotsToReport,
        meetingValid: quorum.valid,
      },
    );
    invalid.push(...bad);
    invalid.sort((a, b) => a.row - b.row);
    const entered = entering;
    const advanced = result.shortlist;
    const settled = quorum.valid && result.tied.length === 0 && result.validBallots > 0;
    const eliminated = entered.filter((n) => !advanced.includes(n) && !result.tied.includes(n));
    if (!settled) blocked = true;
    entering = advanced;
    const provisional = checks.some((c) => c.code !== "quorum_not_met");
    return {
      round: k + 1,
      label,
      status: "done",
      entered,
      advanced,
      eliminated,
      quorum,
      meetingChecks: checks,
      invalid,
      tally: result,
      reviewRequired: !settled || provisional,
      message: !quorum.valid
        ? {
            "zh-CN": `${label}：${quorum.message["zh-CN"]}，不产生晋级人选`,
            en: `${label}: ${quorum.message.en}; no one advances`,
          }
        : {
            "zh-CN": `${label}：${entered.length} 进 ${round.advance}，晋级 ${advanced.join("、") || "无"}${result.tied.length ? `；${result.tied.join("、")} 并列待定` : ""}${provisional ? "（暂定，须核查）" : ""}`,
            en: `${label}: ${entered.length} to ${round.advance}, advancing ${advanced.join(", ") || "none"}${result.tied.length ? `; ${result.tied.join(", ")} tied, to be decided` : ""}${provisional ? " (provisional until checked)" : ""}`,
          },
    };
  });
  const finalists = blocked ? [] : entering;
  const flags: RoundsResult["flags"] = [];
  if (!blocked && finalists.length <= input.vacancies)
    flags.push({
      code: "no_competition",
      names: finalists,
      message: {
        "zh-CN": `等额-无差额：票决前的最后一轮保留 ${finalists.length} 人，不多于职数 ${input.vacancies}（应至少 ${input.vacancies + 1} 人）`,
        en: `No competition: the last round before the decision keeps ${finalists.length}, not more than the vacancies (${input.vacancies}); at least ${input.vacancies + 1} are needed`,
      },
    });
  const reviewRequired = blocked || flags.length > 0 || rounds.some((r) => r.reviewRequired);
  return {
    ...(input.title ? { title: input.title } : {}),
    ...(input.date ? { date: input.date } : {}),
    post: input.post,
    vacancies: input.vacancies,
    rounds,
    finalists,
    flags,
    reviewRequired,
    message: blocked
      ? {
          "zh-CN": "轮次未完成：有一轮会议无效或并列待定，须先作决定再继续",
          en: "The rounds are not complete: a round was not valid or has a tie to decide first",
        }
      : {
          "zh-CN": `提交票决的人选 ${finalists.length} 人：${finalists.join("、")}（职数 ${input.vacancies}）`,
          en: `${finalists.length} go to the decision vote: ${finalists.join(", ")} (vacancies: ${input.vacancies})`,
        },
  };
}
