import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, verifyResult, type AssessmentResult, type BallotRow, type CadreResult } from "../index.ts";
import { ballots, cadre, policyWith, resultOf, run, votes } from "../../test/fixtures/engine/builders.ts";

const GROUPS = ["superior", "peer", "subordinate", "service"] as const;

/** A ballot with integrity below the veto line and every other dimension at `rest`. */
const vetoBallot = (cadreId: string, raterGroup: string, k: number): BallotRow => ({
  ballotId: `v${cadreId}${raterGroup}${k}`,
  raterGroup,
  cadreId,
  morality: 90,
  ability: 90,
  diligence: 90,
  achievement: 90,
  integrity: 50,
  gradeVote: "competent",
});

/**
 * Six listed cadres, default policy (quota 1/4, floor, over the whole assessment): places = floor(6/4)
 * = floor(5/4) = 1 whether or not the unscored cadre counts in N.
 * A, B: every ballot 95, all excellent votes: band excellent, tied at 95 across the one place -> quota_tie.
 * C: 80 with competent votes -> competent. D: integrity 50 (D(integrity) = 50 < 60) -> veto, incompetent.
 * E: 3 competent + 6 basic votes: (E + C) / n = 3/9 < 2/3 -> unfit_for_post, grade at most basic (band 70 basic).
 * F: listed, no ballots -> not scored.
 */
function genuine(): AssessmentResult {
  const rows = [
    ...GROUPS.flatMap((g) => ballots("A", g, [95, 95, 95], "excellent")),
    ...GROUPS.flatMap((g) => ballots("B", g, [95, 95, 95], "excellent")),
    ...GROUPS.flatMap((g) => ballots("C", g, [80, 80, 80], "competent")),
    ...GROUPS.flatMap((g) => [0, 1, 2].map((k) => vetoBallot("D", g, k))),
    ...votes("E", "superior", 3, "competent", 70),
    ...votes("E", "peer", 6, "basic", 70),
  ];
  return run(
    DEFAULT_POLICY,
    ["A", "B", "C", "D", "E", "F"].map((id) => cadre(id)),
    rows,
  );
}

/** A copy of `result` with one cadre changed. */
function forge(result: AssessmentResult, cadreId: string, change: (c: CadreResult) => void): AssessmentResult {
  const copy = structuredClone(result);
  change(copy.cadres.find((c) => c.cadreId === cadreId)!);
  return copy;
}

const pointers = (result: AssessmentResult) => verifyResult(DEFAULT_POLICY, result).map((p) => p.pointer);

describe("verifyResult: a genuine result verifies clean", () => {
  it("with a quota tie, a veto, an unfit verdict and an unscored cadre", () => {
    const r = genuine();
    // The scenario is what the comment says (worked by hand from the spec).
    expect(r.cadres.map((c) => c.grade)).toEqual(["quota_tie", "quota_tie", "competent", "incompetent", "basic", null]);
    expect(resultOf(r, "E").verdict).toBe("unfit_for_post");
    expect(resultOf(r, "D").dimensions!.integrity).toBe(50);
    expect(resultOf(r, "F").composite).toBeNull();
    expect(verifyResult(DEFAULT_POLICY, r)).toEqual([]);
  });

  it("with the vote base at attendees (n taken from the competency reason)", () => {
    const policy = policyWith({ voteRules: { ...DEFAULT_POLICY.voteRules, base: "attendees" } });
    // 5 competent votes out of 9 attendees: 5/9 < 2/3 -> unfit (with n = 5 ballots it would be fit).
    const r = run(policy, [{ ...cadre("A"), attendees: 9 }], ballots("A", "superior", [80, 80, 80, 80, 80]));
    expect(resultOf(r, "A").verdict).toBe("unfit_for_post");
    expect(verifyResult(policy, r)).toEqual([]);
    // Only blank votes are judged (spec section 5): B is 0/9 on its attendees, C has no base and is provisional.
    const blank = run(
      policy,
      [{ ...cadre("B"), attendees: 9 }, cadre("C")],
      [...ballots("B", "superior", [80, 80], ""), ...ballots("C", "superior", [80, 80], "")],
    );
    expect(resultOf(blank, "B").provisional).toBe(false);
    expect(resultOf(blank, "B").reasons.find((r) => r.rule === "competency")).toMatchObject({
      fraction: "0/9",
      fired: true,
    });
    expect(resultOf(blank, "B").verdict).toBe("unfit_for_post");
    expect(resultOf(blank, "C").provisional).toBe(true);
    expect(resultOf(blank, "C").verdict).toBe("unfit_for_post");
    expect(verifyResult(policy, blank)).toEqual([]);
  });

  it("with percent weights (a post's weights summing to 100)", () => {
    const policy = policyWith({
      posts: {
        principal: {
          label: "党政正职",
          weights: { morality: 25, ability: 20, diligence: 15, achievement: 30, integrity: 10 },
        },
      },
    });
    const rows = [...ballots("A", "superior", [88.5, 91]), ...ballots("A", "peer", [76])];
    expect(verifyResult(policy, run(policy, [cadre("A")], rows))).toEqual([]);
  });
});

describe("verifyResult: each kind of forgery is caught with its field path", () => {
  it("the reviewer's case: composite 95, excellent and fit for a cadre whose exact composite and votes say otherwise", () => {
    const forged = forge(genuine(), "E", (c) =>
      Object.assign(c, { composite: 95, grade: "excellent", verdict: "fit" }),
    );
    const problems = verifyResult(DEFAULT_POLICY, forged);
    expect(problems.map((p) => p.pointer).sort()).toEqual([
      "/result/cadres/4/composite",
      "/result/cadres/4/grade",
      "/result/cadres/4/verdict",
    ]);
    const composite = problems.find((p) => p.pointer.endsWith("/composite"))!;
    // E's exact composite: every ballot 70 -> 70; shown 70.
    expect(composite.message["zh-CN"]).toContain("70");
    expect(composite.message.en).toContain("rounds half up to 70");
    expect(problems.find((p) => p.pointer.endsWith("/verdict"))!.message["zh-CN"]).toContain("不胜任现职");
  });

  it("a composite and compositeExact raised together no longer equal the weighted dimensions", () => {
    const forged = forge(genuine(), "C", (c) => Object.assign(c, { composite: 95, compositeExact: "95" }));
    // 95 would also change the band, the quota (three at/above 95) and the ranks: all reported.
    expect(pointers(forged)).toContain("/result/cadres/2/compositeExact");
    expect(pointers(forged)).toContain("/result/cadres/2/rank");
  });

  it("a rounded dimension that is not its exact value rounded", () => {
    const forged = forge(genuine(), "D", (c) => (c.dimensions!.integrity = 65));
    expect(pointers(forged)).toEqual(["/result/cadres/3/dimensions/integrity"]);
  });

  it("a veto hidden by raising the exact dimension is caught by the composite identity", () => {
    // integrity 50 -> 65 in both: S would no longer be the post's weights times D.
    const forged = forge(genuine(), "D", (c) => {
      c.dimensions!.integrity = 65;
      c.dimensionsExact!.integrity = "65";
      c.grade = "competent";
    });
    expect(pointers(forged)).toContain("/result/cadres/3/compositeExact");
  });

  it("a vetoed cadre's grade raised to competent", () => {
    expect(pointers(forge(genuine(), "D", (c) => (c.grade = "competent")))).toEqual(["/result/cadres/3/grade"]);
  });

  it("votes.n that is not the sum of the five counts", () => {
    expect(pointers(forge(genuine(), "C", (c) => (c.votes.n = 13)))).toEqual(["/result/cadres/2/votes/n"]);
  });

  it("a quota tie broken by hand (one promoted, one demoted)", () => {
    const forged = structuredClone(genuine());
    forged.cadres[0]!.grade = "excellent";
    forged.cadres[1]!.grade = "competent";
    expect(pointers(forged)).toEqual(["/result/cadres/0/grade", "/result/cadres/1/grade"]);
  });

  it("a quota tie whose review flag was cleared", () => {
    expect(pointers(forge(genuine(), "A", (c) => (c.reviewRequired = false)))).toEqual([
      "/result/cadres/0/reviewRequired",
    ]);
  });

  it("a quota outcome made final although an unscored colleague in scope may yet outscore them", () => {
    // F is unscored, so A's and B's quota outcome is provisional.
    expect(genuine().cadres[0]!.provisional).toBe(true);
    expect(pointers(forge(genuine(), "A", (c) => (c.provisional = false)))).toEqual(["/result/cadres/0/provisional"]);
  });

  it("ranks swapped", () => {
    const forged = structuredClone(genuine());
    [forged.cadres[2]!.rank, forged.cadres[3]!.rank] = [forged.cadres[3]!.rank, forged.cadres[2]!.rank];
    expect(pointers(forged)).toEqual(["/result/cadres/2/rank", "/result/cadres/3/rank"]);
  });

  it("an unscored cadre given a grade and a verdict", () => {
    const forged = forge(genuine(), "F", (c) => Object.assign(c, { grade: "competent", verdict: "fit" }));
    expect(pointers(forged).sort()).toEqual(["/result/cadres/5/grade", "/result/cadres/5/verdict"]);
  });

  it("an exact value that is not a fraction in lowest terms", () => {
    const forged = forge(genuine(), "C", (c) => (c.dimensionsExact!.morality = "160/2"));
    expect(pointers(forged)).toEqual(["/result/cadres/2/dimensionsExact/morality"]);
  });

  it("a giant exact value is refused without being expanded", () => {
    const forged = forge(genuine(), "C", (c) => (c.compositeExact = "9".repeat(100_000)));
    expect(pointers(forged)).toContain("/result/cadres/2/compositeExact");
  });

  it("every message is bilingual and names the cadre", () => {
    const forged = forge(genuine(), "E", (c) =>
      Object.assign(c, { composite: 95, grade: "excellent", verdict: "fit" }),
    );
    for (const p of verifyResult(DEFAULT_POLICY, forged)) {
      expect(p.message["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      expect(p.message["zh-CN"]).toContain("E");
      expect(p.message.en).toContain("cadre E");
    }
  });
});
