/**
 * The 公推公选 seed case (examples/selection.xlsx, worked by hand in examples/recommendation-data.ts) run end to
 * end through the CLI: 5 -> 3 -> 2 in two rounds, then 票决 for 1; each announcement printed by LibreOffice
 * on one A4 page with its text.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { ROOT, runCli, tempDir } from "../cli/run.ts";
import { requireSoffice } from "./libreoffice.ts";
import { pdfPages, pdfPageSize, pdfPageText, printToPdf, requirePoppler } from "./print-pdf.ts";

const selection = join(ROOT, "examples/selection.xlsx");
const meeting = join(ROOT, "examples/recommendation.xlsx");
let dir: string;
let pdfs: string[];
const runs: Record<string, { code: number; stdout: string; stderr: string }> = {};

beforeAll(async () => {
  requireSoffice();
  requirePoppler();
  dir = await tempDir();
  runs.rounds = await runCli(["recommend", selection, "--out", join(dir, "rounds.xlsx")]);
  runs.decision = await runCli(["decide", selection, "--out", join(dir, "decision.xlsx")]);
  runs.meeting = await runCli(["recommend", meeting, "--out", join(dir, "meeting.xlsx")]);
  pdfs = await printToPdf(
    dir,
    ["rounds.xlsx", "decision.xlsx", "meeting.xlsx"].map((f) => join(dir, f)),
  );
}, 240_000);

describe("公推公选 5 -> 3 -> 2 -> 1 through the CLI", () => {
  it("round 1: 45 of 50 present; 王海 38, 李明 35, 张丽 28 of 43 valid advance; 2 blank ballots reported", () => {
    expect(runs.rounds!.code).toBe(0);
    const out = runs.rounds!.stdout;
    expect(out).toContain("实到 45 人 / 应到 50 人（90.00%），达到 4/5，会议有效");
    for (const figure of ["38/43 88.37%", "35/43 81.40%", "28/43 65.12%", "15/43 34.88%", "13/43 30.23%"])
      expect(out).toContain(figure);
    expect(out).toContain("第 51 行「第一轮 民主推荐」：未推荐任何人");
    expect(out).toContain("第 52 行");
  });
  it("round 2: 21 of 25 present (105 >= 100); 王海 18, 李明 15 of 21 advance; 张丽 9 out", () => {
    const out = runs.rounds!.stdout;
    expect(out).toContain("实到 21 人 / 应到 25 人（84.00%），达到 4/5，会议有效");
    expect(out).toContain("18/21 85.71%");
    expect(out).toContain("9/21 42.86%");
    expect(out).toContain("提交票决的人选 2 人：王海、李明（职数 1）");
  });
  it("票决: 8 of 9 members present (24 >= 18); 王海 6 yes (12 > 9) approved, 李明 2 not", () => {
    expect(runs.decision!.code).toBe(0);
    const out = runs.decision!.stdout;
    expect(out).toContain("实到 8 人 / 应到 9 人，达到三分之二，票决有效");
    expect(out).toMatch(/王海\s+6\s+1\s+1\s+6\/9 66\.67%\s+通过 approved/);
    expect(out).toMatch(/李明\s+2\s+5\s+1\s+2\/9 22\.22%\s+未通过 not approved/);
    expect(out).toContain("通过 1 人：王海");
  });
});

describe("the printed announcements (LibreOffice to PDF)", () => {
  it("each round's announcement is one A4 page with title, counts, table, flags and the signature lines", async () => {
    // 2 announcements, then the tally detail and the invalid ballots, one page each.
    expect(await pdfPages(pdfs[0]!)).toBe(4);
    expect(await pdfPageSize(pdfs[0]!)).toMatch(/\(A4\)$/);
    const first = await pdfPageText(pdfs[0]!, 1);
    for (const text of [
      "第一轮 民主推荐结果",
      "会议：县发展和改革局副局长公推公选",
      "日期：2026-11-26",
      "应到 50 人，实到 45 人",
      "有效票 43 张，无效票 2 张",
      "88.37%",
      "晋级",
      "监票人",
      "计票人",
    ])
      expect(first).toContain(text);
    const second = await pdfPageText(pdfs[0]!, 2);
    expect(second).toContain("第二轮 全委会差额推荐结果");
    expect(second).toContain("晋级：王海、李明");
  });
  it("the decision's announcement is one page", async () => {
    expect(await pdfPages(pdfs[1]!)).toBe(1);
    const page = await pdfPageText(pdfs[1]!, 1);
    for (const text of [
      "县委常委会票决：票决结果（副局长）",
      "应到 9 人，实到 8 人",
      "6/9（66.67%）",
      "通过",
      "未通过",
      "监票人",
    ])
      expect(page).toContain(text);
  });
  it("a meeting with two posts prints one page per post, with the flags in words", async () => {
    expect(runs.meeting!.code).toBe(0);
    expect(await pdfPages(pdfs[2]!)).toBe(4);
    const office = await pdfPageText(pdfs[2]!, 1);
    for (const text of [
      "民主推荐结果（办公室主任）",
      "暂缓(核查中)：钱进（信访举报核查中）",
      "票数相差不大-建议一并考察",
      "不足3票不公布",
      "考察对象：周文、吴刚",
    ])
      expect(office).toContain(text);
    const finance = await pdfPageText(pdfs[2]!, 2);
    expect(finance).toContain("民主推荐结果（财务科科长）");
    expect(finance).toContain("并列待定");
  });
});
