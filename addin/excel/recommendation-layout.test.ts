import { describe, expect, it } from "vitest";
import { printPlan } from "./recommendation-layout.ts";
import type { Announcement } from "../../shared/index.ts";

describe("the 现场公布 print plan", () => {
  const a: Announcement = {
    sheet: "现场公布-主任",
    title: "民主推荐结果（主任）",
    lines: ["岗位：主任", "应到 10 人"],
    header: ["名次 Rank", "姓名 Name", "得票 Votes", "得票率 Share", "结果 Outcome"],
    rows: [
      [1, "甲", 6, "60.00%", "考察对象"],
      [2, "乙", 4, "40.00%", "票数相差不大-建议一并考察"],
    ],
    flagged: [1],
    notes: ["考察对象：甲"],
    signatures: "监票人（签字）：____",
  };
  it("is one A4 page: title and lines merged across the table, the flagged row filled, the print area exact", () => {
    const plan = printPlan(a);
    expect(plan).toMatchObject({ paper: "A4", fitToOnePage: true, orientation: "Portrait", width: 5, tableAt: 4 });
    // rows: title, 2 lines, blank, header, 2 rows, blank, note, blank, signatures = 11
    expect(plan.printArea).toBe("A1:E11");
    expect(plan.mergedRows).toEqual([0, 1, 2, 8, 10]);
    expect(plan.flaggedRows).toEqual([6]);
    expect(plan.rows.every((r) => r.length === 5)).toBe(true);
  });
  it("turns to landscape when the voter-type columns make the table wide", () => {
    expect(printPlan({ ...a, header: [...a.header, "a", "b"], rows: [] }).orientation).toBe("Landscape");
  });
});
