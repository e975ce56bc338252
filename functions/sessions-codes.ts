import { z } from "zod";
import { IssueCodesSchema, IssuedCodesSchema } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { COMMON_PROBLEMS, notFoundProblem, problemSpec } from "./lib/responses.ts";
import { SessionIdParam } from "./lib/session-params.ts";
import { issueCodes, ownedSession, sessionSummary } from "./store/sessions.ts";

export const operation = defineOperation({
  name: "sessionsCodes",
  method: "POST",
  route: "sessions/{id}/codes",
  roles: ["assessor"],
  summary: { "zh-CN": "为一个测评主体发放一次性测评码", en: "Issue one-time codes to a rater group" },
  description: {
    "zh-CN": "返回的码只显示这一次：服务只保存其哈希。请立即打印测评条。",
    en: "The codes are shown this once: the service keeps only their hashes. Print the slips now.",
  },
  maxBodyBytes: 4 * 1024,
  request: { params: z.object({ id: SessionIdParam }), body: IssueCodesSchema },
  responses: [
    { status: 201, description: { "zh-CN": "已发放", en: "Issued" }, schema: IssuedCodesSchema },
    notFoundProblem("会话不存在或不是您开启的", "No such session, or not yours"),
    problemSpec(410, "会话已结束", "The session has closed"),
    ...COMMON_PROBLEMS,
  ],
  run: async ({ params, body, caller }) => {
    const codes = await issueCodes(params.id, caller!.actor, body.group, body.count);
    const { meta, doc } = await ownedSession(params.id, caller!.actor);
    const progress = await sessionSummary(meta, doc);
    const group = progress.groups.find((g) => g.group === body.group)!;
    return {
      status: 201,
      json: { group: body.group, label: group.label, title: doc.title, codes, issued: group.issued },
      headers: { "Cache-Control": "no-store" },
    };
  },
});

export const sessionsCodes = operation.handler;
register(operation);
