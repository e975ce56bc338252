import { z } from "zod";
import { SessionBallotsSchema } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { ProblemError } from "./lib/problem.ts";
import { COMMON_PROBLEMS, notFoundProblem, problemSpec } from "./lib/responses.ts";
import { SessionIdParam } from "./lib/session-params.ts";
import { ownedSession, readClosedBallots } from "./store/sessions.ts";

export const operation = defineOperation({
  name: "sessionsBallots",
  method: "GET",
  route: "sessions/{id}/ballots",
  roles: ["assessor"],
  summary: {
    "zh-CN": "取已结束会话的测评票（测评票表的行，票号即回执）",
    en: "The closed session's ballots as ballot-table rows (ballotId = receipt)",
  },
  request: { params: z.object({ id: SessionIdParam }) },
  responses: [
    { status: 200, description: { "zh-CN": "测评票行", en: "Ballot rows" }, schema: SessionBallotsSchema },
    notFoundProblem("会话不存在或不是您开启的", "No such session, or not yours"),
    problemSpec(409, "会话尚未结束", "The session is still open"),
    ...COMMON_PROBLEMS,
  ],
  run: async ({ params, caller }) => {
    const { meta, doc } = await ownedSession(params.id, caller!.actor);
    const ballots = meta.status === "closed" ? await readClosedBallots(params.id) : undefined;
    if (!ballots)
      throw new ProblemError(409, "session-open", {
        "zh-CN": "测评尚未结束：请先结束会话，再取回测评票",
        en: "the session is still open: close it first, then fetch the ballots",
      });
    const label = new Map(doc.groups.map((g) => [g.key, g.label]));
    const rows = ballots.flatMap((b) =>
      b.answers.map((a) => ({
        ballotId: b.receipt,
        raterGroup: label.get(b.group) ?? b.group,
        cadreId: String(a.cadreId),
        morality: a.morality!,
        ability: a.ability!,
        diligence: a.diligence!,
        achievement: a.achievement!,
        integrity: a.integrity!,
        ...(doc.form.gradeVote ? { gradeVote: String(a.gradeVote ?? "") } : {}),
      })),
    );
    return { json: { session: doc.id, policy: doc.policy, form: doc.form, rows } };
  },
});

export const sessionsBallots = operation.handler;
register(operation);
