import { describe, expect, it } from "vitest";
import { neutraliseCell } from "./csv-safe.ts";

describe("neutraliseCell", () => {
  it("prefixes every cell a spreadsheet would run as a formula, and nothing else", () => {
    for (const s of ["=1+1", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"]) expect(neutraliseCell(s)).toBe(`'${s}`);
    for (const s of ["张三", "1+1", " =x", "a=b", ""]) expect(neutraliseCell(s)).toBe(s);
    expect(neutraliseCell(-3)).toBe(-3);
  });
});
