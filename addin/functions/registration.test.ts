import { describe, expect, it } from "vitest";

/** functions.ts against a stand-in for Excel's CustomFunctions runtime: what gets registered, and what a bad call returns. */
describe("custom function registration", () => {
  it("associates the four KAOPING ids and returns CustomFunctions.Error for bad arguments", async () => {
    const associated = new Map<string, (...args: unknown[]) => unknown>();
    class StandInError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    (globalThis as Record<string, unknown>).CustomFunctions = {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
      Error: StandInError,
      ErrorCode: { invalidValue: "#VALUE!" },
    };
    try {
      await import("./functions.ts");
      expect([...associated.keys()].sort()).toEqual(["QUORUM", "SCORE", "VERDICT", "WEIGHTS"]);
      const bad = associated.get("SCORE")!([[1, 2, 3]], "principal");
      expect(bad).toBeInstanceOf(StandInError);
      expect((bad as StandInError).code).toBe("#VALUE!");
      expect((bad as StandInError).message).toMatch(/五个.*\|.*five/);
      // 党政副职 0.25/0.2/0.2/0.25/0.1 x 80 each = 80
      expect(associated.get("SCORE")!([[80, 80, 80, 80, 80]], "党政副职")).toBe(80);
      expect(await associated.get("VERDICT")!(1, 2, 3, -4)).toBeInstanceOf(StandInError);
    } finally {
      delete (globalThis as Record<string, unknown>).CustomFunctions;
    }
  });
});
