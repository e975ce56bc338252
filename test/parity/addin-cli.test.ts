/**
 * One input, one answer: every workbook of examples/ and test/fixtures scored through the add-in's path
 * (the Excel stand-in, readAssessment, the shared engine, the cloud verdicts merged as the score page does)
 * and through `kaoping score --json` gives the same result JSON, field for field.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_POLICY, score, verdictBatch, type AssessmentResult } from "../../shared/index.ts";
import { readAssessment } from "../../addin/excel/index.ts";
import { mergeVerdicts, verdictItems } from "../../addin/taskpane/format.ts";
import { tablesToXlsx } from "../../examples/write-tables.ts";
import type { Table } from "../../examples/tables.ts";
import { BILINGUAL_TINY_HEADERS, ENGLISH_HEADERS, TINY_BALLOTS, TINY_CADRES } from "../fixtures/workbooks/tiny.ts";
import { NEAR_BOUNDARY_BALLOTS, NEAR_BOUNDARY_CADRES } from "../fixtures/workbooks/near-boundary.ts";
import { MEETING_BALLOTS, MEETING_CADRES, MEETING_TITLE } from "../fixtures/workbooks/meeting.ts";
import { freshStandin } from "../addin-excel/helpers.ts";
import { ROOT, tempDir } from "../cli/run.ts";
import { main } from "../../cli/main.ts";
import { openInStandin } from "./load-standin.ts";

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
  delete (globalThis as { Office?: unknown }).Office;
});

const withHeaders = (t: Table, headers: string[]): Table => ({ headers, rows: t.rows });

/** A workbook whose sheets start with title rows above the header, as offices print their forms. */
async function withTitle(sheets: { name: string; table: Table }[], title: string[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const { name, table } of sheets) {
    const ws = book.addWorksheet(name);
    ws.addRow(title);
    ws.addRow([]);
    ws.addRow(table.headers);
    for (const row of table.rows) ws.addRow(row.map((c) => (c === undefined ? null : c)));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** 测评主体 merged down each run of equal groups, as offices fill paper forms: Excel keeps the value on top only. */
async function withMergedGroups(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const cadres = book.addWorksheet("干部名单");
  cadres.addRow(TINY_CADRES.headers);
  for (const row of TINY_CADRES.rows) cadres.addRow(row.map((c) => (c === undefined ? null : c)));
  const ballots = book.addWorksheet("测评票");
  ballots.addRow(TINY_BALLOTS.headers);
  for (const row of TINY_BALLOTS.rows) ballots.addRow(row.map((c) => (c === undefined ? null : c)));
  const group = TINY_BALLOTS.headers.indexOf("测评主体") + 1;
  let start = 2;
  for (let r = 3; r <= TINY_BALLOTS.rows.length + 2; r++) {
    const same =
      r <= TINY_BALLOTS.rows.length + 1 && ballots.getCell(r, group).value === ballots.getCell(start, group).value;
    if (same) continue;
    if (r - 1 > start) ballots.mergeCells(start, group, r - 1, group);
    start = r;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const WORKBOOKS: [name: string, bytes: () => Promise<Uint8Array>][] = [
  ["examples/assessment.xlsx (as shipped)", () => readFile(join(ROOT, "examples/assessment.xlsx"))],
  [
    "tiny (干部名单 / 测评票)",
    () =>
      tablesToXlsx([
        { name: "干部名单", table: TINY_CADRES },
        { name: "测评票", table: TINY_BALLOTS },
      ]),
  ],
  [
    "tiny, English headers (Cadres / Ballots)",
    () =>
      tablesToXlsx([
        { name: "Cadres", table: withHeaders(TINY_CADRES, ENGLISH_HEADERS.cadres) },
        { name: "Ballots", table: withHeaders(TINY_BALLOTS, ENGLISH_HEADERS.ballots) },
      ]),
  ],
  [
    "tiny, bilingual headers and sheet names",
    () =>
      tablesToXlsx([
        { name: "干部名单 Cadres", table: withHeaders(TINY_CADRES, BILINGUAL_TINY_HEADERS.cadres) },
        { name: "测评票 Ballots", table: withHeaders(TINY_BALLOTS, BILINGUAL_TINY_HEADERS.ballots) },
      ]),
  ],
  [
    "near-boundary",
    () =>
      tablesToXlsx([
        { name: "干部名单", table: NEAR_BOUNDARY_CADRES },
        { name: "测评票", table: NEAR_BOUNDARY_BALLOTS },
      ]),
  ],
  ["tiny, 测评主体 merged down the rows", withMergedGroups],
  [
    "meeting counts, 测评等次, traditional spellings, title rows",
    () =>
      withTitle(
        [
          { name: "干部名单", table: MEETING_CADRES },
          { name: "测评票", table: MEETING_BALLOTS },
        ],
        MEETING_TITLE,
      ),
  ],
];

/** What the score page does: read, score locally, ask the cloud for the verdicts (here: the same engine), merge. */
async function scoreInAddin(bytes: Uint8Array): Promise<AssessmentResult> {
  const standin = freshStandin({ sheets: [] });
  await openInStandin(standin, bytes);
  const input = await readAssessment();
  const local = await score(DEFAULT_POLICY, input);
  const extra = new Map(
    input.cadres.map((c) => [
      String(c.cadreId).trim(),
      { disciplinary: c.disciplinary, attendees: c.attendees, expected: c.expected },
    ]),
  );
  return mergeVerdicts(local, verdictBatch(DEFAULT_POLICY, verdictItems(local, extra), "brief"), false);
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

describe("the add-in and `kaoping score --json` give the same result", () => {
  it.each(WORKBOOKS)("%s", async (name, make) => {
    const bytes = new Uint8Array(await make());
    const file = join(dir, `${name.replace(/[^A-Za-z0-9]+/g, "-")}.xlsx`);
    await writeFile(file, bytes);
    // The command's own entry point, in process (the child-process runs are test/cli's).
    const out = { stdout: "", stderr: "" };
    const code = await main(["score", file, "--json"], {
      stdout: (t) => void (out.stdout += t),
      stderr: (t) => void (out.stderr += t),
    });
    expect(out.stderr).toBe("");
    expect(code).toBe(0);
    const fromCli = JSON.parse(out.stdout) as AssessmentResult;
    const fromAddin = await scoreInAddin(bytes);
    expect(fromAddin).toEqual(fromCli);
    expect(fromCli.cadres.length).toBeGreaterThan(0);
  });

  it("the shipped example's C003 (违纪记录 是) is incompetent and needs review in both", async () => {
    const bytes = new Uint8Array(await readFile(join(ROOT, "examples/assessment.xlsx")));
    const fromAddin = await scoreInAddin(bytes);
    const c003 = fromAddin.cadres.find((c) => c.cadreId === "C003")!;
    expect(c003.grade).toBe("incompetent");
    expect(c003.reviewRequired).toBe(true);
    expect(c003.reasons.find((r) => r.rule === "disciplinary")?.fired).toBe(true);
  });

  it("a merged 测评主体 reads as Excel shows it: the rows under its first cell are named, with what to do", async () => {
    // Ballots B3, B4, B5 (sheet rows 4 to 6) share 上级领导, merged into one cell: rows 5 and 6 read empty.
    const path = join(dir, "merged.xlsx");
    await writeFile(path, await withMergedGroups());
    const out = { stdout: "", stderr: "" };
    await main(["score", path, "--json"], {
      stdout: (t) => void (out.stdout += t),
      stderr: (t) => void (out.stderr += t),
    });
    const groupIssues = (JSON.parse(out.stdout) as AssessmentResult).issues.filter((i) => i.field === "raterGroup");
    expect(groupIssues.map((i) => i.row)).toEqual([5, 6]);
    for (const issue of groupIssues) {
      expect(issue.message["zh-CN"]).toContain("若是合并单元格，请取消合并并在每一行填写");
      expect(issue.message.en).toContain("unmerge them and fill in every row");
    }
  });
});
