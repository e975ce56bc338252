/**
 * The committee's decision survives re-scoring: 组织认定等次 and 备注 on 考核结果 are kept by cadre id, also when the
 * cadres' order changes, and kept (listed below the table) when a cadre leaves the result. No sheet is deleted.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { readAssessment, writeResults } from "../../addin/excel/index.ts";
import { DEFAULT_POLICY, policyIdentity, scoreWithIdentity, type AssessmentResult } from "../../shared/index.ts";
import type { Standin } from "../standin/index.ts";
import { freshStandin, typeInto } from "./helpers.ts";

let s: Standin;
const five = (x: number) => [x, x, x, x, x];
const SHEET = "考核结果";
/** Columns K and L: 组织认定等次 and 备注 (0-based 10 and 11); the cadre id is column B. */
const CONFIRMED = 10;
const NOTE = 11;

async function scoreWith(scores: Record<string, number>, cadreOrder: string[]): Promise<AssessmentResult> {
  const names: Record<string, string> = { C1: "张三", C2: "李四", C3: "王五" };
  await typeInto(s, "干部名单", [
    ["编号", "姓名", "单位", "岗位类别"],
    ...cadreOrder.map((id) => [id, names[id]!, "一处", "一般干部"]),
  ]);
  await typeInto(s, "测评票", [
    ["票号", "测评主体", "编号", "德", "能", "勤", "绩", "廉", "等次"],
    ...cadreOrder.map((id) => ["S1", "上级领导", id, ...five(scores[id]!), "称职"]),
  ]);
  return scoreWithIdentity(DEFAULT_POLICY, await policyIdentity(DEFAULT_POLICY), await readAssessment());
}

/** What a committee member types into a cell of 考核结果. */
async function typeCell(row: number, col: number, value: string): Promise<void> {
  await s.Excel.run(async (context) => {
    const ctx = context as {
      workbook: { worksheets: { getItem(n: string): { getCell(r: number, c: number): { values: unknown } } } };
    };
    ctx.workbook.worksheets.getItem(SHEET).getCell(row, col).values = [[value]];
  });
}

const rowOf = (id: string) => s.inspect.values(SHEET).findIndex((r, i) => i > 3 && r[1] === id);
const entryOf = (id: string) => {
  const row = s.inspect.values(SHEET)[rowOf(id)]!;
  return [row[CONFIRMED], row[NOTE]];
};

beforeEach(async () => {
  s = freshStandin();
  await writeResults(await scoreWith({ C1: 90, C2: 80, C3: 70 }, ["C1", "C2", "C3"]), DEFAULT_POLICY, {
    lang: "zh-CN",
    offline: false,
  });
  // Ranked C1, C2, C3 on sheet rows 5, 6, 7.
  expect([rowOf("C1"), rowOf("C2"), rowOf("C3")]).toEqual([4, 5, 6]);
  await typeCell(rowOf("C1"), CONFIRMED, "优秀");
  await typeCell(rowOf("C3"), CONFIRMED, "基本称职");
  await typeCell(rowOf("C3"), NOTE, "经复核维持");
});

describe("re-scoring keeps the committee's entries", () => {
  it("keeps them on the same cadres when scores and the cadres' order change", async () => {
    const sheetId = s.inspect.sheet(SHEET).id;
    // C3 now scores highest and the roster is typed in another order: C3 moves to the top row.
    await writeResults(await scoreWith({ C1: 85, C2: 80, C3: 95 }, ["C3", "C2", "C1"]), DEFAULT_POLICY, {
      lang: "zh-CN",
      offline: false,
    });
    expect([rowOf("C3"), rowOf("C1"), rowOf("C2")]).toEqual([4, 5, 6]);
    expect(entryOf("C3")).toEqual(["基本称职", "经复核维持"]);
    expect(entryOf("C1")).toEqual(["优秀", ""]);
    expect(entryOf("C2")).toEqual(["", ""]);
    // Written over, not deleted and re-added.
    expect(s.inspect.sheet(SHEET).id).toBe(sheetId);
  });

  it("keeps an entry whose cadre left the result below the table, and puts it back when the cadre returns", async () => {
    const full = await scoreWith({ C1: 90, C2: 80, C3: 70 }, ["C1", "C2", "C3"]);
    const withoutC3: AssessmentResult = { ...full, cadres: full.cadres.filter((c) => c.cadreId !== "C3") };
    await writeResults(withoutC3, DEFAULT_POLICY, { lang: "zh-CN", offline: false });
    const values = s.inspect.values(SHEET);
    const notice = values.findIndex((r) => String(r[0]).startsWith("以下干部不在本次结果中"));
    expect(notice).toBeGreaterThan(rowOf("C2"));
    expect(rowOf("C3")).toBeGreaterThan(notice);
    expect(values[rowOf("C3")]![2]).toBe("王五");
    expect(entryOf("C3")).toEqual(["基本称职", "经复核维持"]);
    expect(entryOf("C1")).toEqual(["优秀", ""]);

    await writeResults(full, DEFAULT_POLICY, { lang: "zh-CN", offline: false });
    expect(rowOf("C3")).toBe(6);
    expect(entryOf("C3")).toEqual(["基本称职", "经复核维持"]);
    expect(s.inspect.values(SHEET).some((r) => String(r[0]).startsWith("以下干部不在本次结果中"))).toBe(false);
  });

  it("keeps every sheet of the workbook: nothing is deleted, the assessor's own sheets untouched", async () => {
    const before = s.inspect.sheetNames();
    await writeResults(await scoreWith({ C1: 90, C2: 80, C3: 70 }, ["C1", "C2", "C3"]), DEFAULT_POLICY, {
      lang: "zh-CN",
      offline: false,
    });
    expect(s.inspect.sheetNames()).toEqual(before);
    expect(before).toEqual(expect.arrayContaining(["干部名单", "测评票", "考核结果", "考核明细", "考核方案"]));
  });
});
