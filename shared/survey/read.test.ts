import { describe, expect, it } from "vitest";
import { DEFAULT_SURVEY_POLICY } from "../schemas/survey-policy.ts";
import { TableError } from "../table/errors.ts";
import { readSurveyTables } from "./read.ts";
import { scoreSurvey } from "./score.ts";

const ID = { id: "survey-default", version: 1, sha256: "0".repeat(64) };

describe("survey workbook tables", () => {
  it("finds bilingual headers under a title row and keeps each row's sheet number", () => {
    const items = {
      sheet: "评议项目",
      rows: [
        { row: 1, cells: ["2026 年度选人用人工作民主评议"] },
        { row: 2, cells: ["编号 itemId", "单位 Unit", "评议项目 Item", "类别 Kind", "备注"] },
        { row: 3, cells: ["W1", "甲县", "选人用人工作总体评价", "选人用人工作", "x"] },
        { row: 4, cells: [] },
        { row: 5, cells: ["C1", "甲县", "李四", "新提拔干部"] },
      ],
    };
    const answers = {
      sheet: "Answers",
      rows: [
        { row: 1, cells: ["respondentId", "layer", "itemId", "answer"] },
        { row: 2, cells: [1, "全委會委員", "W1", "滿意"] },
        { row: 3, cells: [2, "全委会委员", "W1", "很满意"] },
        { row: 4, cells: [3, "全委会委员", "W1", "差不多"] },
      ],
    };
    const t = readSurveyTables(items, answers);
    expect(t.items.map((i) => [i.row, i.itemId, i.kind])).toEqual([
      [3, "W1", "选人用人工作"],
      [5, "C1", "新提拔干部"],
    ]);
    expect(t.answers[0]).toEqual({ respondentId: "1", layer: "全委會委員", itemId: "W1", answer: "滿意", row: 2 });
    expect(t.ignoredColumns).toEqual([{ sheet: "评议项目", header: "备注" }]);
    const r = scoreSurvey(t, DEFAULT_SURVEY_POLICY, ID, { sheets: { items: "评议项目", answers: "Answers" } });
    expect(r.issues.map((i) => [i.sheet, i.row, i.code])).toEqual([["Answers", 4, "invalid_answer"]]);
  });

  it("refuses a sheet without the answer column, naming it", () => {
    const items = { sheet: "评议项目", rows: [{ row: 1, cells: ["编号", "单位", "评议项目", "类别"] }] };
    const answers = { sheet: "评议票", rows: [{ row: 1, cells: ["票号", "身份", "项目编号"] }] };
    expect(() => readSurveyTables(items, answers)).toThrow(TableError);
    expect(() => readSurveyTables(items, answers)).toThrow(/评价/);
  });
});
