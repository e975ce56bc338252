import { describe, expect, it } from "vitest";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { hasStackTrace, ROOT, runCli, tempDir } from "./run.ts";

const meeting = join(ROOT, "examples/recommendation.xlsx");

describe("kaoping recommend: CSV input gives the workbook's answer", () => {
  it("--posts and --ballots with the counts on the command line; ballot rows are the CSV's own lines", async () => {
    const dir = await tempDir();
    const posts = join(dir, "岗位.csv");
    const ballots = join(dir, "推荐票.csv");
    await writeFile(posts, "\uFEFF岗位,职数,候选人,暂缓\r\n办公室主任,1,甲、乙、丙,丙：核查中\r\n");
    // 5 ballots; line 6 names two for one vacancy and does not count: of 4 valid, 甲 2, 乙 1, 丙 1 (held).
    await writeFile(
      ballots,
      "票号,推荐主体,办公室主任\r\n1,中层干部,甲\r\n2,中层干部,甲\r\n3,群众代表,乙\r\n4,群众代表,丙\r\n5,群众代表,甲、乙\r\n",
    );
    const run = await runCli([
      "recommend",
      "--posts",
      posts,
      "--ballots",
      ballots,
      "--expected",
      "5",
      "--attendees",
      "5",
      "--json",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.invalid).toEqual([expect.objectContaining({ row: 6, code: "too_many" })]);
    expect(
      r.posts[0].candidates.map((c: { name: string; fraction: string; status: string }) => [
        c.name,
        c.fraction,
        c.status,
      ]),
    ).toEqual([
      ["甲", "2/4", "shortlisted"],
      ["乙", "1/4", "shortlisted"],
      ["丙", "1/4", "held"],
    ]);
  });

  it("without the counts, CSV input is a usage error naming the option", async () => {
    const run = await runCli(["recommend", "--posts", "a.csv", "--ballots", "b.csv"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--expected");
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});

describe("kaoping recommend: file protections, as score", () => {
  it("never writes over the input, and over an existing file only with --force", async () => {
    const dir = await tempDir();
    const copy = join(dir, "推荐.xlsx");
    await writeFile(copy, await readFile(meeting));
    const self = await runCli(["recommend", copy, "--out", copy]);
    expect(self.code).toBe(2);
    expect(self.stderr).toContain("不能是输入文件本身");
    expect(await readFile(copy)).toEqual(await readFile(meeting));

    const out = join(dir, "结果.xlsx");
    await writeFile(out, "keep me");
    const refused = await runCli(["recommend", copy, "--out", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--force");
    expect(await readFile(out, "utf8")).toBe("keep me");
    const forced = await runCli(["recommend", copy, "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "现场公布-办公室主任",
      "现场公布-财务科科长",
      "计票明细 Tally",
      "无效票 Invalid",
    ]);
    const page = wb.getWorksheet("现场公布-办公室主任")!.pageSetup;
    expect(page).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
  });

  it("a sheet that does not read is an input error naming the sheet and the field", async () => {
    const dir = await tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("民主推荐");
    ws.addRows([
      ["应到", "四十"],
      ["实到", 30],
      [],
      ["岗位", "职数", "候选人"],
      ["主任", 1, "甲、乙"],
      [],
      ["票号", "主任"],
    ]);
    const path = join(dir, "bad.xlsx");
    await wb.xlsx.writeFile(path);
    const run = await runCli(["recommend", path]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("「民主推荐」的「应到」须填写不小于 1 的整数，现为「四十」");
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});

describe("kaoping decide with a CSV of votes", () => {
  it("8 members, 5 present (15 < 16): the vote is not valid and no one is approved", async () => {
    const dir = await tempDir();
    const votes = join(dir, "票数.csv");
    await writeFile(votes, "人选,同意,不同意,弃权\r\n甲,5,0,0\r\n");
    const run = await runCli(["decide", "--votes", votes, "--members", "8", "--attendees", "5"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("实到 5 人 / 应到 8 人，不足三分之二，票决无效");
    expect(run.stdout).toMatch(/甲\s+5\s+0\s+0\s+5\/8 62\.50%\s+无效 not valid/);
  });
});
