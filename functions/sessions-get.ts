import { z } from "zod";
import { SessionSummarySchema } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { COMMON_PROBLEMS, notFoundProblem } from "./lib/responses.ts";
import { SessionIdParam } from "./lib/session-params.ts";
import { ownedSession, sessionSummary } from "./store/sessions.ts";

export const operation = defineOperation({
  name: "sessionsGet",
  method: "GET",
  route: "sessions/{id}",
  roles: ["assessor"],
  summary: {
    "zh-CN": "测评会话的实时进度（发出、收回，按测评主体）",
    en: "A ballot session's live progress (issued, returned, per rater group)",
  },
  request: { params: z.object({ id: SessionIdParam }) },
  responses: [
    {
      status: 200,
      description: { "zh-CN": "会话与进度", en: "The session and its progress" },
      schema: SessionSummarySchema,
    },
    notFoundProblem("会话不存在或不是您开启的", "No such session, or not yours"),
    ...COMMON_PROBLEMS,
  ],
  run: async ({ params, caller }) => {
    const { meta, doc } = await ownedSession(params.id, caller!.actor);
    return { json: await sessionSummary(meta, doc), headers: { "Cache-Control": "no-store" } };
  },
});

export const sessionsGet = operation.handler;
register(operation);
