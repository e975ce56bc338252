import { describe, expect, it } from "vitest";
import { trimBuckets } from "../index.ts";
import {
  ballots,
  cadre,
  resultOf,
  run,
  singleGroupPolicy,
  uniformBallot,
} from "../../test/fixtures/engine/builders.ts";

// Spec 4.2, default trim: minBallots 7, high 1, low 1; ties at an edge share the removed weight.
const policy = singleGroupPolicy();
const scoreOne = (rows: ReturnType<typeof ballots>, p = policy) => resultOf(run(p, [cadre("A")], rows), "A");

describe("trimming boundaries", () => {
  it("6 ballots are not trimmed: (60 + 5 x 80) / 6 = 460/6 = 230/3", () => {
    const a = scoreOne(ballots("A", "all", [60, 80, 80, 80, 80, 80]));
    expect(a.compositeExact).toBe("230/3");
    expect(a.composite).toBe(76.67);
    expect(a.groups.all).toEqual({ ballots: 6, kept: 6, mean: 76.67 });
  });

  it("7 ballots are trimmed: 60 goes, one 80's worth is shared by the six 80s, mean 80", () => {
    const a = scoreOne(ballots("A", "all", [60, 80, 80, 80, 80, 80, 80]));
    expect(a.compositeExact).toBe("80");
    expect(a.groups.all).toEqual({ ballots: 7, kept: 5, mean: 80 });
  });

  it("an all-equal group keeps 7 - 2 = 5 ballots' worth and its mean", () => {
    const a = scoreOne(ballots("A", "all", [80, 80, 80, 80, 80, 80, 80]));
    expect(a.groups.all).toEqual({ ballots: 7, kept: 5, mean: 80 });
    expect(a.compositeExact).toBe("80");
  });

  it("high + low may not consume the whole group", () => {
    const p = singleGroupPolicy({ trim: { minBallots: 0, high: 2, low: 2 } });
    // 4 ballots, high + low = 4: not more than 4, so no trimming: (60 + 70 + 71 + 100) / 4 = 301/4.
    expect(scoreOne(ballots("A", "all", [60, 70, 71, 100]), p).compositeExact).toBe("301/4");
    // 5 ballots: the two highest and two lowest go, the median 71 is kept.
    const five = scoreOne(ballots("A", "all", [60, 70, 71, 90, 100]), p);
    expect(five.compositeExact).toBe("71");
    expect(five.groups.all).toMatchObject({ kept: 1 });
  });
});

describe("ties at the trimmed edge are shared, not picked", () => {
  it("three ballots tied at the top each keep 2/3", () => {
    // Principal weights (.25 .2 .15 .3 .1). Three ballots total 90 with different dimensions:
    //   X: all 90; Y: morality 94, ability 85, rest 90 (23.5 + 17 + 13.5 + 27 + 9 = 90);
    //   Z: morality 98, ability 80, rest 90 (24.5 + 16 + 13.5 + 27 + 9 = 90).
    // With 70, 75, 80, 85: the 70 goes (low); one 90's worth goes from X, Y, Z, each keeping 2/3.
    // Kept weight 1 + 1 + 1 + 3 x 2/3 = 5.
    // D(morality) = (75 + 80 + 85 + 2/3 x (90 + 94 + 98)) / 5 = (240 + 188) / 5 = 85.6
    // D(ability)  = (240 + 2/3 x (90 + 85 + 80)) / 5 = (240 + 170) / 5 = 82
    // other dimensions (240 + 2/3 x 270) / 5 = 84; S = 21.4 + 16.4 + 12.6 + 25.2 + 8.4 = 84.
    const tied = [
      uniformBallot("A", "all", 90),
      { ...uniformBallot("A", "all", 90), morality: 94, ability: 85 },
      { ...uniformBallot("A", "all", 90), morality: 98, ability: 80 },
    ];
    const rows = [...ballots("A", "all", [70, 75, 80, 85]), ...tied];
    const a = scoreOne(rows);
    expect(a.dimensionsExact).toEqual({
      morality: "428/5",
      ability: "82",
      diligence: "84",
      achievement: "84",
      integrity: "84",
    });
    expect(a.compositeExact).toBe("84");
    expect(a.groups.all).toEqual({ ballots: 7, kept: 5, mean: 84 });
    // The same ballots in reverse order give the same result.
    expect(scoreOne([...rows].reverse()).dimensionsExact).toEqual(a.dimensionsExact);
  });

  it("trimBuckets reports the kept weight per distinct total", () => {
    const totals = [70, 75, 80, 85, 90, 90, 90];
    const order = [0, 1, 2, 3, 4, 5, 6];
    const buckets = trimBuckets(order, totals, 1, 1);
    expect(buckets.map((b) => [b.total, b.size, b.kept])).toEqual([
      [70, 1, 0],
      [75, 1, 1],
      [80, 1, 1],
      [85, 1, 1],
      [90, 3, 2],
    ]);
  });
});
