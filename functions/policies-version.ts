import { z } from "zod";
import { PublishedPolicySchema } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { PolicyIdParam, VersionParam } from "./lib/params.ts";
import { policyNotFound } from "./lib/policy-ref.ts";
import { COMMON_PROBLEMS, notFoundProblem } from "./lib/responses.ts";
import { policyEtag, policyVersion } from "./store/policies.ts";

export const operation = defineOperation({
  name: "policiesVersion",
  method: "GET",
  route: "policies/{id}/versions/{version}",
  roles: ["assessor", "hr", "admin"],
  summary: {
    "zh-CN": "取考核方案的指定版本（已发布版本不可更改）",
    en: "One published version of a policy (immutable)",
  },
  request: { params: z.object({ id: PolicyIdParam, version: VersionParam }) },
  responses: [
    { status: 200, description: { "zh-CN": "该版本", en: "That version" }, schema: PublishedPolicySchema },
    notFoundProblem("方案或版本不存在", "Unknown policy or version"),
    ...COMMON_PROBLEMS,
  ],
  run: async ({ params }) => {
    const found = await policyVersion(params.id, params.version);
    if (!found) throw policyNotFound(params.id, params.version);
    return {
      json: found,
      headers: { ETag: policyEtag(found.identity), "Cache-Control": "private, max-age=86400, immutable" },
    };
  },
});

export const policiesVersion = operation.handler;
register(operation);
