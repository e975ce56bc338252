import type { Bilingual } from "../vocabulary.ts";
import { DecisionInputSchema, type DecisionInput, type DecisionResult } from "../schemas/recommendation.ts";
import { percentString, rat } from "../rational.ts";
import { checkQuorum } from "./quorum.ts";

/**
 * 讨论决定 (票决), spec section 6: the meeting is valid iff attendees * 3 >= members * 2; a candidate is
 * approved iff yes * 2 > members (more than half of all members, 应到, not of those present).
 */
export function decideVote(raw: DecisionInput): DecisionResult {
  const input = DecisionInputSchema.parse(raw);
  const { members, attendees } = input;
  const q = checkQuorum(attendees, members, rat(2, 3));
  const quorum = {
    ...q,
    message: q.valid
      ? {
          "zh-CN": `实到 ${attendees} 人 / 应到 ${members} 人，达到三分之二，票决有效`,
          en: `${attendees} of ${members} members present, at least two thirds: the vote is valid`,
        }
      : {
          "zh-CN": `实到 ${attendees} 人 / 应到 ${members} 人，不足三分之二，票决无效，须另行召开`,
          en: `${attendees} of ${members} members present, fewer than two thirds: the vote is not valid; hold it again`,
        },
  };
  const checks: DecisionResult["meetingChecks"] = [];
  if (!q.valid) checks.push({ code: "decision_quorum_not_met", message: quorum.message });
  if (attendees > members)
    checks.push({
      code: "attendance_exceeds_expected",
      message: {
        "zh-CN": `实到 ${attendees} 人多于应到 ${members} 人：结果暂定，须核查`,
        en: `${attendees} present but ${members} members: provisional until checked`,
      },
    });
  const over = input.candidates.filter((c) => c.yes + c.no + c.abstain > attendees);
  if (over.length > 0)
    checks.push({
      code: "ballots_exceed_attendees",
      message: {
        "zh-CN": `${over.map((c) => c.name).join("、")} 的同意、不同意、弃权票合计多于实到人数 ${attendees}：结果暂定，须核查`,
        en: `Votes for ${over.map((c) => c.name).join(", ")} add up to more than the ${attendees} present: provisional until checked`,
      },
    });
  const candidates = input.candidates.map((c) => {
    const more = c.yes * 2 > members;
    const approved = q.valid && more;
    const fraction = `${c.yes}/${members}`;
    const percent = percentString(c.yes, members);
    const msg: Bilingual = !q.valid
      ? { "zh-CN": "票决无效，不作决定", en: "The vote is not valid; no decision" }
      : more
        ? {
            "zh-CN": `同意 ${c.yes} 票，占应到 ${fraction}（${percent}%），超过半数，通过`,
            en: `${c.yes} yes of ${members} members (${percent}%), more than half: approved`,
          }
        : {
            "zh-CN": `同意 ${c.yes} 票，占应到 ${fraction}（${percent}%），未超过半数，未通过`,
            en: `${c.yes} yes of ${members} members (${percent}%), not more than half: not approved`,
          };
    return {
      name: c.name,
      yes: c.yes,
      no: c.no,
      abstain: c.abstain,
      fraction,
      percent,
      approved,
      reasons: [{ rule: "decision_majority", fraction, percent, threshold: "1/2", fired: !approved, message: msg }],
    };
  });
  const approved = candidates.filter((c) => c.approved).map((c) => c.name);
  const provisional = checks.some((c) => c.code !== "decision_quorum_not_met");
  const tooMany = input.vacancies !== undefined && approved.length > input.vacancies;
  return {
    ...(input.title ? { title: input.title } : {}),
    ...(input.date ? { date: input.date } : {}),
    ...(input.post ? { post: input.post } : {}),
    members,
    attendees,
    valid: q.valid,
    quorum,
    meetingChecks: checks,
    provisional,
    candidates,
    approved,
    reviewRequired: !q.valid || provisional || tooMany,
    message: !q.valid
      ? quorum.message
      : {
          "zh-CN": `通过 ${approved.length} 人${approved.length ? "：" + approved.join("、") : ""}${tooMany ? `；多于职数 ${input.vacancies}，须集体研究` : ""}`,
          en: `${approved.length} approved${approved.length ? ": " + approved.join(", ") : ""}${tooMany ? `; more than the vacancies (${input.vacancies}); needs a decision` : ""}`,
        },
  };
}
