import { beforeAll, describe, expect, it } from "vitest";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { AssessmentResultSchema, DEFAULT_POLICY, type AssessmentResult } from "../../shared/index.ts";
import { BILINGUAL_TINY_HEADERS, ENGLISH_HEADERS, TINY_BALLOTS, TINY_CADRES } from "../fixtures/workbooks/tiny.ts";
import { FIXTURES, ROOT, runCli, tempDir, writeCsv, writeWorkbook } from "./run.ts";

let dir: string;
let chineseXlsx: string;

async function scoreJson(args: string[]): Promise<AssessmentResult> {
  const run = await runCli(["score", ...args, "--json"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return AssessmentResultSchema.parse(JSON.parse(run.stdout));
}

/** What a reader compares across input formats: every cadre's figures, and each issue's place and rule. */
const comparable = (r: AssessmentResult) => ({
  policy: r.policy,
  cadres: r.cadres,
  issues: r.issues.map(({ row, field, code, value }) => ({ row, field, code, value })),
});

beforeAll(async () => {
  dir = await tempDir();
  chineseXlsx = await writeWorkbook(
    dir,
    "中文表头.xlsx",
    { name: "干部名单", table: TINY_CADRES },
    { name: "测评票", table: TINY_BALLOTS },
  );
});

describe("kaoping score --json: the hand-checked case", () => {
  let result: AssessmentResult;
  beforeAll(async () => {
    result = await scoreJson([chineseXlsx]);
  });

  it("scores C001 exactly, with an x.xx5 composite rounded half up", () => {
    const c = result.cadres.find((x) => x.cadreId === "C001")!;
    expect(c).toMatchObject({
      name: "张三",
      unit: "办公室",
      post: "principal",
      composite: 83.58,
      compositeExact: "3343/40",
      rank: 1,
      rankInPost: 1,
    });
    expect(c.dimensions).toEqual({ morality: 85, ability: 80, diligence: 82.5, achievement: 84, integrity: 87.5 });
    expect(c.votes).toEqual({ excellent: 1, competent: 1, basic: 0, incompetent: 0, blank: 0, n: 2 });
    expect(c.groups).toEqual({ superior: { ballots: 1, withheld: true }, peer: { ballots: 1, withheld: true } });
    expect(c).toMatchObject({
      renormalised: true,
      grade: "competent",
      verdict: "fit",
      provisional: false,
      reviewRequired: false,
    });
  });

  it("finds C002 unfit for post by the two-thirds rule, with the group mean shown at 3 ballots", () => {
    const c = result.cadres.find((x) => x.cadreId === "C002")!;
    expect(c).toMatchObject({ post: "staff", composite: 60, compositeExact: "60", rank: 2, rankInPost: 1 });
    expect(c.groups).toEqual({ superior: { ballots: 3, kept: 3, mean: 60 } });
    expect(c.votes).toEqual({ excellent: 0, competent: 1, basic: 1, incompetent: 1, blank: 0, n: 3 });
    expect(c).toMatchObject({ grade: "basic", verdict: "unfit_for_post", reviewRequired: true });
    expect(c.reasons.find((r) => r.rule === "competency")).toMatchObject({ fraction: "1/3", fired: true });
  });

  it("reports the bad rows with the sheet's own row numbers and names", () => {
    expect(result.issues.map(({ sheet, row, field, code }) => ({ sheet, row, field, code }))).toEqual([
      { sheet: "测评票", row: 7, field: "integrity", code: "out_of_range" },
      { sheet: "测评票", row: 8, field: "cadreId", code: "unknown_cadre" },
    ]);
    expect(result.issues[0]!.message["zh-CN"]).toContain("第 7 行");
    expect(result.issues[0]!.message.en).toContain("row 7");
  });

  it("gives the same result from English-only headers, bilingual headers, UTF-8 CSV and GBK CSV", async () => {
    const expected = comparable(result);
    const english = await writeWorkbook(
      dir,
      "english.xlsx",
      { name: "Cadres", table: { ...TINY_CADRES, headers: ENGLISH_HEADERS.cadres } },
      { name: "Ballots", table: { ...TINY_BALLOTS, headers: ENGLISH_HEADERS.ballots } },
    );
    const bilingual = await writeWorkbook(
      dir,
      "bilingual.xlsx",
      { name: "干部名单 Cadres", table: { ...TINY_CADRES, headers: BILINGUAL_TINY_HEADERS.cadres } },
      { name: "测评票 Ballots", table: { ...TINY_BALLOTS, headers: BILINGUAL_TINY_HEADERS.ballots } },
    );
    const cadresCsv = await writeCsv(dir, "cadres.csv", { ...TINY_CADRES, headers: ENGLISH_HEADERS.cadres });
    const ballotsCsv = await writeCsv(dir, "ballots.csv", TINY_BALLOTS, false);
    const runs = await Promise.all([
      scoreJson([english]),
      scoreJson([bilingual]),
      scoreJson(["--cadres", cadresCsv, "--ballots", ballotsCsv]),
      scoreJson([
        "--cadres",
        join(FIXTURES, "tiny-cadres-gbk.csv"),
        "--ballots",
        join(FIXTURES, "tiny-ballots-gbk.csv"),
      ]),
    ]);
    for (const run of runs) expect(comparable(run)).toEqual(expected);
    // CSV issues name the file, so the user knows where to look.
    expect(runs[3]!.issues[0]!.sheet).toBe("tiny-ballots-gbk.csv");
  });
});

describe("kaoping score: outputs", () => {
  it("prints a bilingual summary by default", async () => {
    const run = await runCli(["score", chineseXlsx]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("建议等次 Proposed grade");
    expect(run.stdout).toMatch(/张三.*83\.58.*称职 Competent/);
    expect(run.stdout).toMatch(/李四.*60\.00.*不胜任现职 Unfit for post/);
    expect(run.stdout).toContain("第 7 行");
  });

  it("writes a scored workbook whose composite cells are formulas with the value cached", async () => {
    const out = join(dir, "scored.xlsx");
    const run = await runCli(["score", chineseXlsx, "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("已写入");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "考核结果 Results",
      "明细 Detail",
      "个人测评反馈表 Feedback",
      "问题 Issues",
      "方案 Policy",
    ]);
    const results = wb.getWorksheet("明细 Detail")!;
    expect(results.getCell("G1").value).toBe("综合得分 Composite");
    expect(results.getCell("C2").value).toBe("C001");
    const composite = results.getCell("G2").value as ExcelJS.CellFormulaValue;
    expect(composite.formula).toMatch(/^ROUND\(ROUND\(SUMPRODUCT\(H2:L2,'方案 Policy'!\$B\$\d+:\$F\$\d+\),12\),2\)$/);
    expect(composite.result).toBe(83.58);
    expect(results.getCell("H2").value).toBe(85);
    expect(results.getCell("H2").numFmt).toBe("0.00");
    const issues = wb.getWorksheet("问题 Issues")!;
    // The field in the user's words, never its key or the rule's code.
    expect(issues.getRow(2).values).toEqual(expect.arrayContaining(["测评票", 7, "廉 Integrity"]));
    expect(issues.getRow(2).values).not.toEqual(expect.arrayContaining(["integrity"]));
    expect(issues.getRow(2).values).not.toEqual(expect.arrayContaining(["out_of_range"]));
  });

  it("writes HR's CSV with --out x.csv", async () => {
    const out = join(dir, "scored.csv");
    expect((await runCli(["score", chineseXlsx, "--out", out])).code).toBe(0);
    const text = await readFile(out, "utf8");
    expect(text.startsWith("\uFEFF排名 Rank,")).toBe(true);
    expect(text).toMatch(/\r\n1,1,C001,张三,办公室,党政正职,83\.58,85,80,82\.5,84,87\.5,/);
  });

  it("runs through the package's bin shim (npx kaoping): the compiled command, same answer as the source", async () => {
    const run = await runCli(["--help"], "bin/kaoping.js");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("用法 Usage");
    const compiled = await runCli(["score", chineseXlsx, "--json"], "bin/kaoping.js");
    const source = await runCli(["score", chineseXlsx, "--json"]);
    expect(compiled.code).toBe(0);
    expect(JSON.parse(compiled.stdout)).toEqual(JSON.parse(source.stdout));
  });

  it("prints the package.json version with --version", async () => {
    const { version } = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as { version: string };
    const run = await runCli(["--version"]);
    expect(run).toMatchObject({ code: 0, stdout: `kaoping ${version}\n` });
  });

  it("counts votes against the meeting's attendees when the policy says so (--attendees)", async () => {
    // C001 has E1 C1: over 4 attendees (E+C)/n = 2/4 < 2/3, so the two-thirds rule fires: unfit, band competent capped at basic.
    const policy = join(dir, "attendees-policy.json");
    await writeFile(
      policy,
      JSON.stringify({
        ...DEFAULT_POLICY,
        id: "attendees",
        voteRules: { ...DEFAULT_POLICY.voteRules, base: "attendees" },
      }),
    );
    const result = await scoreJson([chineseXlsx, "--policy", policy, "--attendees", "4"]);
    const c = result.cadres.find((x) => x.cadreId === "C001")!;
    expect(c).toMatchObject({ verdict: "unfit_for_post", grade: "basic", reviewRequired: true });
    expect(c.reasons.find((r) => r.rule === "competency")).toMatchObject({ percent: "50.00", fired: true });
  });
});

describe("kaoping score --progress", () => {
  it("draws the bar on stderr, reading then scoring to 100%, and leaves the JSON on stdout whole", async () => {
    const cadres = await writeCsv(dir, "progress-cadres.csv", TINY_CADRES);
    const ballots = await writeCsv(dir, "progress-ballots.csv", TINY_BALLOTS);
    const plain = await runCli(["score", "--cadres", cadres, "--ballots", ballots, "--json"]);
    const run = await runCli(["score", "--cadres", cadres, "--ballots", ballots, "--json", "--progress"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(plain.stdout);
    expect(plain.stderr).toBe("");
    const frames = run.stderr.split("\r").filter(Boolean);
    expect(frames[0]).toMatch(/^读取测评票 reading ballots .* 100%$/);
    expect(frames).toContainEqual(expect.stringMatching(/^计分 scoring .* {2}0%$/));
    expect(frames.at(-2)).toMatch(/^计分 scoring .* 100%$/);
    expect(frames.at(-1)).toBe("\x1b[K");
  });
});
