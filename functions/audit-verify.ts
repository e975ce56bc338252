import { AuditVerifySchema } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { COMMON_PROBLEMS } from "./lib/responses.ts";
import { readChain, verifyChain } from "./store/ledger.ts";
import { seedDefaults } from "./store/policies.ts";

export const operation = defineOperation({
  name: "auditVerify",
  method: "GET",
  route: "audit/verify",
  roles: ["admin", "hr"],
  summary: { "zh-CN": "校验审计哈希链，指出第一处断链", en: "Verify the audit hash chain and name the first broken link" },
  request: {},
  responses: [{ status: 200, description: { "zh-CN": "校验结果", en: "The finding" }, schema: AuditVerifySchema }, ...COMMON_PROBLEMS],
  run: async () => {
    await seedDefaults();
    const { entries, head } = await readChain();
    const { ok, firstBroken } = await verifyChain(entries, head);
    const message = ok
      ? { "zh-CN": `审计链完整：${entries.length} 条记录均校验通过`, en: `the audit chain is intact: all ${entries.length} entries verify` }
      : { "zh-CN": `审计链在第 ${firstBroken} 号记录处断开（哈希或前序链接不符），该记录或其之前的记录被改动过`, en: `the audit chain breaks at entry ${firstBroken} (its hash or link does not verify): it or an earlier entry was altered` };
    return { json: { ok, entries: entries.length, firstBroken, message } };
  },
});

export const auditVerify = operation.handler;
register(operation);
