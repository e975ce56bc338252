import { QuorumRequestSchema, QuorumResponseSchema, checkQuorum, parseFraction } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { resolvePolicy } from "./lib/policy-ref.ts";
import { KiB } from "./lib/params.ts";
import { COMMON_PROBLEMS, notFoundProblem } from "./lib/responses.ts";

export const operation = defineOperation({
  name: "rulesQuorum",
  method: "POST",
  route: "rules/quorum",
  roles: ["assessor"],
  summary: { "zh-CN": "会议是否达到法定人数（五分之四）", en: "Whether a meeting reaches its quorum (4/5 by default)" },
  maxBodyBytes: 64 * KiB,
  request: { body: QuorumRequestSchema },
  responses: [
    {
      status: 200,
      description: { "zh-CN": "到会比例与结论", en: "Attendance share and finding" },
      schema: QuorumResponseSchema,
    },
    notFoundProblem("方案不存在", "Unknown policy"),
    ...COMMON_PROBLEMS,
  ],
  run: async ({ body }) => {
    const { policy, identity } = await resolvePolicy(body);
    return { json: { policy: identity, ...checkQuorum(body.attendees, body.expected, parseFraction(policy.quorum)!) } };
  },
});

export const rulesQuorum = operation.handler;
register(operation);
