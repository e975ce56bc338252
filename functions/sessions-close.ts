import { z } from "zod";
import { SessionCloseSchema } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { COMMON_PROBLEMS, notFoundProblem } from "./lib/responses.ts";
import { SessionIdParam } from "./lib/session-params.ts";
import { closeSession } from "./store/sessions.ts";

export const operation = defineOperation({
  name: "sessionsClose",
  method: "POST",
  route: "sessions/{id}/close",
  roles: ["assessor"],
  summary: { "zh-CN": "结束测评会话并公布回执清单", en: "Close a ballot session and publish its receipts" },
  description: {
    "zh-CN":
      "结束后不再接受投票，未用的码作废；回执清单的哈希记入审计链，此后增删任何一票都会被审计校验发现。可重复调用。",
    en: "After closing no vote is accepted and unused codes are void; the hash of the receipts list goes into the audit chain, so any ballot added or removed later is found by audit verify. Safe to repeat.",
  },
  request: { params: z.object({ id: SessionIdParam }) },
  responses: [
    { status: 200, description: { "zh-CN": "已结束", en: "Closed" }, schema: SessionCloseSchema },
    notFoundProblem("会话不存在或不是您开启的", "No such session, or not yours"),
    ...COMMON_PROBLEMS,
  ],
  run: async ({ params, caller }) => {
    const closed = await closeSession(params.id, caller!.actor);
    return {
      json: {
        id: params.id,
        returned: closed.returned,
        receiptsSha256: closed.receiptsSha256,
        auditSeq: closed.auditSeq,
      },
    };
  },
});

export const sessionsClose = operation.handler;
register(operation);
