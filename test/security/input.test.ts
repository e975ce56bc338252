/**
 * Issue 8, items 3, 4, 5, 11, 13, 14 (messages) and 19 (__proto__): what a caller sends can neither
 * crash the service, slip past a check by a name every object has, nor plant a formula in HR's CSV.
 */
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemOf, startStack, type Stack } from "../integration/harness.ts";
import { scoreTwo, submit, allPages } from "./fixtures.ts";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ inMemory: true });
});
afterAll(async () => {
  await stack?.stop();
});

const verdict = (item: Record<string, unknown>) =>
  stack.call("assessor", "/rules/verdict", {
    method: "POST",
    json: { items: [{ excellent: 3, competent: 1, basic: 0, incompetent: 0, ...item }] },
  });

describe("issue 8", () => {
  it("item 3: a composite or dimension of 309, 401 or 1,000 digits is a 400 with a clear message, never a 500", async () => {
    for (const digits of [309, 401, 1000]) {
      const huge = "9".repeat(digits);
      for (const item of [{ composite: huge }, { composite: `1.${huge}` }, { dimensions: { integrity: huge } }]) {
        const res = await verdict(item);
        expect(res.status, `${digits} digits`).toBe(400);
        const p = await problemOf(res);
        expect(p.errors![0]!.message["zh-CN"]).toMatch(/分数/);
        expect(p.errors![0]!.message.en).toMatch(/score/);
      }
    }
    // Both sides of the bound: 10000 and 85.125 are scores; 10000.01 is not.
    expect((await verdict({ composite: "10000" })).status).toBe(200);
    expect((await verdict({ composite: "85.125" })).status).toBe(200);
    expect((await verdict({ composite: "10000.01" })).status).toBe(400);
  });

  it("item 4: rater groups and posts named after Object.prototype members are not in the policy", async () => {
    const scored = await scoreTwo(stack);
    const before = (await allPages(stack, "/sheets")).length;
    for (const name of ["constructor", "hasOwnProperty", "toString", "valueOf", "isPrototypeOf"]) {
      const withGroup = structuredClone(scored);
      withGroup.cadres[0]!.groups[name] = { ballots: 1, kept: 1, mean: 90 };
      const res = await submit(stack, { unit: "财政局", period: "2026", result: withGroup });
      expect(res.status, name).toBe(400);
      const p = await problemOf(res);
      expect(p.errors!.map((e) => e.pointer)).toContain(`/result/cadres/0/groups/${name}`);
      expect(p.errors![0]!.message["zh-CN"]).toContain("不在方案");

      const withPost = structuredClone(scored);
      withPost.cadres[1]!.post = name;
      const res2 = await submit(stack, { unit: "财政局", period: "2026", result: withPost });
      expect(res2.status, name).toBe(400);
      expect((await problemOf(res2)).errors!.map((e) => e.pointer)).toContain("/result/cadres/1/post");
    }
    // __proto__ as a key never reaches the checks: refused where it stands.
    const text = JSON.stringify({ unit: "财政局", period: "2026", result: scored }).replace(
      '"groups":{',
      '"groups":{"__proto__":{"ballots":1,"kept":1,"mean":90},',
    );
    const proto = await fetch(`${stack.apiBase}/sheets`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${await stack.token("assessor")}` },
      body: text,
    });
    expect(proto.status).toBe(400);
    expect((await problemOf(proto)).errors![0]!.pointer).toBe("/result/cadres/0/groups/__proto__");
    expect((await allPages(stack, "/sheets")).length).toBe(before);
  });

  it("item 5: a cadre named like a formula is inert in HR's CSV (and stays text in the workbook)", async () => {
    const evil = "=cmd|' /C calc'!A0";
    // (Tab and carriage return cannot reach a name any more: control characters are refused, item 11.)
    const scored = await scoreTwo(stack, { names: [evil, '@HYPERLINK("http://x","点我")'] });
    const res = await submit(stack, { unit: "财政局", period: "2026", result: scored });
    expect(res.status).toBe(201);
    const { id } = await res.json();
    const csv = await (await stack.call("hr", `/sheets/${id}?format=csv`)).text();
    const cells = (parse(csv.replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][]).flat();
    expect(cells).toContain(`'${evil}`);
    for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await (await stack.call("hr", `/sheets/${id}?format=xlsx`)).arrayBuffer());
    const values = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat());
    expect(values).toContain(evil);
  });

  it("item 11: duplicate cadre ids, look-alike ids and control characters are refused with field paths", async () => {
    const scored = await scoreTwo(stack);
    const before = (await allPages(stack, "/sheets")).length;
    const cases: [(r: typeof scored) => void, string, string][] = [
      [(r) => (r.cadres[1]!.cadreId = "C001"), "/result/cadres/1/cadreId", "重复"],
      [(r) => (r.cadres[1]!.cadreId = "C\u200b001"), "/result/cadres/1/cadreId", "不可见"],
      [(r) => (r.cadres[1]!.cadreId = "\u202eC001"), "/result/cadres/1/cadreId", "不可见"],
      [(r) => (r.cadres[0]!.unit = "财政\u0007局"), "/result/cadres/0/unit", "控制字符"],
    ];
    for (const [edit, pointer, words] of cases) {
      const result = structuredClone(scored);
      edit(result);
      const res = await submit(stack, { unit: "财政局", period: "2026", result });
      expect(res.status, pointer).toBe(400);
      const p = await problemOf(res);
      const e = p.errors!.find((x) => x.pointer === pointer);
      expect(e?.message["zh-CN"], JSON.stringify(p.errors)).toContain(words);
    }
    const unit = await submit(stack, { unit: "财政局\u0000", period: "2026", result: scored });
    expect(unit.status).toBe(400);
    expect((await problemOf(unit)).errors![0]!.pointer).toBe("/unit");
    expect((await allPages(stack, "/sheets")).length).toBe(before);
  });

  it("item 13: an identifier of megabytes is a short 400, not an echo", async () => {
    const policyId = "x".repeat(1_000_000);
    const res = await stack.call("assessor", "/score", {
      method: "POST",
      json: { policyId, cadres: [], ballots: [] },
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text.length).toBeLessThan(5_000);
    expect(text).not.toContain("x".repeat(100));
    // At the bound: 64 characters is an id (unknown: 404), 65 is not one.
    expect(
      (
        await stack.call("assessor", "/rules/quorum", {
          method: "POST",
          json: { policyId: "p".repeat(64), attendees: 1, expected: 1 },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await stack.call("assessor", "/rules/quorum", {
          method: "POST",
          json: { policyId: "p".repeat(65), attendees: 1, expected: 1 },
        })
      ).status,
    ).toBe(400);
  });

  it('item 14: 1e309, 1.5 and "NaN" as vote counts, and excellentQuota: null, are each told what is wrong', async () => {
    const message = async (body: string) => {
      const res = await fetch(`${stack.apiBase}/rules/verdict`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${await stack.token("assessor")}` },
        body,
      });
      expect(res.status).toBe(400);
      const p = await problemOf(res);
      const e = p.errors!.find((x) => x.pointer === "/items/0/excellent")!;
      expect(e.message.en).not.toContain("missing");
      return e.message;
    };
    const item = (v: string) => `{"items":[{"excellent":${v},"competent":1,"basic":0,"incompetent":0}]}`;
    expect((await message(item("1e309"))).en).toContain("too large");
    expect((await message(item("1.5"))).en).toContain("whole number");
    expect((await message(item('"NaN"'))).en).toContain("received string");
    expect((await message(item('"NaN"')))["zh-CN"]).toContain("文本");
    // A field that is really absent is still "missing".
    const absent = await stack.call("assessor", "/rules/verdict", {
      method: "POST",
      json: { items: [{ competent: 1, basic: 0, incompetent: 0 }] },
    });
    expect((await problemOf(absent)).errors![0]!.message.en).toBe("required field is missing");

    const base = (await (await stack.call("admin", "/policies/default")).json()).policy;
    const res = await stack.call("admin", "/policies/noquota", {
      method: "PUT",
      json: { ...base, id: "noquota", excellentQuota: null },
    });
    if (res.status !== 201) {
      const e = (await problemOf(res)).errors!.find((x) => x.pointer === "/excellentQuota")!;
      expect(e.message.en).not.toContain("missing");
    }
  });

  it("item 19: posts.__proto__ on a policy PUT is refused (problem+json), not silently dropped", async () => {
    const base = (await (await stack.call("admin", "/policies/default")).json()).policy;
    const text = JSON.stringify({ ...base, id: "protoposts" }).replace(
      '"posts":{',
      '"posts":{"__proto__":{"label":"原型","weights":{"morality":0.2,"ability":0.2,"diligence":0.2,"achievement":0.2,"integrity":0.2}},',
    );
    const res = await fetch(`${stack.apiBase}/policies/protoposts`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${await stack.token("admin")}` },
      body: text,
    });
    expect(res.status).toBe(400);
    const p = await problemOf(res);
    expect(p.errors![0]!.pointer).toBe("/posts/__proto__");
    expect(p.message!["zh-CN"]).toContain("__proto__");
    expect((await stack.call("admin", "/policies/protoposts")).status).toBe(404);
  });
});
