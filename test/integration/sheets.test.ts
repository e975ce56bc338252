import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemOf, startStack, type Stack } from "./harness.ts";
import { LEDGER, entryKey } from "../../functions/store/ledger.ts";

let stack: Stack;
let result: { policy: { id: string; version: number; sha256: string }; cadres: { cadreId: string; composite: number | null }[] };

const ballot = (ballotId: string, raterGroup: string, cadreId: string, s: number, gradeVote = "称职") => ({
  ballotId, raterGroup, cadreId, morality: s, ability: s, diligence: s, achievement: s, integrity: s, gradeVote,
});

beforeAll(async () => {
  stack = await startStack();
  const res = await stack.call("assessor", "/score", {
    method: "POST",
    json: {
      policyId: "default",
      cadres: [
        { cadreId: "A1", name: "张三", unit: "财政局", post: "principal" },
        { cadreId: "A2", name: "李四", unit: "财政局", post: "deputy" },
      ],
      ballots: [ballot("1", "superior", "A1", 88.5), ballot("2", "peer", "A1", 91), ballot("1", "superior", "A2", 76), ballot("2", "subordinate", "A2", 79.25)],
    },
  });
  expect(res.status).toBe(200);
  result = await res.json();
});
afterAll(async () => {
  await stack?.stop();
});

describe("scored sheets", () => {
  it("50 concurrent submissions with one Idempotency-Key store exactly one sheet", async () => {
    const submit = () =>
      stack.call("assessor", "/sheets", { method: "POST", json: { unit: "财政局", period: "2026", title: "2026 年度", result }, headers: { "Idempotency-Key": "fin-2026-once" } });
    const responses = await Promise.all(Array.from({ length: 50 }, submit));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(49);
    const ids = new Set(await Promise.all(responses.map(async (r) => (await r.json()).id)));
    expect(ids.size).toBe(1);
    const [id] = [...ids];

    const list = await (await stack.call("hr", "/sheets?unit=" + encodeURIComponent("财政局") + "&period=2026")).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ id, unit: "财政局", period: "2026", cadres: 2, policy: result.policy, submittedBy: "dev-assessor@kaoping.local" });

    const audit = await (await stack.call("hr", "/audit")).json();
    const entries = audit.items.filter((e: { action: string; subject: string }) => e.action === "sheet.submit" && e.subject === id);
    expect(entries).toHaveLength(1);
    expect(entries[0].policy).toEqual(result.policy);

    // The same key with different content is refused, not silently ignored.
    const other = await stack.call("assessor", "/sheets", { method: "POST", json: { unit: "财政局", period: "2025", result }, headers: { "Idempotency-Key": "fin-2026-once" } });
    expect(other.status).toBe(422);
  });

  it("HR pulls it as JSON, CSV and the scored xlsx, with the same composites", async () => {
    const created = await stack.call("assessor", "/sheets", { method: "POST", json: { unit: "教育局", period: "2026-H1", result } });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect(created.headers.get("location")).toBe(`/api/sheets/${id}`);

    const json = await (await stack.call("hr", `/sheets/${id}?format=json`)).json();
    expect(json.result).toEqual(result);
    expect(json.unit).toBe("教育局");

    const csv = await stack.call("hr", `/sheets/${id}?format=csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const csvText = await csv.text();
    expect(csvText).toContain("张三");

    const xlsx = await stack.call("hr", `/sheets/${id}?format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const ws = wb.worksheets.find((w) => w.name.includes("Results"))!;
    const header = Array.from(ws.getRow(1).values as unknown[], (v) => String(v ?? ""));
    const idCol = header.findIndex((h) => h.includes("Cadre ID"));
    const compCol = header.findIndex((h) => h === "综合得分 Composite");
    const seen = new Map<string, number>();
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cell = row.getCell(compCol).value as number | { result?: number } | null;
      const value = typeof cell === "number" ? cell : (cell?.result as number);
      seen.set(String(row.getCell(idCol).value), value);
    }
    expect(Object.fromEntries(seen)).toEqual(Object.fromEntries(result.cadres.map((c) => [c.cadreId, c.composite])));
  });

  it("refuses a sheet whose policy is unknown, or whose attached policy does not match", async () => {
    const unknown = { ...result, policy: { ...result.policy, version: 42 } };
    const a = await stack.call("assessor", "/sheets", { method: "POST", json: { unit: "x", period: "2026", result: unknown } });
    expect(a.status).toBe(404);
    const policy = (await (await stack.call("assessor", "/policies/default/versions/1")).json()).policy;
    const b = await stack.call("assessor", "/sheets", { method: "POST", json: { unit: "x", period: "2026", result: unknown, policy } });
    expect(b.status).toBe(400);
    expect((await problemOf(b)).errors![0]!.pointer).toBe("/policy");
    const foreign = { ...result, cadres: result.cadres.map((c, i) => (i === 1 ? { ...c, post: "astronaut" } : c)) };
    const c = await stack.call("assessor", "/sheets", { method: "POST", json: { unit: "x", period: "2026", result: foreign } });
    expect(c.status).toBe(400);
    expect((await problemOf(c)).errors![0]!.pointer).toBe("/result/cadres/1/post");
    const badPeriod = await stack.call("assessor", "/sheets", { method: "POST", json: { unit: "x", period: "last year", result } });
    expect(badPeriod.status).toBe(400);
    expect((await problemOf(badPeriod)).errors![0]!.message["zh-CN"]).toContain("考核期间");
  });

  it("a sheet scored with an unpublished inline policy is accepted with the policy attached", async () => {
    const base = (await (await stack.call("assessor", "/policies/default")).json()).policy;
    const policy = { ...base, id: "pilot", version: 3, title: "试点方案" };
    const scored = await (await stack.call("assessor", "/score", { method: "POST", json: { policy, cadres: [{ cadreId: "P1", name: "王五", unit: "试点", post: "staff" }], ballots: [ballot("1", "peer", "P1", 80)] } })).json();
    expect(scored.policy).toMatchObject({ id: "pilot", version: 3 });
    const res = await stack.call("assessor", "/sheets", { method: "POST", json: { unit: "试点", period: "2026-Q3", result: scored, policy } });
    expect(res.status).toBe(201);
    const { id } = await res.json();
    expect((await stack.call("hr", `/sheets/${id}?format=xlsx`)).status).toBe(200);
    expect((await stack.call("hr", `/sheets/00000000-0000-0000-0000-000000000000`)).status).toBe(404);
  });

  it("audit verify names an entry edited directly in the table", async () => {
    expect(await (await stack.call("hr", "/audit/verify")).json()).toMatchObject({ ok: true, firstBroken: null });
    const table = stack.table();
    const row = await table.getEntity<{ actor: string }>(LEDGER, entryKey(2));
    await table.updateEntity({ partitionKey: LEDGER, rowKey: entryKey(2), actor: "someone-else" }, "Merge");
    const verify = await (await stack.call("admin", "/audit/verify")).json();
    expect(verify).toMatchObject({ ok: false, firstBroken: 2 });
    expect(verify.message["zh-CN"]).toContain("2");
    // Put it back: the chain verifies again.
    await table.updateEntity({ partitionKey: LEDGER, rowKey: entryKey(2), actor: row.actor }, "Merge");
    expect((await (await stack.call("admin", "/audit/verify")).json()).ok).toBe(true);
  });
});
