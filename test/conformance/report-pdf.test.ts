/**
 * The scored workbook printed by LibreOffice, read back as a reviewer would read the paper: the results page is A4
 * landscape at 10 pt (never below 9), carries its title, the 须经组织认定 line, the signature lines and every deciding
 * reason in full; one feedback page per cadre; the issues and policy pages in the user's words. The rendered pages
 * go to test-output/screenshots (docs/screenshots with UPDATE_SCREENSHOTS=1).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFAULT_POLICY, ISSUE_CODES, score, type AssessmentResult } from "../../shared/index.ts";
import { reportTitle } from "../../shared/report/index.ts";
import { readWorkbook, writeScoredWorkbook } from "../../io/index.ts";
import { ROOT, tempDir } from "../cli/run.ts";
import { printToPdf, requireSoffice } from "./libreoffice.ts";
import { fontSizes, pageCount, pagePng, pageSizes, pageText, requirePoppler } from "./pdf.ts";
import { screenshotDir } from "../browser/screenshots.ts";

const UNIT = "示例县委组织部";
const PERIOD = "2026";
const SHOTS = screenshotDir();

let dir: string;
let pdf: string;
let result: AssessmentResult;
let texts: string[];
/** 1-based page numbers by sheet. */
let results: number[];
let feedback: number[];
let issuePages: number[];
let policyPage: number;

/** Text without any whitespace: a wrapped cell's lines join up again. */
const flat = (s: string) => s.replace(/\s+/g, "");

beforeAll(async () => {
  requireSoffice();
  requirePoppler();
  dir = await tempDir();
  const input = await readWorkbook(await readFile(join(ROOT, "examples/assessment.xlsx")), "assessment.xlsx");
  result = await score(DEFAULT_POLICY, input);
  const xlsx = join(dir, "scored.xlsx");
  await writeFile(xlsx, await writeScoredWorkbook(result, DEFAULT_POLICY, { unit: UNIT, period: PERIOD, input }));
  pdf = await printToPdf(dir, xlsx);
  texts = Array.from({ length: pageCount(pdf) }, (_, i) => pageText(pdf, i + 1));
  const last = texts.findIndex((t) => flat(t).includes("以上等次为建议等次，须经组织认定。The"));
  results = Array.from({ length: last + 1 }, (_, i) => i + 1);
  feedback = texts.flatMap((t, i) => (t.includes("个人测评反馈表 Individual assessment feedback") ? [i + 1] : []));
  issuePages = texts.flatMap((t, i) => (t.includes("票号") && t.includes("说明 Message") ? [i + 1] : []));
  policyPage = texts.findIndex((t) => t.includes("岗位要素权重")) + 1;
  await mkdir(SHOTS, { recursive: true });
  pagePng(pdf, 1, join(SHOTS, "report-results"));
  pagePng(pdf, feedback[0]!, join(SHOTS, "report-feedback"));
  pagePng(pdf, issuePages[0]!, join(SHOTS, "report-issues"));
  pagePng(pdf, policyPage, join(SHOTS, "report-policy"));
}, 240_000);

describe("the printed results page", () => {
  it("is A4 landscape on every page", () => {
    expect(results.length).toBeGreaterThanOrEqual(1);
    for (const size of pageSizes(pdf, 1, results.length)) {
      expect(size.width).toBeCloseTo(841.89, 0);
      expect(size.height).toBeCloseTo(595.28, 0);
    }
  });

  it("sets no text below 9 pt (the body is 10 pt, the title 14 pt)", () => {
    const sizes = results.flatMap((p) => fontSizes(pdf, p, dir));
    expect(sizes.length).toBeGreaterThan(100);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9);
    expect(sizes.filter((s) => Math.round(s) === 10).length).toBeGreaterThan(100);
    expect(Math.max(...sizes)).toBeCloseTo(14, 1);
  });

  it("carries the title with unit and year, the 须经组织认定 line, page numbers and the signature lines", () => {
    const text = flat(results.map((p) => texts[p - 1]).join("\n"));
    expect(text).toContain(flat(reportTitle(DEFAULT_POLICY, { unit: UNIT, period: PERIOD })));
    expect(text).toContain("以上等次为建议等次，须经组织认定。");
    // The grade column's header (its two lines may be read apart from each other).
    expect(text).toContain("Proposedgrade(tobeconfirmed)");
    expect(text).toContain("建议等次（需");
    expect(text).toContain(`第1页，共${texts.length}页`);
    for (const line of ["制表", "审核", "日期"]) expect(text).toContain(line);
  });

  it("prints every deciding reason in full, in Chinese and in English", () => {
    const text = flat(results.map((p) => texts[p - 1]).join("\n"));
    const fired = result.cadres.flatMap((c) => c.reasons.filter((r) => r.fired));
    expect(fired.length).toBeGreaterThanOrEqual(result.cadres.length);
    for (const r of fired) {
      expect(text).toContain(flat(r.message["zh-CN"]));
      expect(text).toContain(flat(r.message.en));
    }
  });
});

describe("the other printed pages", () => {
  it("gives every cadre one feedback page, whole (its closing line on the same page), at 9 pt or more", () => {
    expect(feedback).toHaveLength(result.cadres.length);
    for (const [i, p] of feedback.entries()) {
      const text = texts[p - 1]!;
      expect(flat(text)).toContain("以上等次为建议等次，须经组织认定。");
      expect(text).toContain("五维得分");
      // Exactly one cadre's name on the page, and each cadre on its own page.
      expect(result.cadres.filter((c) => text.includes(`${c.name}（${c.cadreId}）`))).toHaveLength(1);
      if (i > 0) expect(feedback[i - 1]).toBe(p - 1);
      expect(Math.min(...fontSizes(pdf, p, dir))).toBeGreaterThanOrEqual(9);
    }
  });

  it("prints the issues with ballot numbers and names, and the whole policy on one page", () => {
    expect(issuePages.length).toBeGreaterThan(0);
    const issues = flat(issuePages.map((p) => texts[p - 1]).join("\n"));
    for (const issue of result.issues) expect(issues).toContain(flat(issue.message["zh-CN"]));
    const policy = texts[policyPage - 1]!;
    for (const level of Object.keys(DEFAULT_POLICY.scale.levels)) expect(policy).toContain(`等级「${level}」`);
    for (const post of Object.values(DEFAULT_POLICY.posts)) expect(policy).toContain(post.label);
  });

  it("shows no field key, rule code or rule id on any page", () => {
    const all = texts.join("\n");
    // Rule ids that are plain English words (band, quota) may appear in English prose; the others may not.
    const keys = [
      ...ISSUE_CODES,
      ...result.cadres.flatMap((c) => c.reasons.map((r) => r.rule)),
      "cadreId",
      "ballotId",
      "raterGroup",
      "gradeVote",
      "competentMin",
      "incompetentMax",
      "excellentMin",
      "minGroupBallotsToReport",
    ];
    const codeLike = [...new Set(keys)].filter((k) => /[_:]|[a-z][A-Z]/.test(k));
    expect(codeLike.length).toBeGreaterThan(10);
    for (const key of codeLike)
      expect({ key, found: new RegExp(`\\b${key}\\b`).test(all) }).toEqual({ key, found: false });
  });
});
