import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../index.ts";
import {
  ballots,
  cadre,
  policyWith,
  reason,
  resultOf,
  run,
  uniformBallot,
} from "../../test/fixtures/engine/builders.ts";

const GROUPS = ["superior", "peer", "subordinate", "service"] as const;
/** The default policy without the quota cap, so a lone excellent cadre keeps the band's grade. */
const noQuota = policyWith({ excellentQuota: { share: "1", scope: "assessment", rounding: "floor" } });

describe("composite bands on the rounded value (spec 4.5)", () => {
  it("exact composite 89.995 shows 90.00 and is in the excellent band", () => {
    // Every group: ballots totalling 89.99 and 90.00, so G(g) = 179.99 / 2 = 89.995 for all four groups and
    // S = 89.995 = 17999/200 exactly. Rounded half up: 90.00 >= 90.
    const rows = GROUPS.flatMap((g) => ballots("A", g, [89.99, 90], "excellent"));
    const a = resultOf(run(noQuota, [cadre("A")], rows), "A");
    expect(a.compositeExact).toBe("17999/200");
    expect(a.composite).toBe(90);
    expect(reason(a, "band")).toMatchObject({ value: 90, threshold: "90" });
    expect(a.grade).toBe("excellent");
  });

  it("a composite just below 89.995 shows 89.99 and is competent", () => {
    // superior, peer, subordinate: G = 89.995 as above; service: (89.99 + 90 + 89.99) / 3 = 269.98 / 3.
    // S = 0.9 x 89.995 + 0.1 x 269.98 / 3 = 80.9955 + 8.99933... = 89.994833..., i.e. 161991/2000 + 13499/1500
    //   = (485973 + 53996) / 6000 = 539969/6000 (lowest terms: 539969 is odd, digit sum 41, ends in 9).
    const rows = [
      ...GROUPS.slice(0, 3).flatMap((g) => ballots("A", g, [89.99, 90], "excellent")),
      ...ballots("A", "service", [89.99, 90, 89.99], "excellent"),
    ];
    const a = resultOf(run(noQuota, [cadre("A")], rows), "A");
    expect(a.compositeExact).toBe("539969/6000");
    expect(a.composite).toBe(89.99);
    expect(a.grade).toBe("competent");
  });
});

describe("rater groups", () => {
  it("a missing group renormalises the present groups' weights and says so", () => {
    // G: superior 90, peer 80, subordinate 70, no service. S = (0.3 x 90 + 0.3 x 80 + 0.3 x 70) / 0.9 = 72 / 0.9 = 80.
    const rows = [
      ...ballots("A", "superior", [90, 90, 90]),
      ...ballots("A", "peer", [80, 80, 80]),
      ...ballots("A", "subordinate", [70, 70, 70]),
    ];
    const a = resultOf(run(DEFAULT_POLICY, [cadre("A")], rows), "A");
    expect(a.compositeExact).toBe("80");
    expect(a.renormalised).toBe(true);
    const r = reason(a, "groups_renormalised")!;
    expect(r.fired).toBe(true);
    expect(r.message["zh-CN"]).toContain("服务对象");
    expect(r.message.en).toContain("renormalised");
  });

  it("with all groups present nothing is renormalised: 27 + 24 + 21 + 6 = 78", () => {
    const rows = [
      ...ballots("A", "superior", [90, 90, 90]),
      ...ballots("A", "peer", [80, 80, 80]),
      ...ballots("A", "subordinate", [70, 70, 70]),
      ...ballots("A", "service", [60, 60, 60]),
    ];
    const a = resultOf(run(DEFAULT_POLICY, [cadre("A")], rows), "A");
    expect(a.composite).toBe(78);
    expect(a.renormalised).toBe(false);
    expect(reason(a, "groups_renormalised")).toBeUndefined();
  });

  it("a group with fewer than 3 valid ballots is withheld but still counts in the composite", () => {
    // service has 2 ballots of 60: withheld, yet S = 27 + 24 + 21 + 0.1 x 60 = 78 (not the 80 of dropping it).
    const rows = [
      ...ballots("A", "superior", [90, 90, 90]),
      ...ballots("A", "peer", [80, 80, 80]),
      ...ballots("A", "subordinate", [70, 70, 70]),
      ...ballots("A", "service", [60, 60]),
    ];
    const a = resultOf(run(DEFAULT_POLICY, [cadre("A")], rows), "A");
    expect(a.groups.service).toEqual({ ballots: 2, withheld: true });
    expect(a.groups.superior).toEqual({ ballots: 3, kept: 3, mean: 90 });
    expect(a.composite).toBe(78);
    expect(a.renormalised).toBe(false);
  });

  it("rater groups and posts may be given by their Chinese labels", () => {
    const rows = [
      ...ballots("A", "上级领导", [90, 90, 90]),
      ...ballots("A", "同级", [80, 80, 80]),
      ...ballots("A", "下级", [70, 70, 70]),
      ...ballots("A", "服务对象", [60, 60, 60]),
    ];
    const a = resultOf(run(DEFAULT_POLICY, [cadre("A", "党政正职")], rows), "A");
    expect(a.post).toBe("principal");
    expect(a.composite).toBe(78);
  });
});

describe("dimension scores and vetoes in the engine", () => {
  it("D(integrity) exactly 59.995 rounds to 60.00 and is not vetoed; 59.99 is", () => {
    // Each group: two ballots at 95 on every dimension except integrity 59.99 and 60.00: m = 59.995 in every group.
    const withIntegrity = (id: string, g: string, values: number[]) =>
      values.map((v) => ({ ...uniformBallot(id, g, 95, "excellent"), integrity: v }));
    const rows = [
      ...GROUPS.flatMap((g) => withIntegrity("A", g, [59.99, 60])),
      ...GROUPS.flatMap((g) => withIntegrity("B", g, [59.99, 59.99])),
    ];
    const result = run(noQuota, [cadre("A"), cadre("B")], rows);
    const a = resultOf(result, "A");
    expect(a.dimensionsExact!.integrity).toBe("11999/200");
    expect(a.dimensions!.integrity).toBe(60);
    expect(reason(a, "veto:integrity")!.fired).toBe(false);
    // Principal weights: S = 0.9 x 95 + 0.1 x 59.995 = 85.5 + 5.9995 = 91.4995 -> 91.50, excellent.
    expect(a.composite).toBe(91.5);
    expect(a.grade).toBe("excellent");
    const b = resultOf(result, "B");
    expect(reason(b, "veto:integrity")!.fired).toBe(true);
    expect(b.grade).toBe("incompetent");
    expect(b.reviewRequired).toBe(true);
  });

  it("a cadre with a disciplinary finding is incompetent", () => {
    const rows = GROUPS.flatMap((g) => ballots("A", g, [95, 95, 95], "excellent"));
    const a = resultOf(run(noQuota, [cadre("A", "principal", { disciplinary: true })], rows), "A");
    expect(a.composite).toBe(95);
    expect(a.grade).toBe("incompetent");
    expect(reason(a, "disciplinary")!.fired).toBe(true);
  });
});

describe("ranking (competition 1, 2, 2, 4)", () => {
  it("ranks over the assessment and within each post category", () => {
    const single = policyWith({ raterGroups: { all: { label: "全体", weight: 1 } } });
    const scores: [string, string, number][] = [
      ["A", "principal", 90],
      ["B", "principal", 85],
      ["F", "principal", 85],
      ["D", "principal", 80],
      ["C", "deputy", 85],
      ["E", "deputy", 70],
    ];
    const result = run(
      single,
      scores.map(([id, post]) => cadre(id, post)),
      scores.flatMap(([id, , s]) => ballots(id, "all", [s, s, s])),
    );
    const ranks = Object.fromEntries(result.cadres.map((c) => [c.cadreId, [c.rank, c.rankInPost]]));
    // Overall: 90 -> 1; 85 x 3 -> 2; 80 -> 5; 70 -> 6. Principal: 90, 85, 85, 80 -> 1, 2, 2, 4. Deputy: 85, 70 -> 1, 2.
    expect(ranks).toEqual({ A: [1, 1], B: [2, 2], F: [2, 2], D: [5, 4], C: [2, 1], E: [6, 2] });
  });
});

describe("score cells", () => {
  it("level labels map to points (好 = 95, 较好 = 85, 一般 = 70, 较差 = 55, 差 = 40) and full-width digits are numbers", () => {
    const single = policyWith({ raterGroups: { all: { label: "全体", weight: 1 } } });
    // Ballot totals: 95, 85, 70, 55, 40 by label, and "９０" (full-width) = 90: mean = 435 / 6 = 72.5.
    const rows = [...ballots("A", "all", ["好", "较好", "一般", "较差", "差"]), uniformBallot("A", "all", "９０")];
    const result = run(single, [cadre("A")], rows);
    expect(result.issues).toEqual([]);
    expect(resultOf(result, "A").compositeExact).toBe("145/2");
  });
});

describe("weights far below one percent", () => {
  it("percent weights at the 6-decimal limit stay exact (all scores 80 give 80)", () => {
    // 0.000001 + 0.000099 + 24.9999 + 65 + 10 = 100 exactly: accepted as percentages, the finest weights a
    // policy may carry (more decimals are refused, see policy.test.ts). A ballot scoring 80 everywhere has
    // T = 80 whatever the weights, so S = 80.
    const p = structuredClone(DEFAULT_POLICY);
    p.posts.principal!.weights = {
      morality: 0.000001,
      ability: 0.000099,
      diligence: 24.9999,
      achievement: 65,
      integrity: 10,
    };
    const rows = GROUPS.map((g) => uniformBallot("A", g, 80));
    const a = resultOf(run(policyWith(p), [cadre("A")], rows), "A");
    expect(a.compositeExact).toBe("80");
  });
});
