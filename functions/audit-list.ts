import { AuditListSchema } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { COMMON_PROBLEMS } from "./lib/responses.ts";
import { listAudit } from "./store/ledger.ts";
import { seedDefaults } from "./store/policies.ts";

export const operation = defineOperation({
  name: "auditList",
  method: "GET",
  route: "audit",
  roles: ["admin", "hr"],
  summary: {
    "zh-CN": "审计日志：每次方案发布与考评表提交（哈希链）",
    en: "Audit log: every policy publication and sheet submission (hash-chained)",
  },
  request: {},
  responses: [
    {
      status: 200,
      description: { "zh-CN": "按序号排列的日志条目", en: "Entries in sequence order" },
      schema: AuditListSchema,
    },
    ...COMMON_PROBLEMS,
  ],
  run: async () => {
    await seedDefaults();
    return { json: { items: await listAudit() } };
  },
});

export const auditList = operation.handler;
register(operation);
