import { describe, expect, it } from "vitest";
import { rat, toFractionString, type Rational } from "../rational.ts";
import { compositeOf, dimensionWeights, normaliseWeights, weightSum, weightUnit } from "./weights.ts";

const texts = (xs: Rational[]) => xs.map(toFractionString);

describe("weight normalisation (spec section 3: weights sum to exactly 1 or 100 %)", () => {
  it("reads weights summing to 1 as fractions of 1", () => {
    expect(weightUnit([0.2, 0.3, 0.1, 0.3, 0.1])).toEqual(rat(1));
    expect(texts(normaliseWeights([0.2, 0.3, 0.1, 0.3, 0.1]))).toEqual(["1/5", "3/10", "1/10", "3/10", "1/10"]);
  });

  it("reads weights summing to 100 as percent and divides them by 100", () => {
    expect(weightUnit([20, 30, 10, 30, 10])).toEqual(rat(100));
    expect(texts(normaliseWeights([20, 30, 10, 30, 10]))).toEqual(["1/5", "3/10", "1/10", "3/10", "1/10"]);
    // 12.5 % is 1/8 exactly.
    expect(texts(normaliseWeights([12.5, 37.5, 50]))).toEqual(["1/8", "3/8", "1/2"]);
  });

  it("adds decimals exactly: 0.15 + 0.15 + 0.3 + 0.3 + 0.1 is 1, where floating point gives 0.9999999999999999", () => {
    const weights = [0.15, 0.15, 0.3, 0.3, 0.1];
    expect(weights.reduce((a, b) => a + b)).not.toBe(1);
    expect(weightUnit(weights)).toEqual(rat(1));
  });

  it("gives no unit on either side of 1 and of 100", () => {
    expect(weightUnit([0.5, 0.49])).toBeNull(); // 0.99
    expect(weightUnit([0.5, 0.51])).toBeNull(); // 1.01
    expect(weightUnit([50, 49.99])).toBeNull(); // 99.99
    expect(weightUnit([50, 50.01])).toBeNull(); // 100.01
    expect(toFractionString(weightSum([50, 50.01]))).toBe("10001/100");
  });

  it("orders a post's weights 德能勤绩廉 whatever the key order of the policy", () => {
    const w = dimensionWeights({ integrity: 10, achievement: 40, diligence: 10, ability: 20, morality: 20 });
    expect(texts(w)).toEqual(["1/5", "1/5", "1/10", "2/5", "1/10"]);
  });
});

describe("composite of a post (spec section 4.4: S = sum of w[d] x D(d))", () => {
  it("weights the five dimension scores exactly", () => {
    // 0.2x90 + 0.3x80 + 0.1x70 + 0.3x85 + 0.1x95 = 18 + 24 + 7 + 25.5 + 9.5 = 84
    const w = normaliseWeights([20, 30, 10, 30, 10]);
    expect(
      toFractionString(
        compositeOf(
          w,
          [90, 80, 70, 85, 95].map((x) => rat(x)),
        ),
      ),
    ).toBe("84");
  });

  it("keeps thirds exact: weights 1/3 each over 80, 80.01, 80.01 give 12001/150", () => {
    // (80 + 80.01 + 80.01) / 3 = 240.02 / 3 = 24002/300 = 12001/150
    const third = rat(1, 3);
    const s = compositeOf([third, third, third], [rat(80), rat(8001, 100), rat(8001, 100)]);
    expect(toFractionString(s)).toBe("12001/150");
  });

  it("refuses a weight list that does not match the scores", () => {
    expect(() => compositeOf([rat(1)], [rat(1), rat(2)])).toThrow(RangeError);
  });
});
