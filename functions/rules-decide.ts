import { DecisionRequestSchema, DecisionResponseSchema, decideVote } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { MiB } from "./lib/params.ts";
import { COMMON_PROBLEMS } from "./lib/responses.ts";

export const operation = defineOperation({
  name: "rulesDecide",
  method: "POST",
  route: "rules/decide",
  roles: ["assessor"],
  summary: {
    "zh-CN": "讨论决定（票决）：到会三分之二有效，同意票超过应到人数半数通过",
    en: "Decision vote: valid with two thirds present; approved with more than half of all members",
  },
  maxBodyBytes: 1 * MiB,
  request: { body: DecisionRequestSchema },
  responses: [
    { status: 200, description: { "zh-CN": "票决结果", en: "The decision" }, schema: DecisionResponseSchema },
    ...COMMON_PROBLEMS,
  ],
  run: async ({ body }) => ({ json: decideVote(body) }),
});

export const rulesDecide = operation.handler;
register(operation);
