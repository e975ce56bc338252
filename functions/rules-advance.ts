import { AdvanceRequestSchema, AdvanceResponseSchema, advanceRound } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { MiB } from "./lib/params.ts";
import { COMMON_PROBLEMS } from "./lib/responses.ts";

export const operation = defineOperation({
  name: "rulesAdvance",
  method: "POST",
  route: "rules/advance",
  roles: ["assessor"],
  summary: {
    "zh-CN": "淘汰轮次：前 N 名晋级，并列于晋级线者标出待定",
    en: "Elimination round: the top N advance; ties at the cut are flagged",
  },
  maxBodyBytes: 2 * MiB,
  request: { body: AdvanceRequestSchema },
  responses: [
    {
      status: 200,
      description: { "zh-CN": "晋级、并列与淘汰名单", en: "Advanced, tied and eliminated" },
      schema: AdvanceResponseSchema,
    },
    ...COMMON_PROBLEMS,
  ],
  run: async ({ body }) => ({ json: advanceRound(body) }),
});

export const rulesAdvance = operation.handler;
register(operation);
