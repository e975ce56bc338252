/**
 * Issue 8, items 1 and 2: a made-up policy cannot pass for the published one, and a published
 * policy edited in storage is refused, never served, used or cached.
 */
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemOf, startStack, type Stack } from "../integration/harness.ts";
import { LEDGER } from "../../functions/store/ledger.ts";
import { scoreTwo, submit } from "./fixtures.ts";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ inMemory: true });
});
afterAll(async () => {
  await stack?.stop();
});

describe("issue 8 item 1: a sheet scored under a made-up policy cannot carry the official identity", () => {
  it("is stored, listed and pulled as unpublished, in words, under an id no published policy can have", async () => {
    const published = await (await stack.call("assessor", "/policies/default")).json();
    // The attacker's policy: the principal's weights and the bands changed, id and version kept.
    const forged = structuredClone(published.policy);
    forged.posts.principal.weights = { morality: 0.1, ability: 0.1, diligence: 0.1, achievement: 0.6, integrity: 0.1 };
    forged.bands = { excellent: 85, competent: 60, basic: 50 };
    const scored = await scoreTwo(stack, { policy: forged });
    expect(scored.policy).toMatchObject({ id: "default", version: 1 });
    expect(scored.policy.sha256).not.toBe(published.identity.sha256);

    const res = await submit(stack, { unit: "财政局", period: "2026", result: scored, policy: forged });
    expect(res.status).toBe(201);
    const summary = await res.json();
    expect(summary.unpublished).toBe(true);
    expect(summary.policy.id).toBe("unpublished:default");
    expect(summary.policy.sha256).toBe(scored.policy.sha256);

    // HR's list says so, in both languages.
    const listed = (await (await stack.call("hr", "/sheets")).json()).items.find(
      (s: { id: string }) => s.id === summary.id,
    );
    expect(listed.policy.id).toBe("unpublished:default");
    expect(listed.unpublished).toBe(true);
    expect(listed.notice["zh-CN"]).toContain("未在本系统发布");
    expect(listed.notice["zh-CN"]).toContain("不是正式考核结果");
    expect(listed.notice.en).toContain("not an official result");

    // The JSON pull: neither the summary nor the result names the published identity.
    const json = await (await stack.call("hr", `/sheets/${summary.id}`)).json();
    expect(json.policy.id).toBe("unpublished:default");
    expect(json.result.policy.id).toBe("unpublished:default");
    expect(json.notice.en).toContain("never published here");

    // The CSV opens with the notice, zh-CN then English.
    const csv = await (await stack.call("hr", `/sheets/${summary.id}?format=csv`)).text();
    const rows = parse(csv.replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];
    expect(rows[0]![0]).toContain("未在本系统发布");
    expect(rows[1]![0]).toContain("not an official result");

    // The workbook: a notice sheet, the header of every sheet, and the policy sheet.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await (await stack.call("hr", `/sheets/${summary.id}?format=xlsx`)).arrayBuffer());
    const notice = wb.getWorksheet("未发布方案 Unpublished");
    expect(String(notice?.getCell("A1").value)).toContain("不是正式考核结果");
    for (const ws of wb.worksheets) expect(ws.headerFooter.oddHeader).toContain("未发布方案");
    const policyTexts = wb.worksheets
      .flatMap((ws) => ws.getSheetValues().flat())
      .map((v) => String(v ?? ""))
      .join("\n");
    expect(policyTexts).toContain("unpublished:default");
    expect(policyTexts).toContain("【未发布方案 UNPUBLISHED】");
  });

  it("a sheet that attaches the published document itself stays published; the unpublished namespace cannot be published", async () => {
    const published = await (await stack.call("assessor", "/policies/default")).json();
    const scored = await scoreTwo(stack);
    const res = await submit(stack, { unit: "财政局", period: "2026", result: scored, policy: published.policy });
    expect(res.status).toBe(201);
    const summary = await res.json();
    expect(summary.policy).toEqual(published.identity);
    expect(summary.unpublished).toBeUndefined();

    for (const id of ["unpublished-default", "Unpublished"]) {
      const put = await stack.call("admin", `/policies/${id}`, {
        method: "PUT",
        json: { ...published.policy, id },
      });
      expect(put.status).toBe(400);
      expect((await problemOf(put)).message!["zh-CN"]).toContain("unpublished");
      expect((await stack.call("hr", `/policies/${id}`)).status).toBe(404);
    }
  });
});

describe("issue 8 item 2: a stored policy is checked against its sha256 whenever it is read", () => {
  it("an edited policy row is refused (409 problem, never used), audit verify names it, and after the row is restored it is served as published", async () => {
    const base = (await (await stack.call("admin", "/policies/default")).json()).policy;
    const put = await stack.call("admin", "/policies/tampered", {
      method: "PUT",
      json: { ...base, id: "tampered", title: "将被篡改的方案" },
    });
    expect(put.status).toBe(201);
    const { identity } = await put.json();
    const table = stack.table();
    const rowKey = `p~tampered~${String(identity.version).padStart(10, "0")}`;
    const row = await table.getEntity<{ doc: string; sha256: string }>(LEDGER, rowKey);
    const edited = JSON.parse(row.doc);
    edited.bands = { excellent: 70, competent: 50, basic: 40 };
    await table.updateEntity({ partitionKey: LEDGER, rowKey, doc: JSON.stringify(edited) }, "Merge");

    for (const path of ["/policies/tampered", `/policies/tampered/versions/${identity.version}`]) {
      const res = await stack.call("assessor", path);
      expect(res.status).toBe(409);
      const p = await problemOf(res);
      expect(p.message!["zh-CN"]).toContain("完整性校验");
      expect(p.message!.en).toContain("failed its integrity check");
      expect(res.headers.get("etag")).toBeNull();
    }
    // Not used for scoring either.
    const scoring = await stack.call("assessor", "/rules/verdict", {
      method: "POST",
      json: { policyId: "tampered", items: [{ excellent: 1, competent: 0, basic: 0, incompetent: 0, composite: 75 }] },
    });
    expect(scoring.status).toBe(409);

    const verify = await (await stack.call("hr", "/audit/verify?full=true")).json();
    const entries = (await (await stack.call("hr", "/audit?limit=1000")).json()).items;
    const publishEntry = entries.find((e: { subject: string }) => e.subject === `tampered@${identity.version}`);
    expect(verify).toMatchObject({ ok: false, firstBroken: publishEntry.seq });
    expect(verify.message["zh-CN"]).toContain("考核方案");

    // Restored: served as published, with its original bands (nothing of the edit was cached).
    await table.updateEntity({ partitionKey: LEDGER, rowKey, doc: row.doc }, "Merge");
    const again = await stack.call("assessor", "/policies/tampered");
    expect(again.status).toBe(200);
    expect((await again.json()).policy.bands).toEqual(base.bands);
    expect((await (await stack.call("hr", "/audit/verify?full=true")).json()).ok).toBe(true);
  });
});
