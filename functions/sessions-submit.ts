import { BallotSubmitSchema, ReceiptSchema } from "../shared/index.ts";
import { checkAnswers } from "./lib/ballot-answers.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { notFoundProblem, problemSpec, PUBLIC_PROBLEMS } from "./lib/responses.ts";
import { resolveCode, usedCode } from "./lib/rater-code.ts";
import { castBallot, closedProblem, readMeta } from "./store/sessions.ts";

export const operation = defineOperation({
  name: "sessionsSubmit",
  method: "POST",
  route: "vote/ballot",
  roles: "public",
  summary: {
    "zh-CN": "凭测评码投票（每码一次，无需登录）",
    en: "Cast a ballot with a code (once per code, no sign-in)",
  },
  description: {
    "zh-CN":
      "票与码分开保存：保存的票不含码、码的哈希或投票时间；码在同一事务中作废。返回回执（票内容加随机盐的 sha256），结束后公布于回执清单。",
    en: "The ballot is stored apart from its code: without the code, its hash or the time of voting; the code is burnt in the same transaction. Returns the receipt (sha256 of the ballot's content with a random salt), published in the receipts list after closing.",
  },
  maxBodyBytes: 256 * 1024,
  request: { body: BallotSubmitSchema },
  responses: [
    { status: 201, description: { "zh-CN": "已投票，附回执", en: "Cast; the receipt" }, schema: ReceiptSchema },
    notFoundProblem("测评码无效", "Unknown code"),
    problemSpec(409, "此码已投过票", "The code has already voted"),
    problemSpec(410, "测评已结束", "The session has closed"),
    problemSpec(422, "票未填完整或有误（逐项列出）", "The ballot is incomplete or wrong (each field listed)"),
    problemSpec(429, "错误的码输入过多", "Too many wrong codes"),
    ...PUBLIC_PROBLEMS,
  ],
  run: async ({ req, body }) => {
    const found = await resolveCode(req, body.code, false);
    const answers = checkAnswers(found.doc, body.answers);
    const receipt = await castBallot(found.id, found.code, found.group, answers);
    if (receipt === false) {
      if ((await readMeta(found.id))?.status !== "open") throw closedProblem();
      throw usedCode();
    }
    return { status: 201, json: { receipt, session: found.id }, headers: { "Cache-Control": "no-store" } };
  },
});

export const sessionsSubmit = operation.handler;
register(operation);
