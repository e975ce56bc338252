/** The command protects the user's files (issue 7) and reads the spec's new input rules from a workbook. */
import { readFile, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../cli/main.ts";
import type { AssessmentResult } from "../../shared/index.ts";
import { TINY_BALLOTS, TINY_CADRES } from "../fixtures/workbooks/tiny.ts";
import { runCli, tempDir, writeWorkbook } from "./run.ts";

/** The command's entry point in process (bin/kaoping.ts is a one-line shim over it). */
async function kaoping(...args: string[]) {
  const out = { stdout: "", stderr: "" };
  const code = await main(args, {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
  });
  return { code, ...out };
}

let dir: string;
let book: string;
beforeAll(async () => {
  dir = await tempDir();
  book = await writeWorkbook(
    dir,
    "book.xlsx",
    { name: "干部名单", table: TINY_CADRES },
    { name: "测评票", table: TINY_BALLOTS },
  );
});

describe("--out never destroys the user's files", () => {
  it("refuses --out equal to the input workbook (exit 3, bilingual) and leaves it untouched", async () => {
    const before = await readFile(book);
    const run = await kaoping("score", book, "--out", book);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("就是输入文件");
    expect(run.stderr).toContain("would destroy your cadre list and ballots");
    expect(await readFile(book)).toEqual(before);
  });

  it("sees through another spelling of the same path and through a link", async () => {
    const link = join(dir, "link.xlsx");
    await symlink(book, link);
    expect((await kaoping("score", book, "--out", join(dir, ".", "sub", "..", "book.xlsx"))).code).toBe(3);
    expect((await kaoping("score", link, "--out", book)).code).toBe(3);
  });

  it("refuses --out equal to a CSV input", async () => {
    const cadres = join(dir, "c.csv");
    const ballots = join(dir, "b.csv");
    await writeFile(cadres, "编号,姓名,单位,岗位类别\nC1,张三,办,党政正职\n");
    await writeFile(ballots, "票号,测评主体,编号,德,能,勤,绩,廉,等次\nB1,同级,C1,80,80,80,80,80,称职\n");
    const run = await kaoping("score", "--cadres", cadres, "--ballots", ballots, "--out", ballots);
    expect(run.code).toBe(3);
    expect(await readFile(ballots, "utf8")).toContain("B1,同级");
  });

  it("keeps an existing output unless --force", async () => {
    const out = join(dir, "existing.xlsx");
    await writeFile(out, "mine");
    const kept = await kaoping("score", book, "--out", out);
    expect(kept.code).toBe(3);
    expect(kept.stderr).toContain("已存在");
    expect(kept.stderr).toContain("--force");
    expect(await readFile(out, "utf8")).toBe("mine");

    const forced = await kaoping("score", book, "--out", out, "--force");
    expect(forced.code).toBe(0);
    expect((await stat(out)).size).toBeGreaterThan(1000);
  });

  it("--force never overwrites an input", async () => {
    expect((await kaoping("score", book, "--out", book, "--force")).code).toBe(3);
  });

  it("--out x.csv also writes the issues to x.issues.csv, named in the summary", async () => {
    const out = join(dir, "hr.csv");
    const run = await kaoping("score", book, "--out", out);
    expect(run.code).toBe(0);
    const issuesPath = join(dir, "hr.issues.csv");
    expect(run.stdout).toContain(issuesPath);
    const text = await readFile(issuesPath, "utf8");
    // The two issues of the tiny case: row 7 integrity 105, row 8 cadre C009.
    expect(text.startsWith("\uFEFF工作表 Sheet,行 Row,")).toBe(true);
    expect(text).toContain("测评票,7,廉 integrity,105,");
    expect(text).toContain("测评票,8,编号 cadreId,C009,");
  });

  it("refuses when the issues file of a CSV output already exists, keeping it", async () => {
    const out = join(dir, "again.csv");
    await writeFile(join(dir, "again.issues.csv"), "mine");
    expect((await kaoping("score", book, "--out", out)).code).toBe(3);
    expect(await readFile(join(dir, "again.issues.csv"), "utf8")).toBe("mine");
  });

  it("exits 3 as a real process too", async () => {
    const run = await runCli(["score", book, "--out", book]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("Error:");
  });
});

describe("the vote column from a workbook", () => {
  const withVoteHeader = (header: string | null) => ({
    headers: header === null ? TINY_BALLOTS.headers.slice(0, 8) : [...TINY_BALLOTS.headers.slice(0, 8), header],
    rows: header === null ? TINY_BALLOTS.rows.map((r) => r.slice(0, 8)) : TINY_BALLOTS.rows,
  });

  it("reads 测评等次 as the grade-vote column: C002's votes C1 B1 I1 give 1/3 < 2/3, unfit", async () => {
    const path = await writeWorkbook(
      dir,
      "cp.xlsx",
      { name: "干部名单", table: TINY_CADRES },
      { name: "测评票", table: withVoteHeader("测评等次") },
    );
    const run = await kaoping("score", path, "--json");
    expect(run.code).toBe(0);
    const c002 = (JSON.parse(run.stdout) as AssessmentResult).cadres.find((c) => c.cadreId === "C002")!;
    expect(c002.votes).toEqual({ excellent: 0, competent: 1, basic: 1, incompetent: 1, blank: 0, n: 3 });
    expect(c002.verdict).toBe("unfit_for_post");
  });

  it("refuses a form without a vote column (exit 3), naming the headers found and the accepted names", async () => {
    const path = await writeWorkbook(
      dir,
      "nv.xlsx",
      { name: "干部名单", table: TINY_CADRES },
      { name: "测评票", table: withVoteHeader(null) },
    );
    const run = await kaoping("score", path);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("「测评票」没有等次票列");
    expect(run.stderr).toContain("「票号」 「测评主体」");
    expect(run.stderr).toContain("测评等次");
    expect(run.stderr).toContain("--no-votes");
  });

  it("scores it with --no-votes: no vote rule, and each result says so", async () => {
    const path = join(dir, "nv.xlsx");
    const run = await kaoping("score", path, "--no-votes", "--json");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as AssessmentResult;
    for (const c of result.cadres) {
      expect(c.reasons.map((r) => r.rule)).toContain("votes_not_asked");
      expect(c.reasons.map((r) => r.rule)).not.toContain("competency");
    }
    // C002 is fit without the votes (band basic at 60).
    expect(result.cadres.find((c) => c.cadreId === "C002")).toMatchObject({ verdict: "fit", grade: "basic" });
  });
});
