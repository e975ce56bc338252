/** Marking invalid cells, jumping to them, and the 民主推荐 sheets. */
import { beforeEach, describe, expect, it } from "vitest";
import {
  markIssues,
  readAssessment,
  readRecommendationBallots,
  selectCell,
  writeRecommendationResult,
  writeRecommendationTemplate,
  SheetExistsError,
} from "../../addin/excel/index.ts";
import { DEFAULT_POLICY, policyIdentity, scoreWithIdentity, tallyRecommendation } from "../../shared/index.ts";
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
  it("writes a template with one column per vacancy and a candidate drop-down, and refuses to overwrite it", async () => {
    await writeRecommendationTemplate(["甲", "乙", "丙"], 2, "zh-CN");
    const values = s.inspect.values("民主推荐");
    expect(values[0]!.slice(0, 2)).toEqual(["职数 vacancies", 2]);
    expect(values[2]).toEqual(["票号 ballotId", "推荐1 choice 1", "推荐2 choice 2", "", "候选人 candidates"]);
    expect(values.slice(3).map((r) => r[4])).toEqual(["甲", "乙", "丙"]);
    const rule = s.inspect.sheet("民主推荐").validations.find((v) => v.address === "B4:C1048576");
    expect(rule?.rule).toEqual({ list: { inCellDropDown: true, source: "=$E$4:$E$6" } });
    await expect(writeRecommendationTemplate(["甲"], 1, "zh-CN")).rejects.toBeInstanceOf(SheetExistsError);
  });

  it("reads ballots back with their rows, keeps blank ballots, and writes the tally", async () => {
    await writeRecommendationTemplate(["甲", "乙", "丙"], 2, "zh-CN");
    await typeInto(
      s,
      "民主推荐",
      [
        ["1", "甲", "乙"],
        ["2", "甲", ""],
        ["3", "", ""],
        ["4", "甲", "甲"],
      ],
      4,
    );
    const read = await readRecommendationBallots();
    expect(read).toEqual({
      candidates: ["甲", "乙", "丙"],
      vacancies: 2,
      ballots: [
        { ballotId: "1", names: ["甲", "乙"], row: 4 },
        { ballotId: "2", names: ["甲"], row: 5 },
        { ballotId: "3", names: [], row: 6 },
        { ballotId: "4", names: ["甲", "甲"], row: 7 },
      ],
    });
    // 9 of 10 attend: 9 x 5 = 45 >= 40, valid. Valid ballots 2 (rows 6 blank, 7 repeats a name).
    // 甲 2/2 qualifies (2 x 2 > 2), 乙 1/2 does not (1 x 2 = 2, not more).
    const tally = tallyRecommendation(DEFAULT_POLICY, {
      expected: 10,
      attendees: 9,
      vacancies: read.vacancies,
      candidates: read.candidates,
      ballots: read.ballots,
    });
    await writeRecommendationResult(tally, "zh-CN");
    const out = s.inspect.values("推荐结果");
    expect(out[2]!.slice(0, 6)).toEqual(["推荐票 ballots", 4, "有效 valid", 2, "无效 invalid", 2]);
    expect(out[7]!).toEqual(["甲", 2, "2/2", "100.00%", "是", "是", ""]);
    expect(out[8]!).toEqual(["乙", 1, "1/2", "50.00%", "否", "否", ""]);
    expect(out.flat()).toContain(6);
    expect(out.flat()).toContain(7);
  });
});
