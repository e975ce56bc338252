import { describe, expect, it } from "vitest";
import { advanceRound, checkQuorum, DEFAULT_POLICY, rat, tallyRecommendation } from "../index.ts";

describe("quorum (五分之四)", () => {
  it("40 of 50 is valid (40 x 5 = 200 >= 50 x 4 = 200); 39 is not", () => {
    expect(checkQuorum(40, 50, rat(4, 5))).toMatchObject({
      valid: true,
      fraction: "40/50",
      percent: "80.00",
      threshold: "4/5",
    });
    const short = checkQuorum(39, 50, rat(4, 5));
    expect(short.valid).toBe(false);
    expect(short.message["zh-CN"]).toContain("会议无效");
  });

  it("an invalid meeting produces no shortlist", () => {
    const r = tallyRecommendation(DEFAULT_POLICY, {
      expected: 50,
      attendees: 39,
      vacancies: 1,
      ballots: [{ names: ["甲"] }],
    });
    expect(r.quorum.valid).toBe(false);
    expect(r.shortlist).toEqual([]);
    expect(r.reviewRequired).toBe(true);
  });
});

describe("recommendation ballots and majority (得票过半)", () => {
  // vacancies 2: 10 valid ballots; X named on 6, Y on 5. Majority is votes x 2 > 10 strictly.
  const valid = [
    ...Array.from({ length: 5 }, () => ({ names: ["X", "Y"] })),
    { names: ["X"] },
    ...Array.from({ length: 4 }, () => ({ names: ["Z"] })),
  ];
  const invalid = [
    { names: [] }, // row 12: names no one
    { names: ["X", "Y", "Z"] }, // row 13: more than 2
    { names: ["X", " X "] }, // row 14: the same person twice
  ];
  const r = tallyRecommendation(DEFAULT_POLICY, {
    expected: 13,
    attendees: 13,
    vacancies: 2,
    ballots: [...valid, ...invalid],
  });

  it("ballots naming no one, more than the vacancies or a repeated name are invalid, with their rows", () => {
    expect(r.validBallots).toBe(10);
    expect(r.invalid.map((i) => [i.row, i.code])).toEqual([
      [12, "empty"],
      [13, "too_many"],
      [14, "repeated_name"],
    ]);
    expect(r.invalid[1]!.message["zh-CN"]).toContain("第 13 行");
  });

  it("6 of 10 qualifies (12 > 10), 5 of 10 does not (10 > 10 is false)", () => {
    const t = Object.fromEntries(r.tally.map((x) => [x.candidate, [x.fraction, x.qualifies]]));
    expect(t).toEqual({ X: ["6/10", true], Y: ["5/10", false], Z: ["4/10", false] });
    expect(r.shortlist).toEqual(["X"]);
    expect(r.tied).toEqual([]);
  });

  it("a tie across the shortlist cut is flagged, not broken by row order", () => {
    // vacancies 4 + extra 1 = 5 places. 10 ballots each name A and three of B..F (cyclic), so A has 10 votes
    // and B..F have 6 each: all six qualify (6 x 2 > 10); B..F tie across the 5th place.
    const others = ["B", "C", "D", "E", "F"];
    const ballots = Array.from({ length: 10 }, (_, k) => ({
      names: ["A", others[k % 5]!, others[(k + 1) % 5]!, others[(k + 2) % 5]!],
    }));
    const t = tallyRecommendation(DEFAULT_POLICY, { expected: 10, attendees: 10, vacancies: 4, ballots });
    expect(t.shortlistSize).toBe(5);
    expect(t.tally.map((x) => [x.candidate, x.votes])).toEqual([
      ["A", 10],
      ["B", 6],
      ["C", 6],
      ["D", 6],
      ["E", 6],
      ["F", 6],
    ]);
    expect(t.shortlist).toEqual(["A"]);
    expect([...t.tied].sort()).toEqual(others);
    expect(t.reviewRequired).toBe(true);
  });
});

describe("elimination rounds (advance the top N)", () => {
  const candidates = [
    { name: "a", value: 90 },
    { name: "b", value: 85 },
    { name: "c", value: 80 },
    { name: "d", value: "80.00" },
    { name: "e", value: 70 },
  ];
  it("advances the top 2 when the cut is clean", () => {
    expect(advanceRound({ advance: 2, candidates })).toMatchObject({
      advanced: ["a", "b"],
      tied: [],
      eliminated: ["c", "d", "e"],
      reviewRequired: false,
    });
  });
  it("flags a tie at the cut: 80 and 80.00 straddle the 3rd place", () => {
    const r = advanceRound({ advance: 3, candidates });
    expect(r.advanced).toEqual(["a", "b"]);
    expect([...r.tied].sort()).toEqual(["c", "d"]);
    expect(r.eliminated).toEqual(["e"]);
    expect(r.reviewRequired).toBe(true);
  });
});
