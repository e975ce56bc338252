import { describe, expect, it } from "vitest";
import {
  parseDecimal,
  parseFraction,
  percentString,
  rat,
  roundedNumber,
  roundedRational,
  roundHalfUp,
  toFractionString,
} from "./index.ts";

describe("exact decimals and rounding (spec 4.5)", () => {
  it("reads the decimal a number or cell shows, not the binary double", () => {
    expect(parseDecimal(0.1)).toEqual(rat(1, 10));
    expect(parseDecimal("89.995")).toEqual(rat(17999, 200));
    expect(parseDecimal(1e-7)).toEqual(rat(1, 10_000_000));
    expect(parseDecimal("abc")).toBeUndefined();
    expect(parseFraction("2/3")).toEqual(rat(2, 3));
    expect(parseFraction("1/0")).toBeUndefined();
  });

  it("refuses numbers no score, weight or share could be, instead of expanding them", () => {
    expect(parseDecimal("1e2000000000")).toBeUndefined();
    expect(parseDecimal("-1e-999999")).toBeUndefined();
    expect(parseDecimal("9".repeat(5000))).toBeUndefined();
    expect(parseFraction("1/" + "3".repeat(40))).toBeUndefined();
    // Every finite JSON number still parses: 1e308 and 5e-324 are the extremes.
    expect(parseDecimal(1e308)).toEqual({ n: 10n ** 308n, d: 1n });
    expect(parseDecimal(5e-324)).toEqual({ n: 1n, d: 2n * 10n ** 323n }); // 5/10^324 in lowest terms
    expect(parseFraction("2/3")).toEqual({ n: 2n, d: 3n });
  });

  it("rounds half up once, to 2 decimals", () => {
    expect(roundHalfUp(rat(17999, 200))).toBe("90.00"); // 89.995
    expect(roundHalfUp(rat(89994999, 1_000_000))).toBe("89.99"); // 89.994999
    expect(roundHalfUp(rat(2, 3))).toBe("0.67");
    expect(roundHalfUp(rat(-1, 200))).toBe("-0.01"); // -0.005: half away from zero
    expect(roundHalfUp(rat(1, 3), 0)).toBe("0");
    expect(roundedNumber(rat(17999, 200))).toBe(90);
    expect(roundedNumber(rat(873, 10))).toBe(87.3);
    expect(roundedRational(rat(11999, 200))).toEqual(rat(60)); // 59.995 -> 60
  });

  it("prints fractions in lowest terms and shares as percentages", () => {
    expect(toFractionString(rat(3494, 40))).toBe("1747/20");
    expect(toFractionString(rat(160, 2))).toBe("80");
    expect(percentString(2, 3)).toBe("66.67");
    expect(percentString(20, 30)).toBe("66.67");
    expect(percentString(1, 0)).toBe("0.00");
  });
});
