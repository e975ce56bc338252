import { readFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemOf, startStack, type Stack } from "./harness.ts";
import { ROOT, runCli, tempDir } from "../cli/run.ts";

/**
 * The connector's file operations, as a flow calls them over HTTP: the workbook in, the result or the scored
 * workbook out, and HR's pull as a file. One input, one answer: each is compared with what `kaoping score`
 * gives for the same file.
 */
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const EXAMPLE = join(ROOT, "examples/assessment.xlsx");

/** Every sheet's cells as a person (or Excel) reads them: values, and formulas where a cell has one. */
async function cellsOf(bytes: Uint8Array): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const out: Record<string, unknown[][]> = {};
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      rows[r - 1] = (row.values as unknown[]).slice(1).map((v) => {
        if (v && typeof v === "object" && "formula" in v) return { formula: (v as { formula: string }).formula };
        return v;
      });
    });
    out[ws.name] = rows;
  });
  return out;
}

let stack: Stack;
let upload: Buffer;

beforeAll(async () => {
  stack = await startStack({ inMemory: true });
  upload = await readFile(EXAMPLE);
});
afterAll(async () => stack?.stop());

const post = (role: "assessor" | "hr" | null, path: string, body: Uint8Array, type = XLSX) =>
  stack.call(role, path, { method: "POST", body: body as BodyInit, headers: { "Content-Type": type } });

describe("connector file operations", () => {
  it("score a workbook: the same result JSON as kaoping score --json for the same file", async () => {
    const res = await post("assessor", "/score/workbook", upload);
    expect(res.status).toBe(200);
    const api = await res.json();
    const cli = await runCli(["score", EXAMPLE, "--json"]);
    expect(cli.code).toBe(0);
    expect(api).toEqual(JSON.parse(cli.stdout));
    // The example has cadres for review and data issues: the flow can mail both.
    expect(api.cadres.some((c: { reviewRequired?: boolean }) => c.reviewRequired)).toBe(true);
    expect(api.issues.length).toBeGreaterThan(0);
  });

  it("score a workbook as a file: the same workbook as kaoping score --out, cell for cell", async () => {
    const res = await post("assessor", "/score/workbook/scored", upload, "application/octet-stream");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(XLSX);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"]+\.xlsx"/);
    const fromApi = new Uint8Array(await res.arrayBuffer());
    const dir = await tempDir();
    const out = join(dir, "scored.xlsx");
    const cli = await runCli(["score", EXAMPLE, "--out", out]);
    expect(cli.code).toBe(0);
    const fromCli = await readFile(out);
    const [a, b] = await Promise.all([cellsOf(fromApi), cellsOf(fromCli)]);
    expect(Object.keys(a).length).toBeGreaterThanOrEqual(3);
    expect(a).toEqual(b);
  });

  it("HR downloads a submitted sheet as a file, the same bytes' content as the xlsx and CSV pull", async () => {
    const result = await (await post("assessor", "/score/workbook", upload)).json();
    const created = await stack.call("assessor", "/sheets", {
      method: "POST",
      json: { unit: "示例县", period: "2026", result },
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();

    const file = await stack.call("hr", `/sheets/${id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe(XLSX);
    const pulled = await stack.call("hr", `/sheets/${id}?format=xlsx`);
    expect(await cellsOf(new Uint8Array(await file.arrayBuffer()))).toEqual(
      await cellsOf(new Uint8Array(await pulled.arrayBuffer())),
    );

    const csv = await stack.call("hr", `/sheets/${id}/file?format=csv`);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(await csv.text()).toBe(await (await stack.call("hr", `/sheets/${id}?format=csv`)).text());
    // The assessor who submitted cannot pull: HR's job.
    expect((await stack.call("assessor", `/sheets/${id}/file`)).status).toBe(403);
  });

  it("refuses what a flow might send by mistake, in both languages, never 5xx", async () => {
    const notWorkbook = await problemOf(await post("assessor", "/score/workbook", Buffer.from("PK not really")));
    expect(notWorkbook.status).toBe(422);
    expect(notWorkbook.message?.["zh-CN"]).toMatch(/工作簿|xlsx/);
    expect(notWorkbook.message?.en).toMatch(/workbook|xlsx/i);

    const empty = await problemOf(await post("assessor", "/score/workbook", new Uint8Array()));
    expect(empty.status).toBe(400);
    expect(empty.message?.["zh-CN"]).toContain("没有收到文件");

    const json = await problemOf(await post("assessor", "/score/workbook", upload, "application/json"));
    expect(json.status).toBe(415);

    const unknownPolicy = await problemOf(await post("assessor", "/score/workbook?policyId=nosuch", upload));
    expect(unknownPolicy.status).toBe(404);

    const badCount = await problemOf(await post("assessor", "/score/workbook?attendees=-3", upload));
    expect(badCount.status).toBe(400);
    expect(badCount.errors?.[0]?.path).toEqual(["attendees"]);

    expect((await post(null, "/score/workbook", upload)).status).toBe(401);
    expect((await post("hr", "/score/workbook", upload)).status).toBe(403);
    expect((await stack.call("hr", "/sheets/00000000-0000-4000-8000-000000000000/file")).status).toBe(404);
  });
});
