import { z } from "zod";
import { ReceiptListSchema } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { ProblemError } from "./lib/problem.ts";
import { notFoundProblem, PUBLIC_PROBLEMS } from "./lib/responses.ts";
import { SessionIdParam } from "./lib/session-params.ts";
import { publishedReceipts } from "./store/sessions.ts";

export const operation = defineOperation({
  name: "sessionsReceipts",
  method: "GET",
  route: "sessions/{id}/receipts",
  roles: "public",
  summary: {
    "zh-CN": "已结束会话公布的回执清单（公开，供投票人核对）",
    en: "The receipts a closed session publishes (public, for raters to check)",
  },
  request: { params: z.object({ id: SessionIdParam }) },
  responses: [
    { status: 200, description: { "zh-CN": "回执清单", en: "The receipts" }, schema: ReceiptListSchema },
    notFoundProblem("会话不存在或尚未结束", "No such session, or not closed yet"),
    ...PUBLIC_PROBLEMS,
  ],
  run: async ({ params }) => {
    const found = await publishedReceipts(params.id);
    if (!found)
      throw new ProblemError(404, "receipts-not-published", {
        "zh-CN": "该测评会话不存在或尚未结束；回执清单在结束后公布",
        en: "no such session, or it has not closed yet; receipts are published after closing",
      });
    return { json: { session: params.id, ...found } };
  },
});

export const sessionsReceipts = operation.handler;
register(operation);
