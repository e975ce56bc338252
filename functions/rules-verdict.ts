import { VerdictRequestSchema, VerdictResponseSchema } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { verdictJson } from "./lib/verdict-json.ts";
import { resolvePolicy } from "./lib/policy-ref.ts";
import { MiB } from "./lib/params.ts";
import { COMMON_PROBLEMS, notFoundProblem } from "./lib/responses.ts";

export const operation = defineOperation({
  name: "rulesVerdict",
  method: "POST",
  route: "rules/verdict",
  roles: ["assessor"],
  visibility: "important",
  summary: {
    "zh-CN": "批量判定等次与是否胜任（1–10000 项）",
    en: "Grades and verdicts for a batch of 1 to 10,000 items",
  },
  description: {
    "zh-CN":
      "自定义函数一次重算只发一个请求：各项的得票数（可选综合分与各要素分）按顺序返回等次、结论与理由。上限 4 MiB（Excel 网页版单次请求上限为 5 MB）。",
    en: "What custom functions call, one request per recalculation: vote counts (optionally composite and dimension scores) in, grade, verdict and reasons per item out, in order. Limit 4 MiB (Excel on the web caps a request at 5 MB).",
  },
  maxBodyBytes: 4 * MiB,
  request: { body: VerdictRequestSchema },
  responses: [
    {
      status: 200,
      description: { "zh-CN": "逐项结果，顺序与请求相同", en: "One result per item, in request order" },
      schema: VerdictResponseSchema,
    },
    notFoundProblem("方案不存在", "Unknown policy"),
    ...COMMON_PROBLEMS,
  ],
  run: async ({ body }) => {
    const { policy, identity } = await resolvePolicy(body);
    return {
      body: verdictJson(policy, identity, body.items, body.detail),
      contentType: "application/json; charset=utf-8",
    };
  },
});

export const rulesVerdict = operation.handler;
register(operation);
