import { z } from "zod";
import { AuditListSchema } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { DEFAULT_PAGE, PagingQuery } from "./lib/paging.ts";
import { COMMON_PROBLEMS } from "./lib/responses.ts";
import { listAuditPage } from "./store/ledger.ts";
import { seedDefaults } from "./store/policies.ts";

export const operation = defineOperation({
  name: "auditList",
  method: "GET",
  route: "audit",
  roles: ["admin", "hr"],
  summary: {
    "zh-CN": "审计日志：每次方案发布与考评表提交（哈希链，分页）",
    en: "Audit log: every policy publication and sheet submission (hash-chained, paged)",
  },
  request: { query: z.object(PagingQuery) },
  responses: [
    {
      status: 200,
      description: {
        "zh-CN": "按序号排列的日志条目；有 continuationToken 时还有下一页",
        en: "Entries in sequence order; a continuationToken means more follow",
      },
      schema: AuditListSchema,
    },
    ...COMMON_PROBLEMS,
  ],
  run: async ({ query }) => {
    await seedDefaults();
    return { json: await listAuditPage(query.limit ?? DEFAULT_PAGE, query.continuationToken) };
  },
});

export const auditList = operation.handler;
register(operation);
