/** The add-in opens the shipped example as it is (sheets 「干部名单 Cadres」 and 「测评票 Ballots」). */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readAssessment } from "../../addin/excel/index.ts";
import { freshStandin } from "./helpers.ts";
import { openInStandin } from "../parity/load-standin.ts";
import { ROOT } from "../cli/run.ts";

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
  delete (globalThis as { Office?: unknown }).Office;
});

describe("examples/assessment.xlsx in the add-in", () => {
  it("reads both sheets by their bilingual names, the 违纪记录 column and every ballot row", async () => {
    const standin = freshStandin({ sheets: [] });
    await openInStandin(standin, new Uint8Array(await readFile(join(ROOT, "examples/assessment.xlsx"))));
    const input = await readAssessment();
    expect(input.sheets).toEqual({ cadres: "干部名单 Cadres", ballots: "测评票 Ballots" });
    // 12 cadres; C003 (张伟) has the recorded disciplinary finding (examples/tables.ts).
    expect(input.cadres).toHaveLength(12);
    expect(input.cadres.find((c) => c.cadreId === "C003")).toMatchObject({ name: "张伟", disciplinary: true, row: 4 });
    expect(input.cadres.filter((c) => c.disciplinary === true)).toHaveLength(1);
    // 12 cadres x 21 raters (3 + 8 + 8 + 2) = 252, plus a ballot typed twice and one for C099: 254.
    expect(input.ballots.count).toBe(254);
    expect(input.voteColumn).toBe(true);
  });
});
