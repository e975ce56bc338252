import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, decideVote, runRounds, type RoundsInput } from "../index.ts";

describe("decision vote (票决), 8 members", () => {
  const vote = (attendees: number, yes: number) =>
    decideVote({ members: 8, attendees, candidates: [{ name: "甲", yes, no: attendees - yes }] });
  it("6 present is valid (6 x 3 = 18 >= 16), 5 is not (15 < 16)", () => {
    expect(vote(6, 5)).toMatchObject({ valid: true, quorum: { fraction: "6/8", threshold: "2/3" } });
    const five = vote(5, 5);
    expect(five.valid).toBe(false);
    expect(five.approved).toEqual([]);
    expect(five.meetingChecks.map((c) => c.code)).toEqual(["decision_quorum_not_met"]);
  });
  it("5 yes is approved (10 > 8), 4 is not (8 > 8 is false): half of all members, not of those present", () => {
    expect(vote(6, 5).candidates[0]).toMatchObject({ approved: true, fraction: "5/8", percent: "62.50" });
    const four = vote(6, 4).candidates[0]!;
    expect(four).toMatchObject({ approved: false, fraction: "4/8", percent: "50.00" });
    expect(four.reasons[0]!.message["zh-CN"]).toContain("未超过半数");
  });
  it("more votes than members present is a meeting error, provisional", () => {
    const r = decideVote({ members: 8, attendees: 6, candidates: [{ name: "甲", yes: 5, no: 2 }] });
    expect(r.meetingChecks.map((c) => c.code)).toEqual(["ballots_exceed_attendees"]);
    expect(r.provisional).toBe(true);
  });
});

/** n ballots naming `names`. */
const ballots = (spec: [number, string[]][]) =>
  spec.flatMap(([n, names]) => Array.from({ length: n }, () => ({ names })));

describe("公推公选 rounds 5 -> 3 -> 2 (then 票决 for 1)", () => {
  const input: RoundsInput = {
    post: "副局长",
    vacancies: 1,
    candidates: ["甲", "乙", "丙", "丁", "戊"],
    rounds: [
      // Round 1: 50 expected, 45 present; each ballot names up to 3. 甲 40, 乙 35, 丙 30, 丁 20, 戊 10.
      {
        label: "第一轮 民主推荐",
        advance: 3,
        expected: 50,
        attendees: 45,
        ballots: ballots([
          [10, ["甲", "乙", "丙"]],
          [20, ["甲", "乙", "丙"]],
          [5, ["甲", "乙", "丁"]],
          [5, ["甲", "丁", "戊"]],
          [5, ["丁", "戊"]],
        ]),
      },
      // Round 2: a committee of 20, 16 present (16 x 5 = 80 >= 80); names up to 2. 甲 14, 丙 10, 乙 8.
      {
        label: "第二轮 差额遴选",
        advance: 2,
        expected: 20,
        attendees: 16,
        ballots: ballots([
          [8, ["甲", "丙"]],
          [6, ["甲", "乙"]],
          [2, ["乙", "丙"]],
        ]),
      },
    ],
  };
  it("each round has its own quorum and tally; the chain hands 甲 and 丙 to the decision", () => {
    const r = runRounds(DEFAULT_POLICY, input);
    expect(r.rounds.map((x) => [x.entered.length, x.advanced, x.eliminated])).toEqual([
      [5, ["甲", "乙", "丙"], ["丁", "戊"]],
      [3, ["甲", "丙"], ["乙"]],
    ]);
    expect(r.rounds[0]!.tally!.candidates.map((c) => [c.name, c.votes, c.fraction])).toEqual([
      ["甲", 40, "40/45"],
      ["乙", 35, "35/45"],
      ["丙", 30, "30/45"],
      ["丁", 15, "15/45"],
      ["戊", 10, "10/45"],
    ]);
    expect(r.rounds[1]!.quorum).toMatchObject({ valid: true, fraction: "16/20" });
    expect(r.finalists).toEqual(["甲", "丙"]);
    expect(r.flags).toEqual([]);
  });
  it("a round below quorum (15 of 20) stops the chain", () => {
    const r = runRounds(DEFAULT_POLICY, {
      ...input,
      rounds: [
        input.rounds[0]!,
        { ...input.rounds[1]!, attendees: 15, ballots: input.rounds[1]!.ballots.slice(0, 15) },
      ],
    });
    expect(r.rounds[1]!.quorum!.valid).toBe(false);
    expect(r.finalists).toEqual([]);
    expect(r.reviewRequired).toBe(true);
  });
  it("a last round keeping only one for one vacancy is no_competition", () => {
    const r = runRounds(DEFAULT_POLICY, {
      ...input,
      rounds: [
        input.rounds[0]!,
        {
          ...input.rounds[1]!,
          advance: 1,
          ballots: ballots([
            [9, ["甲"]],
            [7, ["丙"]],
          ]),
        },
      ],
    });
    expect(r.finalists).toEqual(["甲"]);
    expect(r.flags.map((f) => f.code)).toEqual(["no_competition"]);
  });
  it("a tie at a round's cut is flagged and the next round is not run", () => {
    const r = runRounds(DEFAULT_POLICY, {
      ...input,
      rounds: [
        {
          ...input.rounds[0]!,
          ballots: ballots([
            [20, ["甲", "乙", "丙"]],
            [20, ["甲", "乙", "丁"]],
            [5, ["戊"]],
          ]),
        },
        input.rounds[1]!,
      ],
    });
    expect(r.rounds[0]!.tally!.tied).toEqual(["丙", "丁"]);
    expect(r.rounds[1]!.status).toBe("not_run");
    expect(r.finalists).toEqual([]);
  });
});
