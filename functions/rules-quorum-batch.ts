import { QuorumBatchRequestSchema, QuorumBatchResponseSchema, checkQuorum, parseFraction } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { resolvePolicy } from "./lib/policy-ref.ts";
import { MiB } from "./lib/params.ts";
import { COMMON_PROBLEMS, notFoundProblem } from "./lib/responses.ts";

export const operation = defineOperation({
  name: "rulesQuorumBatch",
  method: "POST",
  route: "rules/quorum/batch",
  roles: ["assessor"],
  summary: {
    "zh-CN": "批量判定会议是否达到法定人数（1–10000 项）",
    en: "Quorum findings for a batch of 1 to 10,000 meetings",
  },
  description: {
    "zh-CN": "自定义函数 KAOPING.QUORUM 一次重算只发一个请求；结果顺序与请求相同。上限 1 MiB。",
    en: "What KAOPING.QUORUM calls, one request per recalculation; results in request order. Limit 1 MiB.",
  },
  maxBodyBytes: 1 * MiB,
  request: { body: QuorumBatchRequestSchema },
  responses: [
    {
      status: 200,
      description: { "zh-CN": "逐项结果，顺序与请求相同", en: "One result per item, in request order" },
      schema: QuorumBatchResponseSchema,
    },
    notFoundProblem("方案不存在", "Unknown policy"),
    ...COMMON_PROBLEMS,
  ],
  run: async ({ body }) => {
    const { policy, identity } = await resolvePolicy(body);
    const threshold = parseFraction(policy.quorum)!;
    return {
      json: { policy: identity, results: body.items.map((q) => checkQuorum(q.attendees, q.expected, threshold)) },
    };
  },
});

export const rulesQuorumBatch = operation.handler;
register(operation);
