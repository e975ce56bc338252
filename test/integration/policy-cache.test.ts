/**
 * Issue 13, part 3: /api/rules/verdict resolves a published policy from an in-process cache. What a user
 * checks: a newly published version is used at once (same process) or within LATEST_TTL_MS (another
 * instance); a version named by number never changes; a policy edited in storage is still refused; an
 * unknown id is still a bilingual 404 and is not remembered as missing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { policyIdentity, PolicySchema, type Policy } from "../../shared/index.ts";
import { LATEST_TTL_MS } from "../../functions/lib/policy-cache.ts";
import { LEDGER } from "../../functions/store/ledger.ts";
import { problemOf, startStack, type Stack } from "./harness.ts";

let stack: Stack;
let base: Policy;
beforeAll(async () => {
  stack = await startStack({ inMemory: true });
  base = (await (await stack.call("admin", "/policies/default")).json()).policy;
});
afterAll(async () => {
  await stack?.stop();
});
afterEach(() => {
  vi.useRealTimers();
});

// 6 excellent, 3 competent, 1 basic of 10: (E+C)/n = 9/10 >= 2/3, E/n = 6/10 >= 1/2, no incompetent votes.
// Composite 88: the default bands (excellent from 90, competent from 75) make it 称职; the "lowered" bands
// (excellent from 85) make it 优秀, and the vote share allows 优秀.
const ITEM = { excellent: 6, competent: 3, basic: 1, incompetent: 0, composite: 88 };
const LOWERED = { excellent: 85, competent: 70, basic: 60 };

const verdict = (body: Record<string, unknown>) =>
  stack.call("assessor", "/rules/verdict", { method: "POST", json: { items: [ITEM], detail: "brief", ...body } });

async function gradeUnder(body: Record<string, unknown>) {
  const res = await verdict(body);
  expect(res.status).toBe(200);
  const json = await res.json();
  return { version: json.policy.version as number, grade: json.results[0].grade as string };
}

async function publish(id: string, doc: Partial<Policy>): Promise<number> {
  const current = await stack.call("admin", `/policies/${id}`);
  const res = await stack.call("admin", `/policies/${id}`, {
    method: "PUT",
    json: { ...base, ...doc, id },
    headers: current.status === 200 ? { "If-Match": current.headers.get("etag")! } : {},
  });
  expect(res.status).toBe(201);
  return (await res.json()).identity.version;
}

/** What another instance's publish leaves in storage: a version row whose sha256 matches its document. */
async function writeVersionRow(id: string, version: number, doc: Partial<Policy>, edit?: (d: Policy) => void) {
  const policy = PolicySchema.parse({ ...base, ...doc, id, version });
  const { sha256 } = await policyIdentity(policy);
  edit?.(policy);
  await stack.table().upsertEntity(
    {
      partitionKey: LEDGER,
      rowKey: `p~${id}~${String(version).padStart(10, "0")}`,
      id,
      version,
      title: policy.title,
      sha256,
      publishedAt: new Date().toISOString(),
      publishedBy: "another-instance",
      doc: JSON.stringify(policy),
    },
    "Replace",
  );
}

/** Moves the clock past the latest-version TTL (only Date is faked: sockets and timers run as usual). */
function passTheTtl() {
  const now = Date.now();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(now + LATEST_TTL_MS + 1);
}

describe("issue 13 part 3: the resolved-policy cache of the rules operations", () => {
  it("a version published through this API is used by the very next verdict", async () => {
    await publish("cache-put", {});
    expect(await gradeUnder({ policyId: "cache-put" })).toEqual({ version: 1, grade: "competent" });
    const v2 = await publish("cache-put", { bands: LOWERED });
    expect(v2).toBe(2);
    expect(await gradeUnder({ policyId: "cache-put" })).toEqual({ version: 2, grade: "excellent" });
  });

  it("a version another instance publishes is used once the TTL has passed, not before", async () => {
    await publish("cache-ttl", {});
    expect(await gradeUnder({ policyId: "cache-ttl" })).toEqual({ version: 1, grade: "competent" });
    await writeVersionRow("cache-ttl", 2, { bands: LOWERED });
    // Within the TTL the answer comes from the cache: storage is not asked on every call.
    expect(await gradeUnder({ policyId: "cache-ttl" })).toEqual({ version: 1, grade: "competent" });
    passTheTtl();
    expect(await gradeUnder({ policyId: "cache-ttl" })).toEqual({ version: 2, grade: "excellent" });
  });

  it("a version named by number keeps its content after newer versions are published", async () => {
    await publish("cache-fixed", {});
    expect(await gradeUnder({ policyId: "cache-fixed", version: 1 })).toEqual({ version: 1, grade: "competent" });
    await publish("cache-fixed", { bands: LOWERED });
    expect(await gradeUnder({ policyId: "cache-fixed", version: 1 })).toEqual({ version: 1, grade: "competent" });
    expect(await gradeUnder({ policyId: "cache-fixed", version: 2 })).toEqual({ version: 2, grade: "excellent" });
    expect(await gradeUnder({ policyId: "cache-fixed" })).toEqual({ version: 2, grade: "excellent" });
  });

  it("a newer version edited in storage is refused (409), also after the earlier one was cached, and is used once restored", async () => {
    await publish("cache-tamper", {});
    expect(await gradeUnder({ policyId: "cache-tamper" })).toEqual({ version: 1, grade: "competent" });
    // Version 2 lands with the lowered bands' sha256, but its document was edited to even lower bands.
    await writeVersionRow("cache-tamper", 2, { bands: LOWERED }, (d) => {
      d.bands = { excellent: 50, competent: 40, basic: 30 };
    });
    passTheTtl();
    for (const body of [{ policyId: "cache-tamper" }, { policyId: "cache-tamper", version: 2 }]) {
      for (let attempt = 0; attempt < 2; attempt++) {
        const res = await verdict(body);
        expect(res.status).toBe(409);
        const p = await problemOf(res);
        expect(p.message!["zh-CN"]).toContain("完整性校验");
        expect(p.message!.en).toContain("failed its integrity check");
      }
    }
    // The earlier, verified version stays usable by number.
    expect(await gradeUnder({ policyId: "cache-tamper", version: 1 })).toEqual({ version: 1, grade: "competent" });
    // The refusal was not remembered: restored, version 2 is served as published.
    await writeVersionRow("cache-tamper", 2, { bands: LOWERED });
    expect(await gradeUnder({ policyId: "cache-tamper" })).toEqual({ version: 2, grade: "excellent" });
  });

  it("a never-published id is a bilingual 404, and is found as soon as it is published elsewhere", async () => {
    const res = await verdict({ policyId: "cache-later" });
    expect(res.status).toBe(404);
    const p = await problemOf(res);
    expect(p.message).toEqual({ "zh-CN": "没有名为「cache-later」的考核方案", en: 'no policy "cache-later"' });
    const byNumber = await problemOf(await verdict({ policyId: "cache-later", version: 1 }));
    expect(byNumber.message).toEqual({
      "zh-CN": "考核方案「cache-later」没有第 1 版",
      en: 'policy "cache-later" has no version 1',
    });
    // Published by another instance a moment later: no waiting for any TTL.
    await writeVersionRow("cache-later", 1, { bands: LOWERED });
    expect(await gradeUnder({ policyId: "cache-later" })).toEqual({ version: 1, grade: "excellent" });
    expect(await gradeUnder({ policyId: "cache-later", version: 1 })).toEqual({ version: 1, grade: "excellent" });
  });
});
