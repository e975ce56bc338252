import { z } from "zod";
import { PublishedPolicySchema } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { PolicyIdParam } from "./lib/params.ts";
import { policyNotFound } from "./lib/policy-ref.ts";
import { COMMON_PROBLEMS, notFoundProblem } from "./lib/responses.ts";
import { latestPolicy, policyEtag } from "./store/policies.ts";

export const operation = defineOperation({
  name: "policiesGet",
  method: "GET",
  route: "policies/{id}",
  roles: ["assessor", "hr", "admin"],
  summary: {
    "zh-CN": "取考核方案的最新版本（附 ETag，修改时用作 If-Match）",
    en: "Latest version of a policy (with the ETag to send as If-Match when changing it)",
  },
  request: { params: z.object({ id: PolicyIdParam }) },
  responses: [
    {
      status: 200,
      description: { "zh-CN": "方案及其身份", en: "The policy and its identity" },
      schema: PublishedPolicySchema,
      headers: { ETag: { "zh-CN": "当前版本的 ETag", en: "ETag of the current version" } },
    },
    notFoundProblem("方案不存在", "Unknown policy"),
    ...COMMON_PROBLEMS,
  ],
  run: async ({ params }) => {
    const found = await latestPolicy(params.id);
    if (!found) throw policyNotFound(params.id);
    return { json: found, headers: { ETag: policyEtag(found.identity) } };
  },
});

export const policiesGet = operation.handler;
register(operation);
