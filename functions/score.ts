import { AssessmentResultSchema, ScoreRequestSchema, scoreWithIdentity } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { resolvePolicy } from "./lib/policy-ref.ts";
import { MiB } from "./lib/params.ts";
import { COMMON_PROBLEMS, problemSpec } from "./lib/responses.ts";
import { refusedInput } from "./lib/problem.ts";

export const operation = defineOperation({
  name: "score",
  method: "POST",
  route: "score",
  roles: ["assessor"],
  visibility: "important",
  summary: { "zh-CN": "计算考核结果（规范第 8 节的结果）", en: "Score an assessment (the result of spec section 8)" },
  description: {
    "zh-CN": "提交干部名单与测评票，按已发布方案（名称、版本）或内联方案计分；请求上限 32 MiB。",
    en: "Send cadres and ballots; scored with a published policy (id, version) or an inline one. Body limit 32 MiB.",
  },
  maxBodyBytes: 32 * MiB,
  request: { body: ScoreRequestSchema },
  responses: [
    { status: 200, description: { "zh-CN": "考核结果", en: "The assessment result" }, schema: AssessmentResultSchema },
    problemSpec(
      422,
      '方案启用了得票规则，但测评票没有等次票（gradeVote）；若测评票不设等次，请发送 "gradeVotes": false',
      'The policy has vote rules on but no ballot carries a gradeVote; if the form has none, send "gradeVotes": false',
    ),
    ...COMMON_PROBLEMS,
  ],
  run: async ({ body }) => {
    const { policy, identity } = await resolvePolicy(body);
    try {
      return {
        json: scoreWithIdentity(policy, identity, {
          cadres: body.cadres,
          ballots: body.ballots,
          meeting: body.meeting,
          gradeVotes: body.gradeVotes,
        }),
      };
    } catch (e) {
      return refusedInput(e, ["ballots"]);
    }
  },
});

export const score = operation.handler;
register(operation);
