import { beforeAll, describe, expect, it } from "vitest";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { DEFAULT_POLICY, PolicySchema, score, type AssessmentResult, type Policy } from "../../shared/index.ts";
import { readWorkbook, writeScoredWorkbook } from "../../io/index.ts";
import { tablesToXlsx } from "../../examples/write-tables.ts";
import { TINY_BALLOTS, TINY_CADRES } from "../fixtures/workbooks/tiny.ts";
import { NEAR_BOUNDARY_BALLOTS, NEAR_BOUNDARY_CADRES } from "../fixtures/workbooks/near-boundary.ts";
import { ROOT, tempDir } from "../cli/run.ts";
import { recalculateToCsv, requireSoffice } from "./libreoffice.ts";

/** Same weights written in percent (sum 100): the policy sheet must show them as fractions of 1. */
const PERCENT_POLICY: Policy = PolicySchema.parse({
  ...DEFAULT_POLICY,
  id: "percent",
  posts: Object.fromEntries(
    Object.entries(DEFAULT_POLICY.posts).map(([k, p]) => [
      k,
      { ...p, weights: Object.fromEntries(Object.entries(p.weights).map(([d, w]) => [d, Math.round(w * 100)])) },
    ]),
  ),
});

interface Case {
  name: string;
  result: AssessmentResult;
  path: string;
}

let cases: Case[];
let recalculated: Map<string, string[][]>;

async function scoredCase(dir: string, name: string, workbook: Uint8Array, policy: Policy): Promise<Case> {
  const input = await readWorkbook(workbook, name);
  const result = await score(policy, input);
  const path = join(dir, `${name}.xlsx`);
  // No cached results: whatever LibreOffice shows, it computed from the formulas.
  await writeFile(path, await writeScoredWorkbook(result, policy, { cachedFormulaResults: false }));
  return { name, result, path };
}

/**
 * cadreId -> composite text as the recalculated results page displays it (the first sheet: its composite is a
 * formula over the detail sheet's, which is the SUMPRODUCT over the dimensions and the policy sheet's weights).
 */
function displayedComposites(table: string[][]): Map<string, string> {
  const at = table.findIndex((r) => r[0]?.startsWith("排名"));
  expect(at).toBeGreaterThanOrEqual(0);
  const header = table[at]!;
  const id = header.findIndex((h) => h.startsWith("编号"));
  const composite = header.findIndex((h) => h.startsWith("综合得分"));
  expect(id).toBeGreaterThanOrEqual(0);
  expect(composite).toBeGreaterThanOrEqual(0);
  const rows = table.slice(at + 1).filter((r) => /^\d+$/.test(r[0] ?? "") || (r[id] ?? "") !== "");
  return new Map(rows.map((r) => [r[id]!, r[composite]!]));
}

beforeAll(async () => {
  requireSoffice();
  const dir = await tempDir();
  const tiny = await tablesToXlsx([
    { name: "干部名单", table: TINY_CADRES },
    { name: "测评票", table: TINY_BALLOTS },
  ]);
  const example = await readFile(join(ROOT, "examples/assessment.xlsx"));
  cases = [
    await scoredCase(dir, "tiny", tiny, DEFAULT_POLICY),
    await scoredCase(dir, "example", example, DEFAULT_POLICY),
    await scoredCase(dir, "example-percent", example, PERCENT_POLICY),
    await scoredCase(
      dir,
      "near-boundary",
      await tablesToXlsx([
        { name: "干部名单", table: NEAR_BOUNDARY_CADRES },
        { name: "测评票", table: NEAR_BOUNDARY_BALLOTS },
      ]),
      DEFAULT_POLICY,
    ),
  ];
  recalculated = await recalculateToCsv(
    dir,
    cases.map((c) => c.path),
  );
}, 180_000);

describe("the scored workbook recalculated by LibreOffice", () => {
  it("holds formulas without cached values, so the check below is a real recalculation", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(cases[0]!.path)) as unknown as ArrayBuffer);
    const cell = wb.getWorksheet("明细 Detail")!.getCell("G2").value as ExcelJS.CellFormulaValue;
    expect(cell.formula).toContain("SUMPRODUCT");
    expect(cell.result).toBeUndefined();
    const shown = wb.getWorksheet("考核结果 Results")!.getCell("F5").value as ExcelJS.CellFormulaValue;
    expect(shown.formula).toBe("'明细 Detail'!G2");
    expect(shown.result).toBeUndefined();
  });

  it("rounds the exact x.xx5 composite half up, like the engine (83.575 -> 83.58)", () => {
    const shown = displayedComposites(recalculated.get(cases[0]!.path)!);
    expect(shown.get("C001")).toBe("83.58");
    expect(shown.get("C002")).toBe("60.00");
  });

  it("shows every cadre's composite exactly as the JSON result rounds it", () => {
    for (const c of cases) {
      const shown = displayedComposites(recalculated.get(c.path)!);
      const scored = c.result.cadres.filter((x) => x.composite !== null);
      expect(scored.length).toBeGreaterThan(0);
      for (const cadre of scored)
        expect({ case: c.name, cadreId: cadre.cadreId, composite: shown.get(cadre.cadreId) }).toEqual({
          case: c.name,
          cadreId: cadre.cadreId,
          composite: cadre.composite!.toFixed(2),
        });
    }
  });

  it("a composite a hair below x.xx5 (89.995 - 1/(1000 x 41 x 43 x 47 x 29)) shows 89.99 in the JSON and the sheet", () => {
    const c = cases[3]!;
    expect(c.result.cadres[0]!.composite).toBe(89.99);
    expect(displayedComposites(recalculated.get(c.path)!).get("C001")).toBe("89.99");
  });

  it("gives the same composites whether the policy writes weights as fractions or percent", () => {
    expect(cases[2]!.result.cadres.map((c) => c.composite)).toEqual(cases[1]!.result.cadres.map((c) => c.composite));
  });
});
