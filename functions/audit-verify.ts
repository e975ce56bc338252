import { z } from "zod";
import { AuditVerifySchema, type AuditEntry } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { COMMON_PROBLEMS } from "./lib/responses.ts";
import { entryAt, entryHashValid, latestCheckpoint, readChain, verifyChain } from "./store/ledger.ts";
import { policyContentMatches, seedDefaults } from "./store/policies.ts";
import { sheetContentMatches } from "./store/sheets.ts";
import { surveyContentMatches } from "./store/surveys.ts";
import { sessionContentMatches } from "./store/sessions.ts";

export const operation = defineOperation({
  name: "auditVerify",
  method: "GET",
  route: "audit/verify",
  roles: ["admin", "hr"],
  summary: {
    "zh-CN": "校验审计链（带密钥的哈希）及所记方案与考评表的内容，指出第一处不符",
    en: "Verify the audit chain (keyed hashes) and the policies and sheets it records; name the first entry that fails",
  },
  description: {
    "zh-CN": "默认从最近一个签名有效的检查点之后开始校验（增量）；full=true 从头校验全部记录。",
    en: "By default starts after the latest checkpoint whose signature verifies (incremental); full=true checks every entry from the start.",
  },
  request: {
    query: z.object({
      full: z
        .enum(["true", "false"])
        .optional()
        .meta({ description: "true: verify from the first entry, ignoring checkpoints" }),
    }),
  },
  responses: [
    { status: 200, description: { "zh-CN": "校验结果", en: "The finding" }, schema: AuditVerifySchema },
    ...COMMON_PROBLEMS,
  ],
  run: async ({ query }) => {
    await seedDefaults();
    const checkpoint = query.full === "true" ? undefined : await latestCheckpoint();
    const start = checkpoint ? { seq: checkpoint.seq, hash: checkpoint.head } : undefined;
    const { entries, head } = await readChain(start?.seq ?? -1);
    // The checkpoint's entry itself must still carry the signed head (and its own keyed hash).
    const anchor = start && start.seq >= 0 ? await entryAt(start.seq) : undefined;
    const anchorBroken =
      !!start && start.seq >= 0 && (!anchor || anchor.hash !== start.hash || !entryHashValid(anchor));
    const chain = anchorBroken ? { ok: false, firstBroken: start!.seq } : verifyChain(entries, head, start);
    const content = anchorBroken ? null : await firstAlteredRecord(entries, chain.firstBroken ?? Infinity);
    const ok = chain.ok && content === null;
    const from = checkpoint ? { from: checkpoint.seq } : {};
    const count = entries.length;
    const recordOf = (seq: number) => RECORDS[entries.find((e) => e.seq === seq)!.action]!;
    const scope = checkpoint
      ? {
          "zh-CN": `检查点（第 ${checkpoint.seq} 号）之后的 ${count} 条记录`,
          en: `the ${count} entries after the checkpoint at #${checkpoint.seq}`,
        }
      : { "zh-CN": `全部 ${count} 条记录`, en: `all ${count} entries` };
    const message =
      content !== null
        ? {
            "zh-CN": `第 ${content} 号记录所记的${recordOf(content).zh}内容与其哈希不符（存储中的内容被改动过）；此前的链接均校验通过`,
            en: `entry ${content} records a ${recordOf(content).en} whose stored content no longer matches its hash (it was altered in storage); the chain links before it verify`,
          }
        : ok
          ? {
              "zh-CN": `审计链完整：${scope["zh-CN"]}及其所记方案与考评表均校验通过`,
              en: `the audit chain is intact: ${scope.en} and the policies and sheets they record verify`,
            }
          : {
              "zh-CN": `审计链在第 ${chain.firstBroken} 号记录处断开（带密钥的哈希或前序链接不符），该记录或其之前的记录被改动过`,
              en: `the audit chain breaks at entry ${chain.firstBroken} (its keyed hash or link does not verify): it or an earlier entry was altered`,
            };
    return {
      json: { ok, entries: count, firstBroken: content ?? chain.firstBroken, ...from, message },
    };
  },
});

/** What each audited action stores and how its content is checked against the entry's contentSha256. */
const RECORDS: Partial<
  Record<AuditEntry["action"], { check: (subject: string, sha: string) => Promise<boolean>; zh: string; en: string }>
> = {
  "policy.publish": { check: policyContentMatches, zh: "考核方案", en: "policy" },
  "sheet.submit": { check: sheetContentMatches, zh: "考评表", en: "sheet" },
  "survey.submit": { check: surveyContentMatches, zh: "满意度评议结果", en: "survey" },
  // The closing entry commits to the receipts list: a ballot added or removed after closing shows here.
  "session.close": { check: sessionContentMatches, zh: "测评会话的回执清单", en: "ballot session's receipts" },
};

/** The seq of the first entry before `before` whose recorded content no longer hashes to its contentSha256. */
async function firstAlteredRecord(entries: AuditEntry[], before: number): Promise<number | null> {
  const records = entries.filter((e) => e.seq < before && RECORDS[e.action]);
  // A few reads at a time: verify is rare, the store is shared.
  for (let i = 0; i < records.length; i += 8) {
    const batch = records.slice(i, i + 8);
    const matches = await Promise.all(batch.map((e) => RECORDS[e.action]!.check(e.subject, e.contentSha256)));
    const k = matches.indexOf(false);
    if (k >= 0) return batch[k]!.seq;
  }
  return null;
}

export const auditVerify = operation.handler;
register(operation);
