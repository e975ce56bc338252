import { describe, expect, it } from "vitest";
import {
  DEFAULT_POLICY,
  decisionFromGrid,
  GridError,
  meetingFromGrid,
  meetingTemplate,
  PolicySchema,
  recommendationSettings,
  rat,
  RecommendationInputSchema,
  roundSheetNames,
} from "../index.ts";

describe("the policy's recommendation block (spec section 7)", () => {
  const { recommendation: _old, ...rest } = DEFAULT_POLICY;
  it("accepts the spec's block as written, and existing policies without the new fields", () => {
    const p = PolicySchema.parse({ ...rest, recommendation: { concentrationMin: null, nearTie: "1/20", extra: 1 } });
    expect(recommendationSettings(p)).toEqual({ floor: null, nearTie: rat(1, 20), extra: 1, writeIns: true });
    expect(recommendationSettings(PolicySchema.parse(DEFAULT_POLICY)).nearTie).toEqual(rat(1, 20));
    const off = PolicySchema.parse({ ...rest, recommendation: { extra: 2, nearTie: null, concentrationMin: "1/3" } });
    expect(recommendationSettings(off)).toMatchObject({ floor: rat(1, 3), nearTie: null, extra: 2 });
  });
  it("refuses voter-type weights that do not sum to 1, extra outside 1..3 and a floor above 1, with their paths", () => {
    const bad = PolicySchema.safeParse({
      ...rest,
      recommendation: {
        extra: 4,
        concentrationMin: "3/2",
        voterTypes: { leader: { label: "领导班子成员", weight: 0.5 }, masses: { label: "群众代表", weight: 0.4 } },
      },
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["recommendation.extra", "recommendation.voterTypes", "recommendation.concentrationMin"]),
    );
  });
});

describe("reading the sheets (one layout for the add-in and the CLI)", () => {
  const sheet = meetingTemplate({
    expected: 10,
    attendees: 9,
    posts: [{ label: "办公室主任", vacancies: 1, candidates: ["甲", "乙"], holds: [{ name: "乙", reason: "核查中" }] }],
    voterTypes: ["中层干部"],
    ballots: [
      ["1", "中层干部", "甲"],
      ["2", "中层干部", ""],
    ],
  });
  it("reads counts, posts, holds, voter types and ballots with the sheet's own row numbers", () => {
    expect(meetingFromGrid(sheet)).toEqual({
      expected: 10,
      attendees: 9,
      voterTypes: [{ key: "中层干部", label: "中层干部" }],
      posts: [
        {
          key: "P1",
          label: "办公室主任",
          vacancies: 1,
          candidates: ["甲", "乙"],
          holds: [{ name: "乙", reason: "核查中" }],
        },
      ],
      ballots: [
        { ballotId: "1", row: 12, voterType: "中层干部", choices: { P1: ["甲"] } },
        { ballotId: "2", row: 13, voterType: "中层干部", choices: { P1: [] } },
      ],
    });
  });
  it("a count that is not a whole number, or a post without a ballot column, is named", () => {
    const badCount = sheet.map((r) => (r[0] === "实到 attendees" ? [r[0], "九"] : r));
    expect(() => meetingFromGrid(badCount)).toThrow(GridError);
    expect(() => meetingFromGrid(badCount)).toThrow("「民主推荐」的「实到」须填写不小于 0 的整数，现为「九」");
    const noColumn = sheet.map((r) => (r[0] === "票号 ballotId" ? [r[0], r[1], "财务科"] : r));
    expect(() => meetingFromGrid(noColumn)).toThrow("没有岗位「办公室主任」的列");
  });
  it("a decision row with a yes count that is not a number names its row", () => {
    const grid = [["应到", 9], ["实到", 8], [], ["人选", "同意", "不同意", "弃权"], ["甲", "六", 1, 1]];
    expect(() => decisionFromGrid(grid)).toThrow("「票决」第 5 行：「同意」须为非负整数，现为「六」");
  });
  it("round sheets are taken in their number's order, not the workbook's", () => {
    expect(roundSheetNames(["票决", "第10轮", "第2轮", "公推公选", "第1轮"])).toEqual(["第1轮", "第2轮", "第10轮"]);
  });
});

describe("bounds an adversary cannot push past", () => {
  it("ballots times posts above 200,000 is refused at the ballots, before any tally", () => {
    const posts = Array.from({ length: 200 }, (_, i) => ({
      key: `P${i}`,
      label: `岗位${i}`,
      vacancies: 1,
      candidates: [],
    }));
    const at = (n: number) =>
      RecommendationInputSchema.safeParse({
        expected: 1,
        attendees: 1,
        posts,
        ballots: Array(n).fill({ choices: {} }),
      });
    expect(at(1000).success).toBe(true); // 200 x 1000 = 200,000
    const over = at(1001);
    expect(over.success).toBe(false);
    expect(over.error!.issues.map((i) => i.path)).toEqual([["ballots"]]);
  });
});
