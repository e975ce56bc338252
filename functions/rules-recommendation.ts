import { RecommendationRequestSchema, RecommendationResponseSchema, tallyRecommendation } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { resolvePolicy } from "./lib/policy-ref.ts";
import { MiB } from "./lib/params.ts";
import { COMMON_PROBLEMS, notFoundProblem } from "./lib/responses.ts";

export const operation = defineOperation({
  name: "rulesRecommendation",
  method: "POST",
  route: "rules/recommendation",
  roles: ["assessor"],
  summary: {
    "zh-CN": "民主推荐计票：法定人数、有效票、得票过半、差额人选",
    en: "Recommendation tally: quorum, valid ballots, majority, shortlist",
  },
  description: { "zh-CN": "请求上限 16 MiB。", en: "Body limit 16 MiB." },
  maxBodyBytes: 16 * MiB,
  request: { body: RecommendationRequestSchema },
  responses: [
    { status: 200, description: { "zh-CN": "计票结果", en: "The tally" }, schema: RecommendationResponseSchema },
    notFoundProblem("方案不存在", "Unknown policy"),
    ...COMMON_PROBLEMS,
  ],
  run: async ({ body }) => {
    const { policy, identity } = await resolvePolicy(body);
    const { policyId: _p, version: _v, policy: _inline, ...input } = body;
    return { json: { policy: identity, ...tallyRecommendation(policy, input) } };
  },
});

export const rulesRecommendation = operation.handler;
register(operation);
