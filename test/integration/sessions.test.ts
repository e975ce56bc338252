import { BlobServiceClient } from "@azure/storage-blob";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemOf, startStack, type Stack } from "./harness.ts";
import { codeHash, normaliseCode } from "../../functions/store/session-codes.ts";
import { PER_CLIENT_PER_MINUTE } from "../../functions/lib/guess-throttle.ts";

/** Electronic ballots (spec section 10) over real HTTP against Azurite. */

let stack: Stack;
const CADRES = [
  { cadreId: "A1", name: "张三", unit: "财政局", post: "principal" },
  { cadreId: "A2", name: "李四", unit: "财政局", post: "deputy" },
];
const full = (cadreId: string, s: number, gradeVote = "称职") => ({
  cadreId,
  morality: s,
  ability: s,
  diligence: s,
  achievement: s,
  integrity: s,
  gradeVote,
});

async function open(form = { scores: "numeric", gradeVote: true }, role: "assessor" = "assessor") {
  const res = await stack.call(role, "/sessions", {
    method: "POST",
    json: {
      title: "2026 年度考核大会",
      policyId: "default",
      cadres: CADRES,
      groups: ["peer", "subordinate"],
      form,
      expected: 10,
    },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; groups: { group: string; issued: number; returned: number }[] };
}
async function issue(id: string, group: string, count: number): Promise<string[]> {
  const res = await stack.call("assessor", `/sessions/${id}/codes`, { method: "POST", json: { group, count } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { codes: string[] }).codes;
}
const vote = (code: string, answers: unknown[], headers: Record<string, string> = {}) =>
  stack.call(null, "/vote/ballot", { method: "POST", json: { code, answers }, headers });

beforeAll(async () => {
  stack = await startStack({ inMemory: true });
}, 60_000);
afterAll(async () => stack?.stop());

describe("a ballot session from opening to audit", () => {
  it("takes each code once, refuses the rest in both languages, and publishes every receipt", async () => {
    const s = await open();
    const peer = await issue(s.id, "peer", 3);
    const sub = await issue(s.id, "subordinate", 2);
    expect(peer).toHaveLength(3);
    expect(new Set([...peer, ...sub]).size).toBe(5);
    // At least 64 random bits: 14 random base32 characters are 70 (with the session, the group and a MAC).
    expect(peer[0]).toMatch(/^[0-9A-HJKMNP-TV-Z]{27}$/);

    const form = await stack.call(null, "/vote/form", { method: "POST", json: { code: peer[0] } });
    expect(form.status).toBe(200);
    const f = (await form.json()) as { group: { label: string }; cadres: unknown[]; title: string };
    expect(f.group.label).toBe("同级");
    expect(f.cadres).toHaveLength(2);

    const r1 = await vote(peer[0]!, [full("A1", 90), full("A2", 80, "优秀")]);
    expect(r1.status).toBe(201);
    const { receipt } = (await r1.json()) as { receipt: string };
    expect(receipt).toMatch(/^[0-9a-f]{64}$/);

    // The same code again: refused, naming the reason in both languages.
    const again = await problemOf(await vote(peer[0]!, [full("A1", 90), full("A2", 80)]));
    expect(again.status).toBe(409);
    expect(again.message!["zh-CN"]).toContain("已投过票");
    expect(again.message!.en).toContain("already voted");
    // The same code loading its form again: refused too.
    expect((await stack.call(null, "/vote/form", { method: "POST", json: { code: peer[0] } })).status).toBe(409);

    // A code with one character changed is unknown.
    const wrong = peer[1]!.slice(0, 10) + (peer[1]![10] === "A" ? "B" : "A") + peer[1]!.slice(11);
    const unknown = await problemOf(await vote(wrong, [full("A1", 90), full("A2", 80)]));
    expect(unknown.status).toBe(404);
    expect(unknown.message!["zh-CN"]).toContain("测评码无效");

    // Incomplete: a dimension missing for 李四; out of range for 张三. Nothing stored, the code still works.
    const { integrity: _, ...partial } = full("A2", 80);
    const bad = await problemOf(await vote(peer[1]!, [full("A1", 101), partial]));
    expect(bad.status).toBe(422);
    expect(bad.errors!.map((e) => e.pointer).sort()).toEqual(
      [
        "/answers/0/achievement",
        "/answers/0/ability",
        "/answers/0/diligence",
        "/answers/0/integrity",
        "/answers/0/morality",
        "/answers/1/integrity",
      ].sort(),
    );
    expect(bad.message!["zh-CN"]).toContain("未提交");
    const missingCadre = await problemOf(await vote(peer[1]!, [full("A1", 90)]));
    expect(missingCadre.errors![0]!.message["zh-CN"]).toContain("李四");
    // Typed in lower case with dashes: the same code.
    const typed = peer[1]!.toLowerCase().replace(/(.{5})/g, "$1-");
    expect((await vote(typed, [full("A1", 70), full("A2", 60, "")])).status).toBe(201);

    // Two phones submitting the same code at once: exactly one wins.
    const race = await Promise.all([1, 2, 3, 4].map((k) => vote(peer[2]!, [full("A1", 80 + k), full("A2", 80)])));
    expect(race.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect((await vote(sub[0]!, [full("A1", 85), full("A2", 75, "基本称职")])).status).toBe(201);

    // Progress: returned per group, never above issued.
    const prog = (await (await stack.call("assessor", `/sessions/${s.id}`)).json()) as {
      issued: number;
      returned: number;
      groups: { group: string; issued: number; returned: number }[];
    };
    expect(prog.issued).toBe(5);
    expect(prog.returned).toBe(4);
    expect(prog.groups).toEqual([
      { group: "peer", label: "同级", issued: 3, returned: 3 },
      { group: "subordinate", label: "下级", issued: 2, returned: 1 },
    ]);

    // Another assessor sees nothing of it; the rows cannot be read before closing.
    const other = await stack.mint({ roles: ["assessor"], subject: "someone-else" });
    const foreign = await fetch(`${stack.apiBase}/sessions/${s.id}`, { headers: { Authorization: `Bearer ${other}` } });
    expect(foreign.status).toBe(404);
    expect((await stack.call("assessor", `/sessions/${s.id}/ballots`)).status).toBe(409);
    expect((await stack.call(null, `/sessions/${s.id}/receipts`)).status).toBe(404);

    const closed = await stack.call("assessor", `/sessions/${s.id}/close`, { method: "POST" });
    expect(closed.status).toBe(200);
    expect(((await closed.json()) as { returned: number }).returned).toBe(4);

    // After closing: an unused code is refused as closed.
    const late = await problemOf(await vote(sub[1]!, [full("A1", 90), full("A2", 80)]));
    expect(late.status).toBe(410);
    expect(late.message!["zh-CN"]).toContain("已结束");

    const rows = (
      (await (await stack.call("assessor", `/sessions/${s.id}/ballots`)).json()) as {
        rows: { ballotId: string; raterGroup: string; cadreId: string; morality: number; gradeVote?: string }[];
      }
    ).rows;
    expect(rows).toHaveLength(8);
    const mine = rows.filter((r) => r.ballotId === receipt);
    expect(mine).toEqual([
      { ...full("A1", 90), ballotId: receipt, raterGroup: "同级" },
      { ...full("A2", 80, "优秀"), ballotId: receipt, raterGroup: "同级" },
    ]);
    expect(rows.filter((r) => r.raterGroup === "下级")).toHaveLength(2);
    expect(rows.find((r) => r.cadreId === "A2" && r.morality === 60)!.gradeVote).toBe("");

    const published = (await (await stack.call(null, `/sessions/${s.id}/receipts`)).json()) as { receipts: string[] };
    expect(published.receipts).toHaveLength(4);
    expect(published.receipts).toContain(receipt);
    expect(new Set(rows.map((r) => r.ballotId))).toEqual(new Set(published.receipts));

    // The rows score like paper ballots.
    const scored = await stack.call("assessor", "/score", {
      method: "POST",
      json: { policyId: "default", cadres: CADRES, ballots: rows },
    });
    expect(scored.status).toBe(200);

    // The audit chain records open, two issues, close; verify passes; a ballot removed afterwards is found.
    const audit = (await (await stack.call("hr", "/audit")).json()) as {
      items: { seq: number; action: string; subject: string }[];
    };
    expect(audit.items.filter((e) => e.subject === s.id).map((e) => e.action)).toEqual([
      "session.open",
      "session.issue",
      "session.issue",
      "session.close",
    ]);
    expect(((await (await stack.call("hr", "/audit/verify")).json()) as { ok: boolean }).ok).toBe(true);
    const blob = BlobServiceClient.fromConnectionString(stack.connectionString)
      .getContainerClient("sheets")
      .getBlockBlobClient(`sessions/${s.id}/ballots.json`);
    const stored = JSON.parse((await blob.downloadToBuffer()).toString("utf8")) as { ballots: unknown[] };
    const original = JSON.stringify(stored);
    stored.ballots.pop();
    const tampered = JSON.stringify(stored);
    await blob.upload(tampered, Buffer.byteLength(tampered));
    const verify = (await (await stack.call("hr", "/audit/verify")).json()) as { ok: boolean; firstBroken: number };
    expect(verify.ok).toBe(false);
    expect(verify.firstBroken).toBe(audit.items.find((e) => e.action === "session.close" && e.subject === s.id)!.seq);
    await blob.upload(original, Buffer.byteLength(original));
  });
});

describe("anonymity of what a submit stores", () => {
  it("keeps neither the code, its hash nor a time finer than the session", async () => {
    const s = await open({ scores: "levels", gradeVote: true });
    const codes = await issue(s.id, "peer", 3);
    const table = stack.table();
    const partition = `vs~${s.id}`;
    const snapshot = async () => {
      const out: Record<string, unknown>[] = [];
      for await (const e of table.listEntities({ queryOptions: { filter: `PartitionKey eq '${partition}'` } }))
        out.push(e as Record<string, unknown>);
      return out;
    };
    const before = new Set((await snapshot()).map((e) => e.rowKey));
    const level = (cadreId: string, l: string) => ({
      cadreId,
      morality: l,
      ability: l,
      diligence: l,
      achievement: l,
      integrity: l,
      gradeVote: "称职",
    });
    const firstSubmit = Date.now();
    for (const c of codes.slice(0, 2))
      expect((await vote(c, [level("A1", "好"), level("A2", "较好")])).status).toBe(201);
    const written = (await snapshot()).filter((e) => !before.has(e.rowKey));
    expect(written).toHaveLength(2);
    const secrets = codes.slice(0, 2).flatMap((c) => [c, normaliseCode(c), codeHash(c)]);
    const ledger: string[] = [];
    for await (const e of table.listEntities({ queryOptions: { filter: "PartitionKey eq 'ledger'" } }))
      ledger.push(JSON.stringify(e));
    for (const e of written) {
      const text = JSON.stringify(e);
      for (const secret of secrets) expect(text).not.toContain(secret);
      // Our own properties: the group, the answers and the receipt's salt; no time of ours.
      const own = Object.keys(e).filter((k) => !["partitionKey", "rowKey", "etag", "timestamp"].includes(k));
      expect(own.sort()).toEqual(["answers", "group", "salt"]);
      for (const k of own) expect(String(e[k])).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    }
    for (const line of ledger) for (const secret of secrets) expect(line).not.toContain(secret);
    // The burnt codes left nothing behind.
    expect((await snapshot()).filter((e) => String(e.rowKey).startsWith("c~"))).toHaveLength(1);

    const closeStarted = Date.now();
    expect((await stack.call("assessor", `/sessions/${s.id}/close`, { method: "POST" })).status).toBe(200);
    // After closing, no row carries a server timestamp from the voting: only opening, issuing and closing times.
    const after = await snapshot();
    expect(after.map((e) => e.rowKey)).toEqual(["meta"]);
    for (const e of after) {
      const t = Date.parse(String(e.timestamp));
      expect(t < firstSubmit - 1000 || t >= closeStarted - 1000).toBe(true);
    }
    // The closed ballots blob: sorted by receipt, no code, no hash, no time.
    const blob = await BlobServiceClient.fromConnectionString(stack.connectionString)
      .getContainerClient("sheets")
      .getBlockBlobClient(`sessions/${s.id}/ballots.json`)
      .downloadToBuffer();
    const text = blob.toString("utf8");
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    const receipts = (JSON.parse(text) as { ballots: { receipt: string }[] }).ballots.map((b) => b.receipt);
    expect(receipts).toEqual([...receipts].sort());
    // Identical ballots get different receipts (the salt).
    expect(new Set(receipts).size).toBe(2);
  });
});

describe("guessing codes", () => {
  it("throttles a guessing client but never a genuine code from the same address", async () => {
    const s = await open();
    const [code] = await issue(s.id, "peer", 1);
    const from = { "X-Forwarded-For": "203.0.113.9" };
    const guess = (k: number) => `${s.id}${String(k).padStart(20, "0")}`;
    for (let k = 0; k < PER_CLIENT_PER_MINUTE; k++) expect((await vote(guess(k), [], from)).status).toBe(404);
    const throttled = await problemOf(await vote(guess(999), [], from));
    expect(throttled.status).toBe(429);
    expect(throttled.message!["zh-CN"]).toContain("一分钟");
    // Another address is not affected; the genuine code from the throttled address still votes.
    expect((await vote(guess(1000), [], { "X-Forwarded-For": "203.0.113.10" })).status).toBe(404);
    expect((await vote(code!, [full("A1", 90), full("A2", 80)], from)).status).toBe(201);
  });
});
