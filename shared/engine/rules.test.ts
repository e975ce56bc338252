import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, verdictBatch } from "../index.ts";
import { cadre, reason, resultOf, run, singleGroupPolicy, votes } from "../../test/fixtures/engine/builders.ts";

// Spec section 5, default rules: competency (E + C) / n < 2/3 fires; incompetent I / n > 1/3 fires;
// excellent needs E / n >= 1/2. All by integer cross-multiplication.
const verdict = (
  counts: { excellent?: number; competent?: number; basic?: number; incompetent?: number; blank?: number },
  extra: { composite?: number | string; dimensions?: Record<string, number | string>; disciplinary?: boolean } = {},
) => verdictBatch(DEFAULT_POLICY, [{ excellent: 0, competent: 0, basic: 0, incompetent: 0, ...counts, ...extra }])[0]!;
const rule = (r: ReturnType<typeof verdict>, id: string) => r.reasons!.find((x) => x.rule === id)!;

describe("competency (两个三分之二)", () => {
  it("20 of 30 excellent+competent passes: 20 x 3 = 60 is not below 30 x 2 = 60", () => {
    // 20 excellent + 10 basic, composite 95: E/n = 20/30 >= 1/2, band excellent, nothing fires.
    const r = verdict({ excellent: 20, basic: 10 }, { composite: 95 });
    expect(rule(r, "competency")).toMatchObject({
      fraction: "20/30",
      percent: "66.67",
      threshold: "2/3",
      fired: false,
    });
    expect(r.verdict).toBe("fit");
    expect(r.grade).toBe("excellent");
    expect(r.reviewRequired).toBe(false);
  });

  it("19 of 30 fires: 57 < 60, unfit for post, grade at most basic, review required", () => {
    // 19 excellent + 11 basic, composite 95: E/n = 19/30 >= 1/2 keeps eligibility, so only competency caps: basic.
    const r = verdict({ excellent: 19, basic: 11 }, { composite: 95 });
    expect(rule(r, "competency")).toMatchObject({ fraction: "19/30", percent: "63.33", fired: true });
    expect(r.verdict).toBe("unfit_for_post");
    expect(r.grade).toBe("basic");
    expect(r.reviewRequired).toBe(true);
    expect(rule(r, "competency").message["zh-CN"]).toContain("不胜任现职");
    expect(rule(r, "competency").message.en).toContain("unfit for post");
  });

  it("blank votes count in n: 20 competent + 10 blank passes (20/30), 19 competent + 11 blank fires (19/30, not 19/19)", async () => {
    const policy = singleGroupPolicy();
    const result = run(
      policy,
      [cadre("A"), cadre("B")],
      [
        ...votes("A", "all", 20, "competent"),
        ...votes("A", "all", 10, ""),
        ...votes("B", "all", 19, "competent"),
        ...votes("B", "all", 11, null),
      ],
    );
    const a = resultOf(result, "A");
    const b = resultOf(result, "B");
    expect(a.votes).toEqual({ excellent: 0, competent: 20, basic: 0, incompetent: 0, blank: 10, n: 30 });
    expect(reason(a, "competency")).toMatchObject({ fraction: "20/30", fired: false });
    expect(a.verdict).toBe("fit");
    expect(b.votes.n).toBe(30);
    expect(reason(b, "competency")).toMatchObject({ fraction: "19/30", fired: true });
    expect(b.verdict).toBe("unfit_for_post");
    // All ballots score 80: band competent, capped to basic by the competency rule.
    expect(b.composite).toBe(80);
    expect(b.grade).toBe("basic");
    expect(b.reviewRequired).toBe(true);
  });
});

describe("incompetent share (三分之一)", () => {
  it("10 of 30 passes: 10 x 3 = 30 does not exceed 30", () => {
    const r = verdict({ excellent: 20, incompetent: 10 }, { composite: 95 });
    expect(rule(r, "incompetent_share")).toMatchObject({
      fraction: "10/30",
      percent: "33.33",
      threshold: "1/3",
      fired: false,
    });
    expect(r.grade).toBe("excellent");
  });

  it("11 of 30 fires: 33 > 30, grade incompetent", () => {
    const r = verdict({ excellent: 19, incompetent: 11 }, { composite: 95 });
    expect(rule(r, "incompetent_share")).toMatchObject({ fraction: "11/30", percent: "36.67", fired: true });
    expect(r.grade).toBe("incompetent");
    expect(r.reviewRequired).toBe(true);
    expect(rule(r, "incompetent_share").message["zh-CN"]).toContain("不称职");
  });
});

describe("excellent eligibility (1/2)", () => {
  it("15 of 30 excellent is eligible (15 x 2 = 30 >= 30)", () => {
    const r = verdict({ excellent: 15, competent: 15 }, { composite: 95 });
    expect(rule(r, "excellent_eligibility")).toMatchObject({
      fraction: "15/30",
      percent: "50.00",
      threshold: "1/2",
      fired: false,
    });
    expect(r.grade).toBe("excellent");
    expect(r.reviewRequired).toBe(false);
  });

  it("14 of 30 holds back an excellent band to competent and asks for review", () => {
    const r = verdict({ excellent: 14, competent: 16 }, { composite: 95 });
    expect(rule(r, "excellent_eligibility")).toMatchObject({ fraction: "14/30", fired: true });
    expect(r.grade).toBe("competent");
    expect(r.reviewRequired).toBe(true);
  });

  it("with a competent band it changes nothing and does not fire", () => {
    const r = verdict({ excellent: 14, competent: 16 }, { composite: 80 });
    expect(rule(r, "excellent_eligibility").fired).toBe(false);
    expect(r.grade).toBe("competent");
    expect(r.reviewRequired).toBe(false);
  });
});

describe("score bands compare the rounded composite", () => {
  // 30 excellent votes: no vote rule caps, so the grade is the band.
  const band = (composite: string) => verdict({ excellent: 30 }, { composite }).grade;
  it.each([
    ["89.995", "excellent"], // rounds half up to 90.00
    ["89.994", "competent"], // 89.99
    ["74.995", "competent"], // 75.00
    ["74.99", "basic"],
    ["59.995", "basic"], // 60.00
    ["59.994", "incompetent"], // 59.99
  ])("composite %s is %s", (composite, grade) => {
    expect(band(composite)).toBe(grade);
  });
});

describe("vetoes (一票否决)", () => {
  it("integrity 59.995 rounds to 60.00: not vetoed; 59.99 is vetoed to incompetent", () => {
    const ok = verdict({ excellent: 30 }, { composite: 95, dimensions: { integrity: "59.995" } });
    expect(rule(ok, "veto:integrity")).toMatchObject({ value: 60, threshold: "60", fired: false });
    expect(ok.grade).toBe("excellent");
    const vetoed = verdict({ excellent: 30 }, { composite: 95, dimensions: { integrity: "59.99" } });
    expect(rule(vetoed, "veto:integrity")).toMatchObject({ value: 59.99, fired: true });
    expect(vetoed.grade).toBe("incompetent");
    expect(vetoed.reviewRequired).toBe(true);
  });

  it("morality below 60 vetoes too", () => {
    const r = verdict({ excellent: 30 }, { composite: 95, dimensions: { morality: 50 } });
    expect(rule(r, "veto:morality").fired).toBe(true);
    expect(r.grade).toBe("incompetent");
  });

  it("a disciplinary finding vetoes whatever the scores", () => {
    const r = verdict({ excellent: 30 }, { composite: 99, disciplinary: true });
    expect(rule(r, "disciplinary")).toMatchObject({ fired: true });
    expect(r.grade).toBe("incompetent");
    expect(r.reviewRequired).toBe(true);
  });
});
