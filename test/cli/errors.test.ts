import { beforeAll, describe, expect, it } from "vitest";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFAULT_POLICY } from "../../shared/index.ts";
import { TINY_BALLOTS, TINY_CADRES } from "../fixtures/workbooks/tiny.ts";
import { hasStackTrace, runCli, tempDir, writeCsv, writeWorkbook, type CliRun } from "./run.ts";

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

/** A refusal a user can act on: non-zero exit, Chinese then English on stderr, nothing on stdout, no stack. */
function expectRefusal(run: CliRun, code: number, zh: string, en: string) {
  expect(run.code).toBe(code);
  expect(run.stdout).toBe("");
  expect(run.stderr).toContain(zh);
  expect(run.stderr).toContain(en);
  expect(run.stderr.indexOf("错误：")).toBeLessThan(run.stderr.indexOf("Error: "));
  expect(hasStackTrace(run.stderr)).toBe(false);
}

describe("bad input files (exit 3)", () => {
  it("names a file that does not exist", async () => {
    const run = await runCli(["score", join(dir, "没有这个文件.xlsx")]);
    expectRefusal(run, 3, "找不到文件", "file not found");
    expect(run.stderr).toContain("没有这个文件.xlsx");
  });

  it("says a CSV given as the workbook is not a workbook", async () => {
    const csv = await writeCsv(dir, "ballots.csv", TINY_BALLOTS);
    expectRefusal(await runCli(["score", csv]), 3, "不是 .xlsx 工作簿", "is not an .xlsx workbook");
  });

  it("says a workbook given as CSV is not CSV", async () => {
    const book = await writeWorkbook(
      dir,
      "book.xlsx",
      { name: "干部名单", table: TINY_CADRES },
      { name: "测评票", table: TINY_BALLOTS },
    );
    const csv = await writeCsv(dir, "c.csv", TINY_CADRES);
    expectRefusal(await runCli(["score", "--cadres", csv, "--ballots", book]), 3, "不是 CSV", "is not a CSV");
  });

  it("names the sheets that exist when one is missing", async () => {
    const book = await writeWorkbook(
      dir,
      "sheets.xlsx",
      { name: "干部名单", table: TINY_CADRES },
      { name: "Sheet2", table: TINY_BALLOTS },
    );
    const run = await runCli(["score", book]);
    expectRefusal(run, 3, "没有名为「测评票」或「Ballots」的工作表", "has no sheet named Ballots or 测评票");
    expect(run.stderr).toContain("「干部名单」 「Sheet2」");
  });

  it("names a missing header in both languages and lists the headers found", async () => {
    const headers = TINY_BALLOTS.headers.map((h) => (h === "廉" ? "备注" : h));
    const book = await writeWorkbook(
      dir,
      "headers.xlsx",
      { name: "干部名单", table: TINY_CADRES },
      { name: "测评票", table: { ...TINY_BALLOTS, headers } },
    );
    const run = await runCli(["score", book]);
    expectRefusal(run, 3, "缺少必需的列：廉（integrity）", "missing required column(s): integrity (廉)");
    expect(run.stderr).toContain("「票号」 「测评主体」 「编号」 「德」 「能」 「勤」 「绩」 「备注」 「等次」");
  });

  it("names every cell of an optional column it cannot read", async () => {
    const cadres = {
      headers: [...TINY_CADRES.headers, "违纪记录"],
      rows: [
        [...TINY_CADRES.rows[0]!, "也许"],
        [...TINY_CADRES.rows[1]!, "否"],
      ],
    };
    const book = await writeWorkbook(
      dir,
      "flag.xlsx",
      { name: "干部名单", table: cadres },
      { name: "测评票", table: TINY_BALLOTS },
    );
    const run = await runCli(["score", book]);
    expectRefusal(
      run,
      3,
      "「干部名单」第 2 行「违纪记录」(disciplinary)：「也许」无效",
      'row 2, disciplinary (违纪记录): "也许" is not valid',
    );
  });

  it("says why it cannot write --out (a folder that does not exist)", async () => {
    const book = await writeWorkbook(
      dir,
      "out-book.xlsx",
      { name: "干部名单", table: TINY_CADRES },
      { name: "测评票", table: TINY_BALLOTS },
    );
    const run = await runCli(["score", book, "--out", join(dir, "没有的文件夹", "x.xlsx")]);
    expectRefusal(run, 3, "所在文件夹不存在", "its folder does not exist");
  });

  it("refuses a policy whose numbers are absurd (1e2000000000) as a policy problem, not an internal error", async () => {
    const path = join(dir, "absurd.json");
    await writeFile(path, JSON.stringify({ ...DEFAULT_POLICY, quorum: "1e-2000000000" }));
    const book = await writeWorkbook(
      dir,
      "absurd-book.xlsx",
      { name: "干部名单", table: TINY_CADRES },
      { name: "测评票", table: TINY_BALLOTS },
    );
    const run = await runCli(["score", book, "--policy", path]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("/quorum");
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it("lists every problem of a policy file with its JSON path", async () => {
    const policy = join(dir, "policy.json");
    const broken = structuredClone(DEFAULT_POLICY) as Record<string, unknown> & typeof DEFAULT_POLICY;
    broken.posts.principal!.weights.integrity = 0.2; // principal now sums to 1.1
    (broken as Record<string, unknown>).version = 0;
    await writeFile(policy, JSON.stringify(broken));
    const book = await writeWorkbook(
      dir,
      "ok.xlsx",
      { name: "干部名单", table: TINY_CADRES },
      { name: "测评票", table: TINY_BALLOTS },
    );
    const run = await runCli(["score", book, "--policy", policy]);
    expectRefusal(run, 3, "有 2 处问题", "has 2 problem(s)");
    expect(run.stderr).toContain("/version");
    expect(run.stderr).toContain("/posts/principal/weights：岗位类别「党政正职」(principal) 的要素权重之和须恰为 1");
    expect(run.stderr).toContain('post "principal" weights must sum to exactly 1');
  });

  it("says a policy file is not JSON", async () => {
    const policy = join(dir, "bad.json");
    await writeFile(policy, "{ id: default");
    const book = await writeWorkbook(
      dir,
      "ok2.xlsx",
      { name: "干部名单", table: TINY_CADRES },
      { name: "测评票", table: TINY_BALLOTS },
    );
    expectRefusal(await runCli(["score", book, "--policy", policy]), 3, "不是有效的 JSON", "is not valid JSON");
  });
});

describe("bad command lines (exit 2)", () => {
  it("asks for an input when none is given", async () => {
    expectRefusal(await runCli(["score"]), 2, "缺少输入", "missing input");
  });
  it("refuses an unknown option", async () => {
    expectRefusal(await runCli(["score", "x.xlsx", "--polcy", "p.json"]), 2, "命令行参数有误", "invalid arguments");
  });
  it("refuses an unknown command", async () => {
    expectRefusal(await runCli(["rank"]), 2, "未知命令「rank」", 'unknown command "rank"');
  });
  it("refuses an unknown built-in policy and lists the built-in ones", async () => {
    const run = await runCli(["score", "x.xlsx", "--policy-id", "army"]);
    expectRefusal(run, 2, "没有内置考核方案「army」", "default, civil-servant");
  });
});
