import { describe, expect, it } from "vitest";
import { screenshotDir, updatesDocs } from "./screenshots.ts";

describe("UPDATE_SCREENSHOTS", () => {
  it('rewrites docs/screenshots only for "1" or "true"', () => {
    for (const yes of ["1", "true", "TRUE"]) expect(updatesDocs(yes)).toBe(true);
    for (const no of [undefined, "", "0", "false", "no", "2"]) expect(updatesDocs(no)).toBe(false);
    expect(screenshotDir("0")).toMatch(/test-output\/screenshots\/$/);
    expect(screenshotDir("1")).toMatch(/docs\/screenshots\/$/);
  });
});
