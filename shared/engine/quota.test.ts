import { describe, expect, it } from "vitest";
import { quotaPlaces, rat } from "../index.ts";
import { ballots, cadre, policyWith, reason, resultOf, run } from "../../test/fixtures/engine/builders.ts";

describe("quota places", () => {
  it.each([
    // 1/4 of 10 = 2.5: floor 2, half up 3, ceil 3
    [1, 4, 10, "floor", 2],
    [1, 4, 10, "half_up", 3],
    [1, 4, 10, "ceil", 3],
    // 1/4 of 9 = 2.25: floor 2, half up 2, ceil 3
    [1, 4, 9, "half_up", 2],
    [1, 4, 9, "ceil", 3],
    // 1/4 of 8 = 2 exactly: every rounding gives 2
    [1, 4, 8, "ceil", 2],
    // 1/5 of 7 = 1.4
    [1, 5, 7, "floor", 1],
    [1, 5, 7, "half_up", 1],
    [1, 5, 7, "ceil", 2],
    // 1/5 of 3 = 0.6: floor 0
    [1, 5, 3, "floor", 0],
    [1, 5, 3, "half_up", 1],
  ] as const)("%i/%i of %i with %s is %i", (n, d, count, rounding, places) => {
    expect(quotaPlaces(rat(n, d), count, rounding)).toBe(places);
  });
});

const single = (overrides = {}) => policyWith({ raterGroups: { all: { label: "全体", weight: 1 } }, ...overrides });
/** Cadres with uniform ballots at the given score, all voted excellent (no vote rule caps the band). */
function assess(
  policy: ReturnType<typeof single>,
  people: [id: string, score: number, unit?: string, post?: string][],
) {
  return run(
    policy,
    people.map(([id, , unit, post]) => cadre(id, post ?? "principal", { unit: unit ?? "单位甲" })),
    people.flatMap(([id, s]) => ballots(id, "all", [s, s, s], "excellent")),
  );
}

describe("excellent quota in the engine", () => {
  it("a tie across the cut sends all tied cadres to the committee and promotes none past the quota", () => {
    // 8 cadres, quota 1/4 floor -> 2 places. Excellent band: 99, 97, 97, 95, 92.
    // The 2nd and 3rd tie at 97 across the cut: both quota_tie; 99 keeps excellent; 95 and 92 are demoted.
    const result = assess(single(), [
      ["A", 99],
      ["B", 97],
      ["C", 97],
      ["D", 95],
      ["E", 92],
      ["F", 85],
      ["G", 80],
      ["H", 70],
    ]);
    const grades = Object.fromEntries(result.cadres.map((c) => [c.cadreId, c.grade]));
    expect(grades).toEqual({
      A: "excellent",
      B: "quota_tie",
      C: "quota_tie",
      D: "competent",
      E: "competent",
      F: "competent",
      G: "competent",
      H: "basic",
    });
    expect(resultOf(result, "B").reviewRequired).toBe(true);
    expect(reason(resultOf(result, "B"), "quota")).toMatchObject({ fraction: "2/8", threshold: "1/4", fired: true });
    expect(reason(resultOf(result, "D"), "quota")!.fired).toBe(true);
    expect(reason(resultOf(result, "A"), "quota")!.fired).toBe(false);
    expect(result.cadres.map((c) => c.rank)).toEqual([1, 2, 2, 4, 5, 6, 7, 8]);
  });

  it("without a tie the top places keep excellent", () => {
    const result = assess(single(), [
      ["A", 99],
      ["B", 98],
      ["C", 97],
      ["D", 80],
    ]);
    // 4 cadres x 1/4 = 1 place.
    expect(result.cadres.map((c) => c.grade)).toEqual(["excellent", "competent", "competent", "competent"]);
  });

  it("half_up and ceil give more places", () => {
    // 6 cadres x 1/4 = 1.5: half up 2, ceil 2, floor 1.
    const people: [string, number][] = [
      ["A", 99],
      ["B", 98],
      ["C", 97],
      ["D", 80],
      ["E", 80],
      ["F", 80],
    ];
    const excellent = (rounding: "floor" | "half_up" | "ceil") =>
      assess(single({ excellentQuota: { share: "1/4", scope: "assessment", rounding } }), people)
        .cadres.filter((c) => c.grade === "excellent")
        .map((c) => c.cadreId);
    expect(excellent("floor")).toEqual(["A"]);
    expect(excellent("half_up")).toEqual(["A", "B"]);
    expect(excellent("ceil")).toEqual(["A", "B"]);
  });

  it("scope unit counts places per unit", () => {
    // Each unit has 4 cadres: 1 place each.
    const p = single({ excellentQuota: { share: "1/4", scope: "unit", rounding: "floor" } });
    const result = assess(p, [
      ["A", 99, "u1"],
      ["B", 97, "u1"],
      ["C", 95, "u1"],
      ["D", 80, "u1"],
      ["E", 98, "u2"],
      ["F", 96, "u2"],
      ["G", 94, "u2"],
      ["H", 70, "u2"],
    ]);
    const excellent = result.cadres.filter((c) => c.grade === "excellent").map((c) => c.cadreId);
    expect(excellent).toEqual(["A", "E"]);
  });

  it("scope post counts places per post category", () => {
    const p = single({ excellentQuota: { share: "1/2", scope: "post", rounding: "floor" } });
    // principal: 2 cadres -> 1 place; deputy: 2 cadres -> 1 place.
    const result = assess(p, [
      ["A", 99, "u", "principal"],
      ["B", 98, "u", "principal"],
      ["C", 95, "u", "deputy"],
      ["D", 91, "u", "deputy"],
    ]);
    expect(result.cadres.map((c) => c.grade)).toEqual(["excellent", "competent", "excellent", "competent"]);
  });
});

describe("the quota counts every listed cadre", () => {
  it("a colleague's typo in the post category does not cost an excellent place", () => {
    // Quota 1/4 floor. Cadres A (95), B (80), C (80), D (80). With D's post valid, N = 4 -> 1 place: A excellent.
    // With D's post misspelt ("principle"), D is unscored but still a cadre of the assessment: N stays 4, 1 place,
    // A stays excellent, and A's quota outcome is provisional until D is fixed (D might outscore A).
    const policy = single();
    const people: [string, number, string?, string?][] = [
      ["A", 95],
      ["B", 80],
      ["C", 80],
      ["D", 80],
    ];
    const good = assess(policy, people);
    expect(resultOf(good, "A").grade).toBe("excellent");
    expect(resultOf(good, "A").provisional).toBe(false);

    const typo = assess(policy, [
      ["A", 95],
      ["B", 80],
      ["C", 80],
      ["D", 80, "单位甲", "principle"],
    ]);
    const a = resultOf(typo, "A");
    expect(a.grade).toBe("excellent");
    expect(reason(a, "quota")).toMatchObject({ fraction: "1/4", fired: false });
    expect(a.provisional).toBe(true);
    expect(reason(a, "quota_unsettled")?.fired).toBe(true);
    expect(resultOf(typo, "D")).toMatchObject({ composite: null, grade: null });
    expect(typo.issues.map((i) => [i.sheet, i.row, i.field, i.code])).toEqual([["Cadres", 5, "post", "unknown_post"]]);
  });
});
