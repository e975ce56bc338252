import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, ISSUE_CODES } from "../index.ts";
import { cadre, resultOf, run, uniformBallot } from "../../test/fixtures/engine/builders.ts";

// Spec 3: every excluded row is reported with its sheet row (header = row 1, first data row = 2),
// the field and a bilingual reason; nothing is dropped silently.
describe("ballot validation", () => {
  const good = (g: string) => uniformBallot("A", g, 80);
  const rows = [
    good("superior"), // row 2
    { ...good("peer"), cadreId: "C999" }, // row 3: unknown_cadre
    { ...good("peer"), raterGroup: "领导" }, // row 4: unknown_group
    { ...good("peer"), integrity: "" }, // row 5: missing_score
    { ...good("peer"), ability: "abc" }, // row 6: invalid_score
    { ...good("peer"), ability: 85.123 }, // row 7: invalid_score (three decimals)
    { ...good("peer"), diligence: 101 }, // row 8: out_of_range
    { ...good("peer"), gradeVote: "很好" }, // row 9: invalid_vote
    { ...good("subordinate"), ballotId: "dup" }, // row 10: duplicate of row 11
    { ...good("subordinate"), ballotId: "dup" }, // row 11
  ];
  const result = run(DEFAULT_POLICY, [cadre("A")], rows);
  const at = (row: number) => result.issues.filter((i) => i.row === row);

  it.each([
    [3, "cadreId", "unknown_cadre"],
    [4, "raterGroup", "unknown_group"],
    [5, "integrity", "missing_score"],
    [6, "ability", "invalid_score"],
    [7, "ability", "invalid_score"],
    [8, "diligence", "out_of_range"],
    [9, "gradeVote", "invalid_vote"],
    [10, "ballotId", "duplicate"],
    [11, "ballotId", "duplicate"],
  ])("row %i: %s is %s, with a bilingual message naming the row", (row, field, code) => {
    const issues = at(row);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ sheet: "Ballots", row, field, code });
    expect(issues[0]!.message["zh-CN"]).toContain(`第 ${row} 行`);
    expect(issues[0]!.message.en).toContain(`row ${row}`);
  });

  it("covers every ballot issue code of the spec", () => {
    const codes = new Set(result.issues.map((i) => i.code));
    for (const code of [
      "unknown_cadre",
      "unknown_group",
      "missing_score",
      "invalid_score",
      "out_of_range",
      "invalid_vote",
      "duplicate",
    ] as const) {
      expect(ISSUE_CODES).toContain(code);
      expect(codes).toContain(code);
    }
  });

  it("a duplicate names the other row, excludes both copies and makes the cadre provisional", () => {
    expect(at(10)[0]!.message["zh-CN"]).toContain("第 11 行");
    expect(at(11)[0]!.message.en).toContain("row 10");
    const a = resultOf(result, "A");
    expect(a.provisional).toBe(true);
    // Only row 2 is valid: n = 1 and the only group present is superior.
    expect(a.votes.n).toBe(1);
    expect(Object.keys(a.groups)).toEqual(["superior"]);
  });

  it("out-of-range messages name the scale", () => {
    expect(at(8)[0]!.message.en).toContain("0–100");
  });

  it("sheet rows given with the data are reported as given", () => {
    const r = run(DEFAULT_POLICY, [cadre("A")], [{ ...good("peer"), morality: 120, row: 17 }]);
    expect(r.issues).toMatchObject([{ row: 17, field: "morality", code: "out_of_range" }]);
  });

  it("a cadre without duplicates is not provisional", () => {
    const r = run(DEFAULT_POLICY, [cadre("A")], [good("peer")]);
    expect(resultOf(r, "A").provisional).toBe(false);
    expect(r.issues).toEqual([]);
  });
});
