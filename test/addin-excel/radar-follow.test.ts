/** 考核明细: selecting a cadre's row points the radar chart at that cadre; typing an id still works. */
import { beforeEach, describe, expect, it } from "vitest";
import { readAssessment, watchResultsSelection, writeResults } from "../../addin/excel/index.ts";
import { DEFAULT_POLICY, policyIdentity, scoreWithIdentity } from "../../shared/index.ts";
import type { Standin } from "../standin/index.ts";
import { freshStandin, typeInto } from "./helpers.ts";

let s: Standin;
const five = (x: number) => [x, x, x, x, x];

beforeEach(async () => {
  s = freshStandin();
  await typeInto(s, "干部名单", [
    ["编号", "姓名", "单位", "岗位类别"],
    ["C1", "张三", "一处", "党政正职"],
    ["C2", "李四", "一处", "一般干部"],
    ["C3", "王五", "二处", "一般干部"],
  ]);
  await typeInto(s, "测评票", [
    ["票号", "测评主体", "编号", "德", "能", "勤", "绩", "廉", "等次"],
    ["S1", "上级领导", "C1", ...five(90), "优秀"],
    ["S1", "上级领导", "C2", ...five(80), "称职"],
    ["S1", "上级领导", "C3", ...five(70), "称职"],
  ]);
  const result = scoreWithIdentity(DEFAULT_POLICY, await policyIdentity(DEFAULT_POLICY), await readAssessment());
  await writeResults(result, DEFAULT_POLICY, { lang: "zh-CN", offline: false });
});

/*
 * Layout by hand: the detail table has 36 columns (A..AJ: 7 fixed, 5 dimensions, 4 groups x mean and ballots,
 * 5 vote counts, n, 3 shares, grade, verdict, provisional, review, reasons in two languages, exact composite); the
 * radar block starts one column after it, in AL, so its id cell is AM1. Header on row 1; ranked by composite:
 * C1 (90) on row 2, C2 (80) on row 3, C3 (70) on row 4.
 */
const radarId = () => s.inspect.cell("考核明细", "AM1")?.value;

describe("the radar chart follows the selected row", () => {
  it("starts on the first cadre and moves to the row the user selects", async () => {
    expect(s.inspect.cell("考核明细", "AL1")?.value).toBe("雷达图：输入编号 Radar: cadre ID");
    expect(radarId()).toBe("C1");
    await s.inspect.userSelect("考核明细", "D3");
    expect(radarId()).toBe("C2");
    // A block of cells: its first row counts.
    await s.inspect.userSelect("考核明细", "B4:E5");
    expect(radarId()).toBe("C3");
  });

  it("ignores the title, the header and the radar block itself, so an id can still be typed there", async () => {
    await s.inspect.userSelect("考核明细", "D3");
    for (const address of ["A1", "D1", "AM1", "AM5"]) await s.inspect.userSelect("考核明细", address);
    expect(radarId()).toBe("C2");
    await s.Excel.run(async (context) => {
      (
        context as { workbook: { worksheets: { getItem(n: string): { getRange(a: string): { values: unknown } } } } }
      ).workbook.worksheets
        .getItem("考核明细")
        .getRange("AM1").values = [["C3"]];
    });
    expect(radarId()).toBe("C3");
    // The dimension cells still look up whatever id is typed.
    expect(String(s.inspect.cell("考核明细", "AM2")?.formula)).toContain("MATCH($AM$1,");
  });

  it("a workbook opened with a results sheet already in it follows too, once the pane registers", async () => {
    // A new session: Excel keeps no handler from before.
    s.state.selectionHandlers = [];
    await watchResultsSelection();
    await s.inspect.userSelect("考核明细", "C4");
    expect(radarId()).toBe("C3");
  });
});
