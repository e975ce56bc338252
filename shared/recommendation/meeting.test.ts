import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, tallyRecommendation, type Policy, type RecommendationInput } from "../index.ts";

type Ballots = RecommendationInput["ballots"];
/** n ballots of one voter type naming `names` for post P. */
const vote = (n: number, names: string[], voterType?: string): Ballots =>
  Array.from({ length: n }, () => ({ choices: { P: names }, ...(voterType ? { voterType } : {}) }));
const onePost = (
  candidates: string[],
  ballots: Ballots,
  more: Partial<RecommendationInput> = {},
): RecommendationInput => ({
  expected: 40,
  attendees: 40,
  posts: [{ key: "P", label: "办公室主任", vacancies: 1, candidates }],
  ballots,
  ...more,
});
const withRec = (rec: Partial<Policy["recommendation"]>): Policy => ({
  ...DEFAULT_POLICY,
  recommendation: { ...DEFAULT_POLICY.recommendation, ...rec },
});
const status = (r: ReturnType<typeof tallyRecommendation>) =>
  Object.fromEntries(r.posts[0]!.candidates.map((c) => [c.name, c.status]));

describe("quorum (五分之四) of a recommendation meeting", () => {
  const ballots = [...vote(20, ["A"]), ...vote(11, ["B"])];
  it("32 of 40 is valid (32 x 5 = 160 >= 40 x 4 = 160)", () => {
    const r = tallyRecommendation(DEFAULT_POLICY, onePost(["A", "B"], ballots, { attendees: 32 }));
    expect(r.quorum).toMatchObject({ valid: true, fraction: "32/40", percent: "80.00", threshold: "4/5" });
    expect(r.posts[0]!.shortlist).toEqual(["A", "B"]);
  });
  it("31 of 40 is not (155 < 160): no one is shortlisted, and the result says so", () => {
    const r = tallyRecommendation(DEFAULT_POLICY, onePost(["A", "B"], ballots, { attendees: 31 }));
    expect(r.quorum.valid).toBe(false);
    expect(r.meetingChecks.map((c) => c.code)).toEqual(["quorum_not_met"]);
    expect(r.posts[0]!.shortlist).toEqual([]);
    expect(status(r)).toEqual({ A: "meeting_invalid", B: "meeting_invalid" });
    expect(r.reviewRequired).toBe(true);
    expect(r.message["zh-CN"]).toContain("会议无效");
  });
});

describe("差额: A 21/40, B 19/40, one vacancy", () => {
  const ballots = [...vote(21, ["A"]), ...vote(19, ["B"])];
  it("extra 1 shortlists both (v + 1 = 2 places), no flag", () => {
    const r = tallyRecommendation(DEFAULT_POLICY, onePost(["A", "B"], ballots));
    const post = r.posts[0]!;
    expect(post.places).toBe(2);
    expect(post.shortlist).toEqual(["A", "B"]);
    expect(post.flags).toEqual([]);
    expect(post.candidates.map((c) => [c.name, c.fraction, c.percent])).toEqual([
      ["A", "21/40", "52.50"],
      ["B", "19/40", "47.50"],
    ]);
  });
  it("with concentrationMin 1/2 only A (21/40 >= 1/2; 19/40 < 1/2), flagged no_competition", () => {
    const r = tallyRecommendation(withRec({ concentrationMin: "1/2" }), onePost(["A", "B"], ballots));
    const post = r.posts[0]!;
    expect(post.shortlist).toEqual(["A"]);
    expect(status(r)).toEqual({ A: "shortlisted", B: "below_floor" });
    expect(post.flags.map((f) => f.code)).toEqual(["no_competition"]);
    expect(post.flags[0]!.message["zh-CN"]).toContain("等额-无差额");
    const floor = post.candidates[1]!.reasons.find((x) => x.rule === "concentration")!;
    expect(floor).toMatchObject({ fraction: "19/40", percent: "47.50", threshold: "1/2", fired: true });
  });
  it("a post with one vacancy and one candidate on the ballot is no_competition (等额)", () => {
    const r = tallyRecommendation(DEFAULT_POLICY, onePost(["A"], vote(40, ["A"])));
    expect(r.posts[0]!.flags.map((f) => f.code)).toEqual(["no_competition", "no_competition"]);
  });
});

describe("near_tie (nearTie 1/20 of 40 valid ballots = 2 votes)", () => {
  it("C 2 votes behind the last shortlisted place is flagged, D far behind is not", () => {
    // A 17, B 12, C 10, D 1: places 2; B is last shortlisted; 12 - 10 = 2 <= 2.
    const ballots = [...vote(17, ["A"]), ...vote(12, ["B"]), ...vote(10, ["C"]), ...vote(1, ["D"])];
    const r = tallyRecommendation(DEFAULT_POLICY, onePost(["A", "B", "C", "D"], ballots));
    const post = r.posts[0]!;
    expect(status(r)).toEqual({ A: "shortlisted", B: "shortlisted", C: "near_tie", D: "not_shortlisted" });
    expect(post.nearTie).toEqual(["C"]);
    const reason = post.candidates[2]!.reasons.find((x) => x.rule === "near_tie")!;
    expect(reason).toMatchObject({ fraction: "1/20", percent: "5.00", threshold: "1/20" });
    expect(reason.message["zh-CN"]).toContain("相差 2 票");
    expect(post.reviewRequired).toBe(true);
  });
  it("3 votes behind is not flagged (3/40 > 1/20)", () => {
    const ballots = [...vote(16, ["A"]), ...vote(13, ["B"]), ...vote(10, ["C"]), ...vote(1, ["D"])];
    const r = tallyRecommendation(DEFAULT_POLICY, onePost(["A", "B", "C", "D"], ballots));
    expect(status(r)).toEqual({ A: "shortlisted", B: "shortlisted", C: "not_shortlisted", D: "not_shortlisted" });
    expect(r.posts[0]!.flags).toEqual([]);
  });
  it("nearTie null switches the flag off", () => {
    const ballots = [...vote(17, ["A"]), ...vote(12, ["B"]), ...vote(10, ["C"]), ...vote(1, ["D"])];
    const r = tallyRecommendation(withRec({ nearTie: null }), onePost(["A", "B", "C", "D"], ballots));
    expect(status(r).C).toBe("not_shortlisted");
  });
});

describe("ties across the cut and holds", () => {
  it("B and C tie across place 2: both flagged, neither picked by row order", () => {
    const ballots = [...vote(20, ["A"]), ...vote(10, ["B"]), ...vote(10, ["C"])];
    const r = tallyRecommendation(DEFAULT_POLICY, onePost(["A", "B", "C"], ballots));
    const post = r.posts[0]!;
    expect(post.shortlist).toEqual(["A"]);
    expect(post.tied).toEqual(["B", "C"]);
    expect(post.flags.map((f) => f.code)).toEqual(["tie"]);
    expect(post.flags[0]!.message["zh-CN"]).toContain("并列待定");
  });
  it("a held candidate with the most votes is listed with the hold, not shortlisted; the next moves up", () => {
    const ballots = [...vote(22, ["A"]), ...vote(10, ["B"]), ...vote(8, ["C"])];
    const r = tallyRecommendation(
      DEFAULT_POLICY,
      onePost(["A", "B", "C"], ballots, {
        posts: [
          {
            key: "P",
            label: "办公室主任",
            vacancies: 1,
            candidates: ["A", "B", "C"],
            holds: [{ name: "A", reason: "信访举报核查中" }],
          },
        ],
      }),
    );
    const post = r.posts[0]!;
    expect(post.shortlist).toEqual(["B", "C"]);
    expect(status(r)).toEqual({ A: "held", B: "shortlisted", C: "shortlisted" });
    expect(post.candidates[0]).toMatchObject({ name: "A", votes: 22, fraction: "22/40", hold: "信访举报核查中" });
    expect(post.flags.map((f) => f.code)).toEqual(["hold"]);
    expect(post.flags[0]!.message["zh-CN"]).toContain("暂缓(核查中)");
  });
});

describe("ballots: validity per post, more ballots than attendees", () => {
  const input: RecommendationInput = {
    expected: 10,
    attendees: 4,
    posts: [
      { key: "P", label: "办公室主任", vacancies: 1, candidates: ["A", "B"] },
      { key: "Q", label: "财务科长", vacancies: 2, candidates: ["C", "D", "E"] },
    ],
    ballots: [
      { choices: { P: ["A"], Q: ["C", "D"] } },
      { choices: { P: ["A", "B"], Q: ["C"] } }, // row 3: too many for P, valid for Q
      { choices: { P: ["B"], Q: ["C", "C"] } }, // row 4: the same name twice for Q
      { choices: { P: [], Q: ["D", "E", "C"] } }, // row 5: blank for P, too many for Q
      { choices: { P: ["A"], Q: ["E"] } },
    ],
  };
  const policy: Policy = { ...DEFAULT_POLICY, quorum: "1/5" };
  const r = tallyRecommendation(policy, input);
  it("a ballot can be valid for one post and not another, each reported with its row and post", () => {
    expect(r.invalid.map((i) => [i.row, i.post, i.code])).toEqual([
      [3, "P", "too_many"],
      [4, "Q", "repeated_name"],
      [5, "P", "empty"],
      [5, "Q", "too_many"],
    ]);
    expect(r.posts.map((p) => p.validBallots)).toEqual([3, 3]);
    expect(r.invalid[0]!.message["zh-CN"]).toContain("第 3 行「办公室主任」");
  });
  it("5 ballots for 4 attendees make the meeting provisional", () => {
    expect(r.meetingChecks.map((c) => c.code)).toEqual(["ballots_exceed_attendees"]);
    expect(r.provisional).toBe(true);
    expect(r.reviewRequired).toBe(true);
  });
});

describe("voter types (推荐主体)", () => {
  it("a type with 2 valid ballots is withheld; one with 3 is shown", () => {
    const ballots = [...vote(2, ["A"], "领导班子成员"), ...vote(3, ["B"], "中层干部")];
    const r = tallyRecommendation(DEFAULT_POLICY, onePost(["A", "B"], ballots, { expected: 5, attendees: 5 }));
    const a = r.posts[0]!.candidates.find((c) => c.name === "A")!;
    expect(a.byType["领导班子成员"]).toEqual({ validBallots: 2, withheld: true });
    expect(a.byType["中层干部"]).toEqual({ votes: 0, validBallots: 3, fraction: "0/3", percent: "0.00" });
    expect(a.fraction).toBe("2/5"); // the withheld ballots still count
  });

  // Weights 0.3 / 0.3 / 0.4. Leaders 5 ballots (A 4, B 1), middle 10 (A 5, B 5), masses 20 (A 8, B 12).
  // A = 0.3*4/5 + 0.3*5/10 + 0.4*8/20 = 0.24 + 0.15 + 0.16 = 11/20; B = 0.06 + 0.15 + 0.24 = 9/20.
  // Unweighted B would lead (18/35 against 17/35).
  const weighted = withRec({
    voterTypes: {
      leader: { label: "领导班子成员", weight: 0.3 },
      middle: { label: "中层干部", weight: 0.3 },
      masses: { label: "群众代表", weight: 0.4 },
    },
  });
  const leaders = [...vote(4, ["A"], "领导班子成员"), ...vote(1, ["B"], "leader")];
  const middle = [...vote(5, ["A"], "中层干部"), ...vote(5, ["B"], "中层干部")];
  const masses = [...vote(8, ["A"], "群众代表"), ...vote(12, ["B"], "群众代表")];
  it("weighted shares for 3 types by hand: A 11/20, B 9/20", () => {
    const r = tallyRecommendation(
      weighted,
      onePost(["A", "B"], [...leaders, ...middle, ...masses], { expected: 35, attendees: 35 }),
    );
    const post = r.posts[0]!;
    expect(post.candidates.map((c) => [c.name, c.votes, c.share, c.sharePercent, c.rank])).toEqual([
      ["A", 17, "11/20", "55.00", 1],
      ["B", 18, "9/20", "45.00", 2],
    ]);
    expect(post.weights).toEqual({ leader: "3/10", masses: "2/5", middle: "3/10" });
  });
  it("an absent type's weight is shared out: without masses A 13/20, B 7/20", () => {
    const r = tallyRecommendation(
      weighted,
      onePost(["A", "B"], [...leaders, ...middle], { expected: 15, attendees: 15 }),
    );
    const post = r.posts[0]!;
    expect(post.candidates.map((c) => [c.name, c.share])).toEqual([
      ["A", "13/20"],
      ["B", "7/20"],
    ]);
    expect(post.weights).toEqual({ leader: "1/2", middle: "1/2" });
  });
  it("a ballot whose type is not the policy's is reported and not counted", () => {
    const r = tallyRecommendation(
      weighted,
      onePost(["A", "B"], [...leaders, ...vote(1, ["B"], "外单位")], { expected: 6, attendees: 6 }),
    );
    expect(r.invalid.map((i) => [i.row, i.code])).toEqual([[7, "unknown_voter_type"]]);
    expect(r.posts[0]!.validBallots).toBe(5);
  });
});
