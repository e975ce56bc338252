/**
 * One results table: the add-in's 考核结果 / 考核明细 / 考核方案 (office.js, through the Excel stand-in) and the
 * workbook HR downloads and the CLI writes (exceljs) show the same headers, values, shares, number formats, fills,
 * row heights and live formulas, cell by cell, for the same result.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { writeResults } from "../../addin/excel/index.ts";
import { DEFAULT_POLICY, policyIdentity, scoreWithIdentity, type AssessmentResult } from "../../shared/index.ts";
import { reportModels } from "../../shared/report/index.ts";
import { readWorkbook, writeScoredWorkbook } from "../../io/index.ts";
import type { Standin } from "../standin/index.ts";
import { ROOT } from "../cli/run.ts";
import { freshStandin } from "./helpers.ts";

/** add-in sheet -> downloaded workbook sheet */
const PAIRS = [
  ["考核结果", "考核结果 Results"],
  ["考核明细", "明细 Detail"],
  ["考核方案", "方案 Policy"],
] as const;

let s: Standin;
let wb: ExcelJS.Workbook;
let result: AssessmentResult;

beforeAll(async () => {
  const input = await readWorkbook(await readFile(join(ROOT, "examples/assessment.xlsx")), "assessment.xlsx");
  result = scoreWithIdentity(DEFAULT_POLICY, await policyIdentity(DEFAULT_POLICY), input);
  s = freshStandin();
  await writeResults(result, DEFAULT_POLICY, { lang: "zh-CN", offline: false });
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeScoredWorkbook(result, DEFAULT_POLICY)) as unknown as ArrayBuffer);
});

/** Formulas name the other sheets: the add-in's names are mapped to the workbook's before comparing. */
const toWorkbookNames = (formula: string) =>
  PAIRS.reduce((f, [addin, book]) => f.split(`'${addin}'!`).join(`'${book}'!`), formula);

interface Seen {
  value: string | number;
  numFmt: string;
  fill: string;
  bold: boolean;
  size: number;
}

function fromExcelJs(ws: ExcelJS.Worksheet, r: number, c: number): Seen {
  const cell = ws.getRow(r + 1).getCell(c + 1);
  const v = cell.isMerged && cell.master !== cell ? null : cell.value;
  const value =
    v === null || v === undefined
      ? ""
      : typeof v === "object" && "formula" in v
        ? `=${v.formula}`
        : (v as string | number);
  const fill = cell.fill?.type === "pattern" ? (cell.fill.fgColor?.argb ?? "") : "";
  return {
    value,
    numFmt: cell.numFmt ?? "",
    fill: fill ? `#${fill.slice(2)}` : "",
    bold: cell.font?.bold ?? false,
    size: cell.font?.size ?? 0,
  };
}

function fromStandin(sheet: string, r: number, c: number): Seen {
  const cell = s.inspect.sheet(sheet).rows.get(r)?.get(c);
  return {
    value: cell?.formula ? toWorkbookNames(cell.formula) : ((cell?.value as string | number | undefined) ?? ""),
    numFmt: cell?.numberFormat ?? "",
    fill: cell?.fill ?? "",
    bold: cell?.fontBold ?? false,
    size: cell?.fontSize ?? 0,
  };
}

describe("the add-in's sheets and the downloaded workbook", () => {
  it("hold the same cells: headers, values, shares as text, number formats, fills, fonts and live formulas", () => {
    const models = reportModels(result, DEFAULT_POLICY);
    const sizes = { 考核结果: models.results, 考核明细: models.detail, 考核方案: models.policy };
    let compared = 0;
    for (const [addin, book] of PAIRS) {
      const ws = wb.getWorksheet(book)!;
      const model = sizes[addin];
      const mismatches: string[] = [];
      for (let r = 0; r < model.rows.length; r++)
        for (let c = 0; c < model.columns.length; c++) {
          const a = fromStandin(addin, r, c);
          const b = fromExcelJs(ws, r, c);
          // An empty cell's format is not a difference a reader can see.
          if (a.value === "" && b.value === "" && !a.fill && !b.fill) continue;
          compared++;
          if (JSON.stringify(a) !== JSON.stringify(b))
            mismatches.push(
              `${book} r${r + 1} c${c + 1}: add-in ${JSON.stringify(a)} vs workbook ${JSON.stringify(b)}`,
            );
        }
      expect(mismatches.slice(0, 5)).toEqual([]);
    }
    // Every cadre's row was compared (12 cadres x 12 report columns at least).
    expect(compared).toBeGreaterThan(12 * 12);
  });

  it("gives the same row heights, merged title lines and print areas", () => {
    for (const [addin, book] of PAIRS) {
      const ws = wb.getWorksheet(book)!;
      const heights = s.inspect.sheet(addin).rowHeights;
      for (const [r, h] of heights)
        if (ws.getRow(r + 1).hasValues) expect([book, r + 1, h]).toEqual([book, r + 1, ws.getRow(r + 1).height]);
    }
    const merges = (wb.getWorksheet("考核结果 Results")! as unknown as { model: { merges: string[] } }).model.merges;
    expect([...s.inspect.sheet("考核结果").merges].sort()).toEqual([...merges].sort());
    expect(wb.getWorksheet("考核结果 Results")!.pageSetup.printArea).toBe(
      s.inspect.sheet("考核结果").pageLayout.printArea,
    );
  });

  it("labels the table with the same headers in both, including the committee's columns", () => {
    const header = s.inspect.values("考核结果")[3]!;
    expect(wb.getWorksheet("考核结果 Results")!.getRow(4).values).toEqual([undefined, ...header]);
    expect(header.slice(-2)).toEqual(["组织认定等次\nConfirmed", "备注\nNote"]);
  });
});
