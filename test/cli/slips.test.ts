import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { main } from "../../cli/main.ts";
import { startStack, type Stack } from "../integration/harness.ts";

let stack: Stack;
let dir: string;
beforeAll(async () => {
  stack = await startStack({ inMemory: true });
  dir = mkdtempSync(join(tmpdir(), "kaoping-slips-"));
}, 60_000);
afterAll(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it("kaoping slips issues the codes and prints one slip per code, counted per group", async () => {
  const opened = await stack.call("assessor", "/sessions", {
    method: "POST",
    json: {
      title: "2026 年度考核大会",
      policyId: "default",
      cadres: [{ cadreId: "A1", name: "张三", unit: "财政局", post: "principal" }],
      groups: ["peer", "subordinate"],
      form: { scores: "levels", gradeVote: true },
    },
  });
  const { id } = (await opened.json()) as { id: string };
  const out = join(dir, "slips.pdf");
  const printed: string[] = [];
  process.env.KAOPING_TOKEN = await stack.token("assessor");
  const code = await main(
    ["slips", "--session", id, "--group", "peer:3", "--group", "subordinate:9", "--api", stack.apiBase, "--out", out],
    { stdout: (t) => printed.push(t), stderr: (t) => printed.push(t) },
  );
  delete process.env.KAOPING_TOKEN;
  expect(code, printed.join("")).toBe(0);
  expect(readFileSync(out).subarray(0, 5).toString()).toBe("%PDF-");
  const text = execFileSync("pdftotext", ["-layout", out, "-"], { encoding: "utf8" });
  // The count sheet, then 12 slips on two pages after it (8 a page).
  expect(text).toContain("同级：3 张");
  expect(text).toContain("下级：9 张");
  expect(text).toContain("合计 Total：12 张");
  const codes = text.match(/[0-9A-Z]{7}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}/g) ?? [];
  expect(new Set(codes).size).toBe(12);
  expect(codes.every((c) => c.startsWith(id))).toBe(true);
  expect(execFileSync("pdfinfo", [out], { encoding: "utf8" })).toMatch(/Pages:\s+3/);
  // What was issued matches what was printed, and a printed code opens the ballot.
  const progress = (await (await stack.call("assessor", `/sessions/${id}`)).json()) as { issued: number };
  expect(progress.issued).toBe(12);
  const form = await stack.call(null, "/vote/form", { method: "POST", json: { code: codes[0] } });
  expect(form.status).toBe(200);
});

it("refuses a malformed --group with a bilingual usage error", async () => {
  const err: string[] = [];
  const code = await main(["slips", "--session", "ABCDEF", "--group", "peer", "--out", join(dir, "x.pdf")], {
    stdout: () => undefined,
    stderr: (t) => err.push(t),
  });
  expect(code).toBe(2);
  expect(err.join("")).toContain("peer:12");
});
