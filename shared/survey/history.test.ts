import { describe, expect, it } from "vitest";
import { DEFAULT_SURVEY_POLICY } from "../schemas/survey-policy.ts";
import { multiYearFlags } from "./history.ts";

const rules = DEFAULT_SURVEY_POLICY.multiYear;

describe("multi-year rules (flagged for review, never decided)", () => {
  it("incompetent in 2024 and 2025 is 连续两年考核不称职", () => {
    const flags = multiYearFlags(
      [
        { period: "2025", grade: "incompetent" },
        { period: "2024", grade: "incompetent" },
        { period: "2026", grade: "competent" },
      ],
      rules,
    );
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: "two_years_incompetent", years: ["2024", "2025"], reviewRequired: true });
    expect(flags[0]!.message["zh-CN"]).toBe(
      "2024、2025 年度连续两年考核不称职：按规定应予辞退或组织调整，须经组织认定",
    );
  });

  it("two years of basic with a gap year between them are not consecutive", () => {
    const flags = multiYearFlags(
      [
        { period: "2023", grade: "basic" },
        { period: "2025", grade: "basic" },
      ],
      rules,
    );
    expect(flags).toEqual([]);
  });

  it("basic in 2024, 2025 and 2026 is one run of three years; a single year is not flagged", () => {
    const flags = multiYearFlags(
      ["2024", "2025", "2026"].map((period) => ({ period, grade: "basic" as const })),
      rules,
    );
    expect(flags.map((f) => [f.rule, f.years])).toEqual([["two_years_basic", ["2024", "2025", "2026"]]]);
    expect(multiYearFlags([{ period: "2026", grade: "incompetent" }], rules)).toEqual([]);
  });

  it("half-year periods and a basic year followed by an incompetent one do not make a run", () => {
    expect(
      multiYearFlags(
        [
          { period: "2025-H1", grade: "incompetent" },
          { period: "2025", grade: "basic" },
          { period: "2026", grade: "incompetent" },
        ],
        rules,
      ),
    ).toEqual([]);
  });
});
