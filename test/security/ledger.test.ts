/**
 * Issue 8 items 7, 8, 9, 10, 17 and 18: what someone with write access to the storage account (but
 * not the service's chain key) can no longer do unseen, and what HR can check later.
 */
import { randomUUID } from "node:crypto";
import { BlobServiceClient } from "@azure/storage-blob";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalJson, sha256Hex } from "../../shared/index.ts";
import { problemOf, startStack, type Stack } from "../integration/harness.ts";
import { HEAD_KEY, LEDGER, entryKey } from "../../functions/store/ledger.ts";
import { allPages, scoreTwo, submit, type Scored } from "./fixtures.ts";

let stack: Stack;
let scored: Scored;
beforeAll(async () => {
  stack = await startStack({ inMemory: true });
  scored = await scoreTwo(stack);
});
afterAll(async () => {
  await stack?.stop();
});

interface Entry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  policy: { id: string; version: number; sha256: string };
  contentSha256: string;
  prevHash: string;
  keyId?: string;
  hash: string;
}
const audit = () => allPages<Entry>(stack, "/audit?limit=1000");
const verify = async (full = true) => (await stack.call("hr", `/audit/verify${full ? "?full=true" : ""}`)).json();
const container = () => BlobServiceClient.fromConnectionString(stack.connectionString).getContainerClient("sheets");

/** The attacker's rewrite: every hash from `from` on recomputed in the open (sha256 of the entry's canonical JSON), and the head. */
async function rewriteChain(entries: Entry[], from: number) {
  const table = stack.table();
  let prev = entries[from - 1]?.hash ?? "0".repeat(64);
  for (const e of entries.slice(from)) {
    const { hash: _old, ...rest } = { ...e, prevHash: prev };
    const hash = await sha256Hex(canonicalJson(rest));
    await table.updateEntity(
      { partitionKey: LEDGER, rowKey: entryKey(e.seq), prevHash: prev, hash, actor: e.actor },
      "Merge",
    );
    prev = hash;
  }
  await table.updateEntity({ partitionKey: LEDGER, rowKey: HEAD_KEY, hash: prev }, "Merge");
}

describe("issue 8", () => {
  it("item 7: an entry edited and every later hash and the head recomputed is caught; signed checkpoints can be checked later", async () => {
    for (let i = 0; i < 3; i++)
      expect((await submit(stack, { unit: `审计局${i}`, period: "2026", result: scored })).status).toBe(201);
    expect(await verify()).toMatchObject({ ok: true });

    // HR files a checkpoint outside the system.
    const signed = await stack.call("hr", "/audit/checkpoints", { method: "POST" });
    expect(signed.status).toBe(201);
    const checkpoint = await signed.json();
    const entries = await audit();
    expect(checkpoint).toMatchObject({ seq: entries.length - 1, head: entries.at(-1)!.hash });
    expect(checkpoint.signature).toMatch(/^[0-9a-f]{64}$/);
    const check = async (c: unknown) =>
      (await stack.call("hr", "/audit/checkpoints/verify", { method: "POST", json: c })).json();
    expect(await check(checkpoint)).toMatchObject({ ok: true });
    // A checkpoint altered after filing does not verify.
    expect(await check({ ...checkpoint, seq: checkpoint.seq - 1 })).toMatchObject({ ok: false });
    expect(await check({ ...checkpoint, head: "0".repeat(64) })).toMatchObject({ ok: false });

    // The attacker edits who submitted entry 2 and recomputes every later hash and the head.
    const target = entries.find((e) => e.action === "sheet.submit")!;
    const edited = entries.map((e) => (e.seq === target.seq ? { ...e, actor: "someone-else" } : e));
    await rewriteChain(edited, target.seq);
    const found = await verify();
    expect(found).toMatchObject({ ok: false, firstBroken: target.seq });
    expect(found.message["zh-CN"]).toContain(`第 ${target.seq} 号`);
    // The filed checkpoint no longer matches the chain.
    const later = await check(checkpoint);
    expect(later.ok).toBe(false);
    expect(later.message.en).toContain("altered after the checkpoint was signed");
  });
});

describe("issue 8 (fresh chain)", () => {
  let fresh: Stack;
  beforeAll(async () => {
    await stack.stop();
    stack = await startStack({ inMemory: true });
    fresh = stack;
    scored = await scoreTwo(stack);
  });

  it("item 8: submittedBy and cadres edited in the sheet's row are detected by the pull and by audit verify", async () => {
    const res = await submit(fresh, { unit: "人社局", period: "2026", result: scored });
    const { id } = await res.json();
    const entry = (await audit()).find((e) => e.subject === id)!;
    const table = fresh.table();
    for (const edit of [{ submittedBy: "dev-hr@kaoping.local" }, { cadres: 7 }, { title: "改过的标题" }]) {
      const before = await table.getEntity<Record<string, unknown>>(LEDGER, `s~${id}`);
      await table.updateEntity({ partitionKey: LEDGER, rowKey: `s~${id}`, ...edit }, "Merge");
      for (const format of ["json", "csv", "xlsx"]) {
        const pull = await fresh.call("hr", `/sheets/${id}?format=${format}`);
        expect(pull.status, `${JSON.stringify(edit)} ${format}`).toBe(409);
        expect((await problemOf(pull)).message!.en).toContain("does not match its audit entry");
      }
      expect(await verify()).toMatchObject({ ok: false, firstBroken: entry.seq });
      const { etag: _e, timestamp: _t, ...original } = before as Record<string, unknown>;
      await table.updateEntity(original as never, "Replace");
      expect((await fresh.call("hr", `/sheets/${id}`)).status).toBe(200);
    }
    expect(await verify()).toMatchObject({ ok: true });
  });

  it("item 9: a blob without a committed row is never served or listed, and is swept", async () => {
    const orphan = randomUUID();
    const doc = JSON.stringify({ result: scored, policy: {} });
    await container().getBlockBlobClient(`${orphan}.json`).upload(doc, Buffer.byteLength(doc));
    const kept = await (await submit(fresh, { unit: "统计局", period: "2026", result: scored })).json();

    expect((await fresh.call("hr", `/sheets/${orphan}`)).status).toBe(404);
    expect((await allPages<{ id: string }>(fresh, "/sheets")).map((s) => s.id)).not.toContain(orphan);

    // A young orphan may be a submission in flight: the default grace keeps it.
    const young = await (await fresh.call("admin", "/admin/sweep-orphans", { method: "POST" })).json();
    expect(young.deleted).toEqual([]);
    process.env.KAOPING_ORPHAN_GRACE_SECONDS = "0";
    try {
      expect((await fresh.call("hr", "/admin/sweep-orphans", { method: "POST" })).status).toBe(403);
      const swept = await (await fresh.call("admin", "/admin/sweep-orphans", { method: "POST" })).json();
      expect(swept.deleted).toEqual([`${orphan}.json`]);
    } finally {
      delete process.env.KAOPING_ORPHAN_GRACE_SECONDS;
    }
    const names: string[] = [];
    for await (const b of container().listBlobsFlat()) names.push(b.name);
    expect(names).not.toContain(`${orphan}.json`);
    expect(names).toContain(`${kept.id}.json`);
    expect((await fresh.call("hr", `/sheets/${kept.id}`)).status).toBe(200);
  });

  it("item 10: an Idempotency-Key is the caller's own: another assessor's identical request stores its own sheet", async () => {
    const key = `shared-key-${randomUUID()}`;
    const body = { unit: "教育局", period: "2026", result: scored };
    const a = await submit(fresh, body, { "Idempotency-Key": key });
    expect(a.status).toBe(201);
    const aSheet = await a.json();
    const bToken = await fresh.mint({ roles: ["assessor"], subject: "assessor-b" });
    const b = await submit(fresh, body, { "Idempotency-Key": key }, bToken);
    expect(b.status).toBe(201);
    const bSheet = await b.json();
    expect(bSheet.id).not.toBe(aSheet.id);
    expect(bSheet.submittedBy).toBe("assessor-b@kaoping.local");
    // A's own retry still replays A's sheet.
    const again = await submit(fresh, body, { "Idempotency-Key": key });
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(aSheet.id);
  });

  it("item 17: one damaged sheet row is left out and reported; the list still answers", async () => {
    const created = await (await submit(fresh, { unit: "卫健委", period: "2026", result: scored })).json();
    await fresh
      .table()
      .updateEntity({ partitionKey: LEDGER, rowKey: `s~${created.id}`, policyVersion: "one", cadres: "many" }, "Merge");
    const res = await fresh.call("hr", "/sheets");
    expect(res.status).toBe(200);
    const list = await res.json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.map((s: { id: string }) => s.id)).not.toContain(created.id);
    expect(list.skipped).toHaveLength(1);
    expect(list.skipped[0].row).toBe(created.id);
    expect(list.skipped[0].message["zh-CN"]).toContain("损坏");
    // Pulling it is a 409, not a 500.
    expect((await fresh.call("hr", `/sheets/${created.id}`)).status).toBe(409);
  });

  it("item 18: sheets and audit come in pages with continuation tokens; verify starts after the last signed checkpoint", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await (await submit(fresh, { unit: "分页局", period: "2027", result: scored })).json()).id);
    const first = await (await fresh.call("hr", "/sheets?unit=分页局&limit=2")).json();
    expect(first.items).toHaveLength(2);
    expect(first.continuationToken).toEqual(expect.any(String));
    const all = await allPages<{ id: string }>(fresh, "/sheets?unit=分页局&limit=2");
    expect(all.map((s) => s.id)).toEqual(ids);

    const entries = await allPages<Entry>(fresh, "/audit?limit=3");
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i));
    const page = await (await fresh.call("hr", "/audit?limit=3")).json();
    expect(page.items).toHaveLength(3);
    expect((await fresh.call("hr", "/audit?limit=0")).status).toBe(400);
    expect((await fresh.call("hr", "/audit?limit=1001")).status).toBe(400);

    const checkpoint = await (await fresh.call("admin", "/audit/checkpoints", { method: "POST" })).json();
    await submit(fresh, { unit: "分页局", period: "2028", result: scored });
    const incremental = await verify(false);
    expect(incremental).toMatchObject({ ok: true, from: checkpoint.seq, entries: 1 });
    expect(incremental.message["zh-CN"]).toContain("检查点");
    const full = await verify(true);
    expect(full.entries).toBe(checkpoint.seq + 2);
    expect(full.from).toBeUndefined();
    // Starting after the checkpoint still catches an edit of the entry it signed, or of one after it.
    const table = fresh.table();
    for (const seq of [checkpoint.seq, checkpoint.seq + 1]) {
      const row = await table.getEntity<{ actor: string }>(LEDGER, entryKey(seq));
      await table.updateEntity({ partitionKey: LEDGER, rowKey: entryKey(seq), actor: "someone-else" }, "Merge");
      expect(await verify(false)).toMatchObject({ ok: false, firstBroken: seq });
      await table.updateEntity({ partitionKey: LEDGER, rowKey: entryKey(seq), actor: row.actor }, "Merge");
    }
    expect(await verify(false)).toMatchObject({ ok: true, from: checkpoint.seq });
  });
});
