import ExcelJS from "exceljs";
import { BlobServiceClient } from "@azure/storage-blob";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemOf, startStack, type Stack } from "./harness.ts";
import { LEDGER, entryKey } from "../../functions/store/ledger.ts";

/**
 * Evaluates the composite cell's formula, ROUND(ROUND(SUMPRODUCT(dims, 'Policy'!weights), 9 or 12), 2), from
 * the cells it references: the dimension cells on the row and the post's weights row on the policy sheet.
 */
function compositeFromCells(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, r: number, compCol: number): number {
  const cell = ws.getRow(r).getCell(compCol).value as { formula?: string } | null;
  const m =
    /^ROUND\(ROUND\(SUMPRODUCT\(([A-Z]+)(\d+):([A-Z]+)(\d+),'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)\),(\d{1,2})\),2\)$/.exec(
      cell?.formula ?? "",
    );
  if (!m) throw new Error(`row ${r}: unexpected composite formula ${JSON.stringify(cell)}`);
  const [, c1, r1, c2, r2, sheet, w1, wr1, w2, wr2, inner] = m;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const range = (s: ExcelJS.Worksheet, row: number, from: string, to: string) =>
    Array.from({ length: col(to) - col(from) + 1 }, (_, k) => s.getRow(row).getCell(col(from) + k).value as number);
  expect(r1).toBe(r2);
  expect(wr1).toBe(wr2);
  const dims = range(ws, Number(r1), c1!, c2!);
  const weights = range(wb.getWorksheet(sheet!.replace(/''/g, "'"))!, Number(wr1), w1!, w2!);
  expect(dims).toHaveLength(5);
  expect(weights).toHaveLength(5);
  const sum = dims.reduce((acc, d, k) => acc + d * weights[k]!, 0);
  // ROUND(x, inner) then ROUND(x, 2) half up, done on the decimal text so no binary noise decides a .xx5.
  const [whole, frac] = sum.toFixed(Number(inner)).split(".");
  const hundredths = BigInt(whole!) * 100n + BigInt(frac!.slice(0, 2)) + (Number(frac![2]) >= 5 ? 1n : 0n);
  return Number(hundredths) / 100;
}

let stack: Stack;
let result: {
  policy: { id: string; version: number; sha256: string };
  cadres: { cadreId: string; composite: number | null; groups: Record<string, unknown> }[];
};

const ballot = (ballotId: string, raterGroup: string, cadreId: string, s: number, gradeVote = "称职") => ({
  ballotId,
  raterGroup,
  cadreId,
  morality: s,
  ability: s,
  diligence: s,
  achievement: s,
  integrity: s,
  gradeVote,
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
      ballots: [
        ballot("1", "superior", "A1", 88.5),
        ballot("2", "peer", "A1", 91),
        ballot("1", "superior", "A2", 76),
        ballot("2", "subordinate", "A2", 79.25),
      ],
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
      stack.call("assessor", "/sheets", {
        method: "POST",
        json: { unit: "财政局", period: "2026", title: "2026 年度", result },
        headers: { "Idempotency-Key": "fin-2026-once" },
      });
    const responses = await Promise.all(Array.from({ length: 50 }, submit));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(49);
    const ids = new Set(await Promise.all(responses.map(async (r) => (await r.json()).id)));
    expect(ids.size).toBe(1);
    const [id] = [...ids];

    const list = await (await stack.call("hr", "/sheets?unit=" + encodeURIComponent("财政局") + "&period=2026")).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      id,
      unit: "财政局",
      period: "2026",
      cadres: 2,
      policy: result.policy,
      submittedBy: "dev-assessor@kaoping.local",
    });

    const audit = await (await stack.call("hr", "/audit")).json();
    const entries = audit.items.filter(
      (e: { action: string; subject: string }) => e.action === "sheet.submit" && e.subject === id,
    );
    expect(entries).toHaveLength(1);
    expect(entries[0].policy).toEqual(result.policy);

    // The same key with different content is refused, not silently ignored.
    const other = await stack.call("assessor", "/sheets", {
      method: "POST",
      json: { unit: "财政局", period: "2025", result },
      headers: { "Idempotency-Key": "fin-2026-once" },
    });
    expect(other.status).toBe(422);
  });

  it("HR pulls it as JSON, CSV and the scored xlsx, with the same composites", async () => {
    const created = await stack.call("assessor", "/sheets", {
      method: "POST",
      json: { unit: "教育局", period: "2026-H1", result },
    });
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
    // The printed page is titled with the sheet's unit and year.
    expect(String(wb.getWorksheet("考核结果 Results")!.getCell("A1").value)).toMatch(/^教育局 2026-H1 年度考核/);
    const ws = wb.getWorksheet("明细 Detail")!;
    const header = Array.from(ws.getRow(1).values as unknown[], (v) => String(v ?? ""));
    const idCol = header.findIndex((h) => h.includes("Cadre ID"));
    const compCol = header.findIndex((h) => h === "综合得分 Composite");
    // Each composite recomputed from the workbook's own cells (its formula's inputs), not its cached result.
    const recomputed = new Map<string, number>();
    for (let r = 2; r <= ws.rowCount; r++)
      recomputed.set(String(ws.getRow(r).getCell(idCol).value), compositeFromCells(wb, ws, r, compCol));
    expect(Object.fromEntries(recomputed)).toEqual(
      Object.fromEntries(result.cadres.map((c) => [c.cadreId, c.composite])),
    );
    // The check can fail: one dimension cell off by a point moves that composite.
    const dimCell = ws.getRow(2).getCell(compCol + 1);
    dimCell.value = (dimCell.value as number) + 1;
    expect(compositeFromCells(wb, ws, 2, compCol)).not.toBe(recomputed.get(String(ws.getRow(2).getCell(idCol).value)));
  });

  it("refuses a sheet whose policy is unknown, or whose attached policy does not match", async () => {
    const unknown = { ...result, policy: { ...result.policy, version: 42 } };
    const a = await stack.call("assessor", "/sheets", {
      method: "POST",
      json: { unit: "x", period: "2026", result: unknown },
    });
    expect(a.status).toBe(404);
    const policy = (await (await stack.call("assessor", "/policies/default/versions/1")).json()).policy;
    const b = await stack.call("assessor", "/sheets", {
      method: "POST",
      json: { unit: "x", period: "2026", result: unknown, policy },
    });
    expect(b.status).toBe(400);
    expect((await problemOf(b)).errors![0]!.pointer).toBe("/policy");
    const foreign = { ...result, cadres: result.cadres.map((c, i) => (i === 1 ? { ...c, post: "astronaut" } : c)) };
    const c = await stack.call("assessor", "/sheets", {
      method: "POST",
      json: { unit: "x", period: "2026", result: foreign },
    });
    expect(c.status).toBe(400);
    expect((await problemOf(c)).errors![0]!.pointer).toBe("/result/cadres/1/post");
    const badPeriod = await stack.call("assessor", "/sheets", {
      method: "POST",
      json: { unit: "x", period: "last year", result },
    });
    expect(badPeriod.status).toBe(400);
    expect((await problemOf(badPeriod)).errors![0]!.message["zh-CN"]).toContain("考核期间");
  });

  it("a sheet scored with an unpublished inline policy is accepted with the policy attached", async () => {
    const base = (await (await stack.call("assessor", "/policies/default")).json()).policy;
    const policy = { ...base, id: "pilot", version: 3, title: "试点方案" };
    const scored = await (
      await stack.call("assessor", "/score", {
        method: "POST",
        json: {
          policy,
          cadres: [{ cadreId: "P1", name: "王五", unit: "试点", post: "staff" }],
          ballots: [ballot("1", "peer", "P1", 80)],
        },
      })
    ).json();
    expect(scored.policy).toMatchObject({ id: "pilot", version: 3 });
    const res = await stack.call("assessor", "/sheets", {
      method: "POST",
      json: { unit: "试点", period: "2026-Q3", result: scored, policy },
    });
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

describe("sheets the store must not take or hand out", () => {
  const counts = async () => ({
    sheets: (await (await stack.call("hr", "/sheets")).json()).items.length as number,
    audit: (await (await stack.call("hr", "/audit")).json()).items.length as number,
  });

  it("a forged result (composite, grade and verdict not following from its own numbers) is refused with 422 and nothing is stored", async () => {
    const before = await counts();
    // A2's exact composite and its two competent votes say 77.6…, competent, fit; the forgery claims 95, excellent, unfit.
    const forged = structuredClone(result) as typeof result & { cadres: Record<string, unknown>[] };
    Object.assign(forged.cadres[1]!, { composite: 95, grade: "excellent", verdict: "unfit_for_post" });
    const res = await stack.call("assessor", "/sheets", {
      method: "POST",
      json: { unit: "审计局", period: "2026", result: forged },
    });
    expect(res.status).toBe(422);
    const p = await problemOf(res);
    expect(p.errors!.map((e) => e.pointer).sort()).toEqual([
      "/result/cadres/1/composite",
      "/result/cadres/1/grade",
      "/result/cadres/1/verdict",
    ]);
    expect(p.errors!.every((e) => /[\u4e00-\u9fff]/.test(e.message["zh-CN"]) && e.message.en.includes("A2"))).toBe(
      true,
    );
    expect(p.message!["zh-CN"]).toContain("未保存");
    expect(p.message!.en).toContain("nothing was stored");
    expect(await counts()).toEqual(before);
  });

  it("the pulled xlsx lists the rater groups in the policy's order (上级领导, 同级, 下级, 服务对象)", async () => {
    const created = await stack.call("assessor", "/sheets", {
      method: "POST",
      json: { unit: "民政局", period: "2026", result },
    });
    const { id } = await created.json();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await (await stack.call("hr", `/sheets/${id}?format=xlsx`)).arrayBuffer());
    const header = Array.from(wb.getWorksheet("明细 Detail")!.getRow(1).values as unknown[], (v) => String(v ?? ""));
    const means = header.filter((h) => h.endsWith("均分 Mean")).map((h) => h.split("均分")[0]);
    expect(means).toEqual(["上级领导", "同级", "下级", "服务对象"]);
    const json = await (await stack.call("hr", `/sheets/${id}`)).json();
    expect(Object.keys(json.result.cadres[0].groups)).toEqual(Object.keys(result.cadres[0]!.groups));
  });

  it("a sheet edited in storage is not handed out (409) and audit verify names its entry", async () => {
    const created = await stack.call("assessor", "/sheets", {
      method: "POST",
      json: { unit: "水利局", period: "2026", result },
    });
    const { id } = await created.json();
    const entry = (await (await stack.call("hr", "/audit")).json()).items.find(
      (e: { subject: string }) => e.subject === id,
    );
    const blob = BlobServiceClient.fromConnectionString(stack.connectionString)
      .getContainerClient("sheets")
      .getBlockBlobClient(`${id}.json`);
    const original = (await blob.downloadToBuffer()).toString("utf8");
    const doc = JSON.parse(original);
    doc.result.cadres[0].composite = 99.99;
    const tampered = JSON.stringify(doc);
    await blob.upload(tampered, Buffer.byteLength(tampered));

    for (const format of ["json", "csv", "xlsx"]) {
      const res = await stack.call("hr", `/sheets/${id}?format=${format}`);
      expect(res.status).toBe(409);
      const p = await problemOf(res);
      expect(p.message!["zh-CN"]).toContain("审计记录");
      expect(p.message!.en).toContain("does not match its audit entry");
      expect(JSON.stringify(p)).not.toContain("99.99");
    }
    const verify = await (await stack.call("admin", "/audit/verify")).json();
    expect(verify).toMatchObject({ ok: false, firstBroken: entry.seq });
    expect(verify.message["zh-CN"]).toContain(`第 ${entry.seq} 号`);
    expect(verify.message["zh-CN"]).toContain("内容");
    expect(verify.message.en).toContain("content");

    // Put it back: served and verified again.
    await blob.upload(original, Buffer.byteLength(original));
    expect((await stack.call("hr", `/sheets/${id}`)).status).toBe(200);
    expect((await (await stack.call("admin", "/audit/verify")).json()).ok).toBe(true);
  });
});
