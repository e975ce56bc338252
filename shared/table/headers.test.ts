import { describe, expect, it } from "vitest";
import { TableError } from "./errors.ts";
import { findSheetName, locateHeader, type FieldSpec } from "./headers.ts";
import { readAssessmentTables, BALLOT_TABLE_FIELDS } from "./assessment.ts";
import type { RawTable } from "./raw.ts";
import { ballotRowsOf } from "../engine/ballot-columns.ts";

const table = (sheet: string, rows: unknown[][], first = 1): RawTable => ({
  sheet,
  rows: rows.map((cells, i) => ({ row: first + i, cells: cells as never })),
});
const BALLOT_HEAD = ["票号", "测评主体", "编号", "德", "能", "勤", "绩", "廉"];
const CADRES = table("干部名单", [
  ["编号", "姓名", "单位", "岗位类别"],
  ["C1", "甲", "办", "党政正职"],
]);

function refusal(f: () => unknown): TableError {
  try {
    f();
  } catch (e) {
    if (e instanceof TableError) return e;
    throw e;
  }
  throw new Error("not refused");
}

describe("header detection", () => {
  it("finds the header under two title rows and keeps the sheet's row numbers", () => {
    const t = table("测评票", [
      ["2024 年度考核测评票"],
      [],
      [...BALLOT_HEAD, "等次"],
      ["B1", "同级", "C1", 90, 90, 90, 90, 90, "称职"],
    ]);
    const read = readAssessmentTables(CADRES, t);
    expect(read.headerRows.ballots.row).toBe(3);
    expect(ballotRowsOf(read.ballots)).toEqual([
      {
        row: 4,
        ballotId: "B1",
        raterGroup: "同级",
        cadreId: "C1",
        morality: 90,
        ability: 90,
        diligence: 90,
        achievement: 90,
        integrity: 90,
        gradeVote: "称职",
      },
    ]);
  });

  it.each(["等次", "测评等次", "评定等次", "等级", "总体评价", "測評等次", "等次 Grade vote", "gradeVote"])(
    "reads %s as the grade-vote column",
    (header) => {
      const t = table("测评票", [
        [...BALLOT_HEAD, header],
        ["B1", "同级", "C1", 90, 90, 90, 90, 90, "优秀"],
      ]);
      const read = readAssessmentTables(CADRES, t);
      expect(read.voteColumn).toBe(true);
      expect(ballotRowsOf(read.ballots)[0]!.gradeVote).toBe("优秀");
    },
  );

  it("says the form has no vote column and leaves gradeVote out when no header names it", () => {
    const t = table("测评票", [
      [...BALLOT_HEAD, "备注"],
      ["B1", "同级", "C1", 90, 90, 90, 90, 90, "x"],
    ]);
    const read = readAssessmentTables(CADRES, t);
    expect(read.voteColumn).toBe(false);
    expect("gradeVote" in ballotRowsOf(read.ballots)[0]!).toBe(false);
    expect(read.ballotHeaders).toEqual([...BALLOT_HEAD, "备注"]);
    expect(read.ignoredColumns).toEqual([{ sheet: "测评票", header: "备注" }]);
  });

  it("a blank vote under a vote column is null (abstained), not absent", () => {
    const t = table("测评票", [
      [...BALLOT_HEAD, "等次"],
      ["B1", "同级", "C1", 90, 90, 90, 90, 90, ""],
    ]);
    expect(ballotRowsOf(readAssessmentTables(CADRES, t).ballots)[0]!.gradeVote).toBeNull();
  });

  it("reads bilingual and traditional headers: 「德 Morality」, 測評主體, 編號", () => {
    const t = table("Ballots", [
      ["票號 ballotId", "測評主體", "編號", "德 Morality", "能Ability", "勤 / diligence", "績", "廉 Integrity"],
      ["B1", "同級", "C1", 80, 80, 80, 80, 80],
    ]);
    const read = readAssessmentTables(CADRES, t);
    expect([...read.headerRows.ballots.columns.keys()].sort()).toEqual(
      ["ability", "achievement", "ballotId", "cadreId", "diligence", "integrity", "morality", "raterGroup"].sort(),
    );
  });

  it("reads the cadre table's 违纪记录 and the meeting counts 实到 应到 发出 收回", () => {
    const t = table("干部名单 Cadres", [
      ["编号", "姓名", "单位", "岗位类别", "违纪记录", "实到", "应到", "发出", "收回"],
      ["C1", "甲", "办", "党政正职", "是", 32, "40", 40, 39],
      ["C2", "乙", "办", "党政正职", "否", "", "", "", ""],
    ]);
    const read = readAssessmentTables(t, table("测评票", [[...BALLOT_HEAD, "等次"]]));
    expect(read.cadres).toEqual([
      {
        row: 2,
        cadreId: "C1",
        name: "甲",
        unit: "办",
        post: "党政正职",
        disciplinary: true,
        attendees: 32,
        expected: 40,
        issued: 40,
        returned: 39,
      },
      { row: 3, cadreId: "C2", name: "乙", unit: "办", post: "党政正职", disciplinary: false },
    ]);
  });

  it("refuses a count that is not a whole number, naming the row and the column", () => {
    const t = table("干部名单", [
      ["编号", "姓名", "单位", "岗位类别", "实到"],
      ["C1", "甲", "办", "党政正职", "三十"],
    ]);
    const e = refusal(() => readAssessmentTables(t, table("测评票", [BALLOT_HEAD])));
    expect(e.code).toBe("invalid_cell");
    expect(e.details[0]!["zh-CN"]).toContain("第 2 行「实到」(attendees)：「三十」无效");
  });

  it("a duplicate header names both columns", () => {
    const t = table("测评票", [[...BALLOT_HEAD, "等次", "测评等次"]]);
    const e = refusal(() => readAssessmentTables(CADRES, t));
    expect(e.code).toBe("duplicate_header");
    expect(e.bilingual["zh-CN"]).toContain("I 列「等次」和 J 列「测评等次」");
    expect(e.bilingual.en).toContain("keep only one");
  });

  it("a merged header cell (empty next to a filled one) says 取消合并单元格", () => {
    const t = table("测评票", [
      ["票号", "测评主体", "编号", "德", "", "勤", "绩", "廉"],
      ["B1", "同级", "C1", 80, 80, 80, 80, 80],
    ]);
    const e = refusal(() => readAssessmentTables(CADRES, t));
    expect(e.code).toBe("merged_header");
    expect(e.bilingual["zh-CN"]).toContain("取消合并单元格");
    expect(e.bilingual["zh-CN"]).toContain("E 列");
    expect(e.bilingual.en).toContain("unmerge");
  });

  it("a two-row header says to put it on one row and 删除标题行", () => {
    const t = table("测评票", [
      ["票号", "测评主体", "编号", "得分", "", "", "", "", "等次"],
      ["", "", "", "德", "能", "勤", "绩", "廉", ""],
      ["B1", "同级", "C1", 80, 80, 80, 80, 80, "称职"],
    ]);
    const e = refusal(() => readAssessmentTables(CADRES, t));
    expect(e.code).toBe("two_row_header");
    expect(e.bilingual["zh-CN"]).toContain("第 1 和第 2 两行");
    expect(e.bilingual["zh-CN"]).toContain("删除标题行");
  });

  it("a missing column names the header row, what was found and the accepted names", () => {
    const t = table("测评票", [["标题"], ["票号", "测评主体", "编号", "德", "能", "勤", "绩"]]);
    const e = refusal(() => readAssessmentTables(CADRES, t));
    expect(e.code).toBe("missing_header");
    expect(e.bilingual["zh-CN"]).toBe(
      "「测评票」缺少必需的列：廉（integrity）。第 2 行的表头为：「票号」 「测评主体」 「编号」 「德」 「能」 「勤」 「绩」；请添加该列（表头可写中文、英文或两者，如「德 Morality」）",
    );
  });

  it("is generic: any field list, e.g. a survey's items", () => {
    const fields: FieldSpec[] = [
      { key: "itemId", aliases: ["项目编号"], required: true },
      { key: "text", aliases: ["评议项目", "项目"], required: true },
    ];
    const h = locateHeader(table("评议项目 Items", [["标题"], ["項目編號", "评议项目"]]), fields);
    expect(h.row).toBe(2);
    expect(Object.fromEntries(h.columns)).toEqual({ itemId: 0, text: 1 });
  });

  it("the ballot fields accept the five grade-vote names of spec section 2", () => {
    expect(BALLOT_TABLE_FIELDS.find((f) => f.key === "gradeVote")!.aliases).toEqual([
      "等次",
      "测评等次",
      "评定等次",
      "等级",
      "总体评价",
    ]);
  });
});

describe("sheet names", () => {
  const wanted = ["干部名单", "Cadres"];
  it.each(["干部名单", "Cadres", "cadres", " 干部名单 ", "干部名单 Cadres", "干部名单Cadres", "幹部名單", "干部 名单"])(
    "finds %s",
    (name) => expect(findSheetName(["说明", name, "测评票"], wanted)).toBe(name),
  );
  it("does not take a sheet that only contains the word inside another", () => {
    expect(findSheetName(["干部名单备份"], wanted)).toBeUndefined();
  });
});
