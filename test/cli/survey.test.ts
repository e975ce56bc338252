/**
 * `kaoping survey` as a user runs it on the example workbooks: the printed summary, --json, --out to
 * xlsx and CSV (the 2-answer layer withheld in both), never the input overwritten, --force for an existing output.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { copyFile, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { SurveyResultSchema, type SurveyResult } from "../../shared/index.ts";
import { runCli, tempDir } from "./run.ts";

let dir: string;
let lastYear: string;

beforeAll(async () => {
  dir = await tempDir();
  const run = await runCli(["survey", "examples/survey-2025.xlsx", "--period", "2025", "--json"]);
  expect(run.code, run.stderr).toBe(0);
  lastYear = join(dir, "2025.json");
  await writeFile(lastYear, run.stdout);
});

describe("kaoping survey", () => {
  it("--json: the national formula on 甲县's work item, 75.50, and the unit's fall against 2025", async () => {
    const run = await runCli([
      "survey",
      "examples/survey-2026.xlsx",
      "--period",
      "2026",
      "--last-year",
      lastYear,
      "--json",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const r: SurveyResult = SurveyResultSchema.parse(JSON.parse(run.stdout));
    const w1 = r.items.find((i) => i.itemId === "J-W1")!;
    // 10 很满意, 20 满意, 6 基本满意, 2 不太满意, 2 不满意 (+2 不了解, out of the base): 3020 / 40.
    expect(w1.stats).toMatchObject({ answers: 42, base: 40, index: 75.5, indexExact: "151/2" });
    const jia = r.units.find((u) => u.unit === "甲县")!;
    expect(jia).toMatchObject({ respondents: 42, flags: ["supervise"], lastYear: { index: 88, change: -8.75 } });
  });

  it("prints a bilingual summary with the flags", async () => {
    const run = await runCli(["survey", "examples/survey-2026.xlsx", "--period", "2026", "--last-year", lastYear]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("单位 Unit");
    expect(run.stdout).toMatch(
      /甲县\s+单位综合 overall（42 人）\s+82\s+77\.50%\s+79\.25\s+-8\.75\s+重点督导 supervise/,
    );
    expect(run.stdout).toContain("Index fell from 88.00 last year to 79.25, by 8.75, more than 5");
  });

  it("--out xlsx and csv: 乙县's 2 grassroots answers are withheld in both", async () => {
    const xlsx = join(dir, "scored.xlsx");
    const csv = join(dir, "scored.csv");
    for (const out of [xlsx, csv]) {
      const run = await runCli(["survey", "examples/survey-2026.xlsx", "--out", out]);
      expect(run.code, run.stderr).toBe(0);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["评议结果", "反馈 甲县", "反馈 乙县", "问题 Issues"]);
    const ws = wb.getWorksheet("评议结果")!;
    const sheetRows: unknown[][] = [];
    ws.eachRow((row) => sheetRows.push((row.values as unknown[]).slice(1)));
    const csvRows = parse((await readFile(csv, "utf8")).replace(/^\uFEFF/, "")) as string[][];
    for (const rows of [sheetRows, csvRows]) {
      const width = rows[0]!.length;
      const hidden = rows.find((r) => r[0] === "乙县" && r[1] === "Y-W1" && String(r[4]).includes("基层干部群众"))!;
      const figures = hidden.slice(5, width - 1).filter((c) => c !== "" && c !== null && c !== undefined);
      expect(figures.map(Number)).toEqual([2]);
      expect(String(hidden[width - 1])).toContain("不显示");
    }
    // Printed on A4: every sheet's paper size is 9.
    for (const w of wb.worksheets) expect(w.pageSetup.paperSize, w.name).toBe(9);
  });

  it("never overwrites the input, and replaces an existing output only with --force", async () => {
    const input = join(dir, "input.xlsx");
    await copyFile("examples/survey-2026.xlsx", input);
    const before = (await stat(input)).mtimeMs;
    const same = await runCli(["survey", input, "--out", input, "--force"]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("--out 不能是输入的工作簿本身");
    expect((await stat(input)).mtimeMs).toBe(before);

    const out = join(dir, "existing.xlsx");
    await writeFile(out, "keep me");
    const refused = await runCli(["survey", input, "--out", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("已存在：如确要替换，请加 --force");
    expect(await readFile(out, "utf8")).toBe("keep me");
    const forced = await runCli(["survey", input, "--out", out, "--force"]);
    expect(forced.code, forced.stderr).toBe(0);
    expect((await readFile(out)).subarray(0, 2).toString()).toBe("PK");
  });

  it("a workbook without the answers sheet is refused, naming the sheets it has", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("评议项目").addRow(["编号", "单位", "评议项目", "类别"]);
    const path = join(dir, "no-answers.xlsx");
    await wb.xlsx.writeFile(path);
    const run = await runCli(["survey", path]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("没有名为「评议票」或「Answers」的工作表");
    expect(run.stderr).toContain("「评议项目」");
  });
});
