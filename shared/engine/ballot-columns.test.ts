import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../policy/defaults.ts";
import { ballotColumnsFromRows, ballotRowAt } from "./ballot-columns.ts";
import { compilePolicy } from "./compile.ts";
import { validateInput } from "./validate.ts";

const CADRES = [{ cadreId: "C1", name: "张三", unit: "甲", post: Object.keys(DEFAULT_POLICY.posts)[0]! }];
const row = (integrity: unknown, k: number) => ({
  ballotId: `B${k}`,
  raterGroup: "peer",
  cadreId: "C1",
  morality: 80,
  ability: 80,
  diligence: 80,
  achievement: 80,
  integrity: integrity as number,
  gradeVote: "称职",
  row: k + 2,
});

describe("ballot columns", () => {
  it("give every row back as it was typed, numbers and text alike", () => {
    const typed = [85, 0.29, "好", null, "８５", 100.5, 12.345, -1, 1e10];
    const columns = ballotColumnsFromRows(typed.map(row));
    expect(typed.map((_, i) => ballotRowAt(columns, i).integrity)).toEqual(typed);
    expect(ballotRowAt(columns, 0)).toEqual(row(85, 0));
  });

  it("report a refused score with the value the user typed, whichever way it is stored", () => {
    // The default scale is 0..100 points: 100.5, -1 and 1e10 are out of range, 12.345 has three decimals.
    const typed = [85, 0.29, 100.5, 12.345, -1, 1e10];
    const { issues, ballots } = validateInput(compilePolicy(DEFAULT_POLICY), CADRES, typed.map(row));
    expect(issues.map((i) => [i.row, i.field, i.code, i.value])).toEqual([
      [4, "integrity", "out_of_range", 100.5],
      [5, "integrity", "invalid_score", 12.345],
      [6, "integrity", "out_of_range", -1],
      [7, "integrity", "out_of_range", 1e10],
    ]);
    // 85 and 0.29 are scored, in hundredths.
    expect(ballots.count).toBe(2);
    expect([ballots.scores[4], ballots.scores[9]]).toEqual([8500, 29]);
  });
});
