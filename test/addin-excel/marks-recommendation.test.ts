/** Marking invalid cells, jumping to them, and the 民主推荐 sheets. */
import { beforeEach, describe, expect, it } from "vitest";
import {
  markIssues,
  readAssessment,
  readRecommendationGrids,
  selectCell,
  writeAnnouncements,
  writeRecommendationSheet,
  SheetExistsError,
} from "../../addin/excel/index.ts";
import {
  DEFAULT_POLICY,
  meetingFromGrid,
  meetingTemplate,
  policyIdentity,
  recommendationAnnouncements,
  scoreWithIdentity,
  tallyRecommendation,
} from "../../shared/index.ts";
import type { Standin } from "../standin/index.ts";
import { freshStandin, typeInto } from "./helpers.ts";

let s: Standin;
beforeEach(() => {
  s = freshStandin();
});

describe("markIssues and selectCell", () => {
  beforeEach(async () => {
    await typeInto(s, "干部名单", [
      ["编号 cadreId", "姓名 name", "单位 unit", "岗位类别 post"],
      ["C1", "张三", "组织部", "党政正职"],
    ]);
    await typeInto(s, "测评票", [
      [
        "票号 ballotId",
        "测评主体 raterGroup",
        "编号 cadreId",
        "德 morality",
        "能 ability",
        "勤 diligence",
        "绩 achievement",
        "廉 integrity",
        "等次 gradeVote",
      ],
      ["B1", "上级领导", "C1", 90, 90, 90, 90, 101, "优秀"],
      ["B2", "上级领导", "C9", 90, 90, 90, 90, 90, ""],
    ]);
  });

  it("shades each invalid cell light red, clears the marks of an earlier run, in a bounded number of syncs", async () => {
    const input = await readAssessment();
    const result = scoreWithIdentity(DEFAULT_POLICY, await policyIdentity(DEFAULT_POLICY), input);
    // 101 is out of range (H2); C9 is not a listed cadre (C3).
    expect(result.issues.map((i) => [i.row, i.field, i.code])).toEqual([
      [2, "integrity", "out_of_range"],
      [3, "cadreId", "unknown_cadre"],
    ]);
    s.inspect.resetStats();
    await markIssues(result.issues);
    expect(s.inspect.cell("测评票", "H2")?.fill).toBe("#FFC7CE");
    expect(s.inspect.cell("测评票", "C3")?.fill).toBe("#FFC7CE");
    expect(s.inspect.cell("测评票", "C2")?.fill).toBeUndefined();
    expect(s.inspect.stats().syncs).toBeLessThanOrEqual(3);

    await markIssues([result.issues[1]!]);
    expect(s.inspect.cell("测评票", "H2")?.fill).toBeUndefined();
    expect(s.inspect.cell("测评票", "C3")?.fill).toBe("#FFC7CE");
    await markIssues([]);
    expect(s.inspect.cell("测评票", "C3")?.fill).toBeUndefined();
  });

  it("activates the sheet and selects the issue's cell", async () => {
    await selectCell("测评票", 3, "integrity");
    expect(s.inspect.selection()).toEqual({ sheet: "测评票", address: "H3" });
    expect(s.inspect.activeSheet()).toBe("测评票");
  });
});

describe("民主推荐", () => {
  const posts = [
    { label: "办公室主任", vacancies: 1, candidates: ["甲", "乙", "丙"], holds: [{ name: "丙", reason: "核查中" }] },
    { label: "财务科科长", vacancies: 2, candidates: ["丁", "戊", "己"] },
  ];

  it("writes the ballot sheet for several posts and voter types, and refuses to overwrite it", async () => {
    await writeRecommendationSheet("民主推荐", meetingTemplate({ title: "推荐会", posts, voterTypes: ["中层干部"] }));
    const values = s.inspect.values("民主推荐");
    expect(values[1]!.slice(0, 2)).toEqual(["会议名称 title", "推荐会"]);
    expect(values[7]!.slice(0, 4)).toEqual(["岗位 post", "职数 vacancies", "候选人 candidates", "暂缓 holds"]);
    expect(values[8]!.slice(0, 4)).toEqual(["办公室主任", 1, "甲、乙、丙", "丙：核查中"]);
    expect(values[11]!.slice(0, 4)).toEqual(["票号 ballotId", "推荐主体 voterType", "办公室主任", "财务科科长"]);
    await expect(writeRecommendationSheet("民主推荐", [["x"]])).rejects.toBeInstanceOf(SheetExistsError);
  });

  it("reads the ballots back with the sheet's own rows, tallies them, and writes a 现场公布 sheet per post", async () => {
    await writeRecommendationSheet("民主推荐", meetingTemplate({ posts, voterTypes: ["中层干部"] }));
    await typeInto(
      s,
      "民主推荐",
      [
        ["应到 expected", 5],
        ["实到 attendees", 4],
      ],
      4,
    );
    await typeInto(
      s,
      "民主推荐",
      [
        ["1", "中层干部", "甲", "丁、戊"],
        ["2", "中层干部", "丙", "丁"],
        ["3", "中层干部", "乙", "丁、戊、己"],
        ["4", "中层干部", "甲", ""],
      ],
      13,
    );
    const grids = await readRecommendationGrids();
    expect(grids.map((g) => g.name)).toEqual(["民主推荐"]);
    const input = meetingFromGrid(grids[0]!.grid);
    expect(input.ballots.map((b) => b.row)).toEqual([13, 14, 15, 16]);
    // 4 of 5 present (20 >= 20): valid. 办公室主任: 甲 2, 丙 1 (held), 乙 1: places 2 -> 甲, 乙.
    // 财务科科长: row 15 names three (invalid), row 16 none (invalid); 丁 2, 戊 1 of 2 valid.
    const r = tallyRecommendation(DEFAULT_POLICY, input);
    expect(r.posts[0]!.shortlist).toEqual(["甲", "乙"]);
    expect(r.invalid.map((i) => [i.row, i.code])).toEqual([
      [15, "too_many"],
      [16, "empty"],
    ]);
    await writeAnnouncements(recommendationAnnouncements(r));
    const out = s.inspect.values("现场公布-办公室主任");
    expect(out[0]![0]).toBe("民主推荐结果（办公室主任）");
    const table = out.findIndex((row) => row[0] === "名次 Rank");
    expect(out[table + 1]!.slice(0, 4)).toEqual([1, "甲", 2, "50.00%"]);
    expect(out.flat()).toContain("暂缓(核查中)：核查中");
    expect(out.flat().some((c) => String(c).startsWith("监票人"))).toBe(true);
    expect(s.inspect.values("现场公布-财务科科长")[0]![0]).toBe("民主推荐结果（财务科科长）");
  });
});
