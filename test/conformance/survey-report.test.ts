/**
 * The feedback report as a unit receives it: the CLI's workbook printed to PDF by LibreOffice, read back
 * with pdftotext. Every page is A4; 甲县's report shows its figures beside last year's and its flags in
 * words; 乙县's report never shows its grassroots layer of 2 answers.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { runCli, tempDir } from "../cli/run.ts";
import { requireSoffice } from "./libreoffice.ts";
import { pdfPages, pdfPageSizes, workbookToPdf } from "./survey-pdf.ts";

let pages: string[];
let sizes: { width: number; height: number }[];

beforeAll(async () => {
  requireSoffice();
  const dir = await tempDir();
  const last = await runCli(["survey", "examples/survey-2025.xlsx", "--period", "2025", "--json"]);
  expect(last.code).toBe(0);
  const lastPath = join(dir, "2025.json");
  await (await import("node:fs/promises")).writeFile(lastPath, last.stdout);
  const out = join(dir, "survey-2026-scored.xlsx");
  const r = await runCli([
    "survey",
    "examples/survey-2026.xlsx",
    "--period",
    "2026",
    "--last-year",
    lastPath,
    "--out",
    out,
  ]);
  expect(r.code, r.stderr).toBe(0);
  const pdf = await workbookToPdf(dir, out);
  pages = await pdfPages(pdf);
  sizes = await pdfPageSizes(pdf);
}, 240_000);

const squash = (s: string) => s.replace(/\s+/g, " ");
const reportOf = (unit: string) => squash(pages.filter((p) => p.includes(`反馈报告：${unit}`)).join(" "));

describe("feedback report (A4, printed by LibreOffice)", () => {
  it("every page is A4 (595 x 842 pt, either way round)", () => {
    expect(sizes.length).toBeGreaterThan(0);
    for (const s of sizes) {
      const [short, long] = [Math.min(s.width, s.height), Math.max(s.width, s.height)];
      expect(Math.round(short)).toBe(595);
      expect(Math.round(long)).toBe(842);
    }
  });

  it("甲县: items with positive rate and index beside last year's, respondents, flags in words", () => {
    const jia = reportOf("甲县");
    expect(jia).toContain("2026 年度选人用人工作");
    expect(jia).toContain("参评人数 42 人");
    // W1: 42 answers (2 不了解), positive 30/40 = 75.00%, index 75.50; last year 15/20 = 75.00% and 85.00.
    expect(jia).toContain("选人用人工作总体评价（选人用人工作） 42 75.00% 75.00% 75.50 85.00 -9.50");
    // The unit: 82 answers, 62/80 = 77.50% against 35/40 = 87.50%, index 79.25 against 88.00.
    expect(jia).toContain("单位综合 Unit overall 82 77.50% 87.50% 79.25 88.00 -8.75");
    expect(jia).toContain("下降 8.75，超过 5：列为重点督导单位");
    expect(jia).toContain("王五（县财政局副局长）：不认同（负面）评价 15/40（37.50%）超过 1/3：须核实");
    expect(jia).toContain("focused supervision");
  });

  it("乙县: the grassroots layer of 2 answers (and the layer that would reveal it) is not shown", () => {
    const yi = reportOf("乙县");
    expect(yi).toContain("参评人数 20 人");
    expect(yi).toContain("全委会委员 Committee members 10 90.00% 88.00");
    expect(yi).not.toContain("基层干部群众");
    expect(yi).not.toContain("本级领导班子成员");
    expect(yi).toContain("本单位有 2 个层次未显示");
    expect(yi).toContain("无需核实或重点督导的事项");
  });
});
