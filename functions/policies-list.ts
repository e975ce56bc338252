import { PolicyListSchema } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { COMMON_PROBLEMS } from "./lib/responses.ts";
import { listPolicies } from "./store/policies.ts";

export const operation = defineOperation({
  name: "policiesList",
  method: "GET",
  route: "policies",
  roles: ["assessor", "hr", "admin"],
  summary: { "zh-CN": "列出考核方案（各取最新版本）", en: "List policies (latest version of each)" },
  request: {},
  responses: [
    { status: 200, description: { "zh-CN": "方案列表", en: "The policies" }, schema: PolicyListSchema },
    ...COMMON_PROBLEMS,
  ],
  run: async () => ({
    json: {
      items: (await listPolicies()).map((r) => ({
        id: r.id,
        version: r.version,
        title: r.title,
        sha256: r.sha256,
        publishedAt: r.publishedAt,
      })),
    },
  }),
});

export const policiesList = operation.handler;
register(operation);
