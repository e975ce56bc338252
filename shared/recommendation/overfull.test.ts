import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, tallyRecommendation } from "../index.ts";

/** Spec sections 3 and 6: more recommendation ballots than attendees is an error of the meeting. */
describe("recommendation ballots against attendees", () => {
  const meeting = (ballots: number) =>
    tallyRecommendation(DEFAULT_POLICY, {
      expected: 40,
      attendees: 40,
      vacancies: 1,
      ballots: Array.from({ length: ballots }, () => ({ names: ["甲"] })),
    });

  it("40 ballots from 40 attendees: 甲 has 40/40 and is shortlisted", () => {
    const r = meeting(40);
    expect(r.shortlist).toEqual(["甲"]);
    expect(r.reviewRequired).toBe(false);
    expect(r.tally[0]).toMatchObject({ fraction: "40/40", percent: "100.00" });
  });

  it("45 ballots from 40 attendees: no shortlist, review required, the message says why", () => {
    const r = meeting(45);
    expect(r.shortlist).toEqual([]);
    expect(r.reviewRequired).toBe(true);
    expect(r.message["zh-CN"]).toContain("收回推荐票 45 张多于实到 40 人");
    expect(r.message.en).toContain("45 ballots but only 40 attendees");
  });

  it("with the majority base at attendees, 45 votes of 40 is a fraction and never a share above 100 %", () => {
    const policy = {
      ...DEFAULT_POLICY,
      recommendation: { ...DEFAULT_POLICY.recommendation, majorityBase: "attendees" as const },
    };
    const r = tallyRecommendation(policy, {
      expected: 40,
      attendees: 40,
      vacancies: 1,
      ballots: Array.from({ length: 45 }, () => ({ names: ["甲"] })),
    });
    expect(r.tally[0]).toMatchObject({ fraction: "45/40", percent: "—" });
  });
});
