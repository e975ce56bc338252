import { AdvanceRequestSchema, AdvanceResponseSchema, runRounds } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { resolvePolicy } from "./lib/policy-ref.ts";
import { MiB } from "./lib/params.ts";
import { COMMON_PROBLEMS, notFoundProblem } from "./lib/responses.ts";

export const operation = defineOperation({
  name: "rulesAdvance",
  method: "POST",
  route: "rules/advance",
  roles: ["assessor"],
  summary: {
    "zh-CN": "公推公选淘汰轮次：每轮法定人数与计票，前 N 名晋级，并列待定，最后一轮须有差额",
    en: "Elimination rounds: each round's quorum and tally, the top N advance, ties flagged, the last round keeps a competition",
  },
  description: { "zh-CN": "请求上限 16 MiB。", en: "Body limit 16 MiB." },
  maxBodyBytes: 16 * MiB,
  request: { body: AdvanceRequestSchema },
  responses: [
    {
      status: 200,
      description: { "zh-CN": "各轮计票与晋级名单", en: "Each round's tally and who advances" },
      schema: AdvanceResponseSchema,
    },
    notFoundProblem("方案不存在", "Unknown policy"),
    ...COMMON_PROBLEMS,
  ],
  run: async ({ body }) => {
    const { policy, identity } = await resolvePolicy(body);
    const { policyId: _p, version: _v, policy: _inline, ...input } = body;
    return { json: { policy: identity, ...runRounds(policy, input) } };
  },
});

export const rulesAdvance = operation.handler;
register(operation);
