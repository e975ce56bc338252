/**
 * The input rules of spec sections 2, 3, 5 and 7 at their boundaries, on both sides. Every expected value is
 * worked by hand in the comment above it.
 */
import { describe, expect, it } from "vitest";
import {
  DEFAULT_POLICY,
  percentString,
  PolicySchema,
  ScoreRefusal,
  scoreWithIdentity,
  type BallotRow,
  type CadreRow,
  type Policy,
} from "../index.ts";
import {
  TEST_IDENTITY,
  ballots,
  cadre,
  policyWith,
  resultOf,
  run,
  singleGroupPolicy,
  uniformBallot,
  votes,
} from "../../test/fixtures/engine/builders.ts";

const fired = (r: ReturnType<typeof resultOf>) => r.reasons.filter((x) => x.fired).map((x) => x.rule);
const reason = (r: ReturnType<typeof resultOf>, rule: string) => r.reasons.find((x) => x.rule === rule);

describe("all-blank grade votes are judged when the form has a vote column (spec section 5)", () => {
  it("9 blank votes out of 9: (E + C)/n = 0/9 < 2/3 fires competency", () => {
    const r = resultOf(run(singleGroupPolicy(), [cadre("A")], votes("A", "all", 9, "")), "A");
    expect(reason(r, "competency")).toMatchObject({ fraction: "0/9", percent: "0.00", threshold: "2/3", fired: true });
    expect(r.verdict).toBe("unfit_for_post");
    expect(r.reviewRequired).toBe(true);
    // Band competent (80) capped at basic.
    expect(r.grade).toBe("basic");
  });

  it("6 competent and 3 blank of 9 is exactly 2/3 (6 x 3 = 18 = 9 x 2): not below, fit", () => {
    const rows = [...votes("A", "all", 6, "competent"), ...votes("A", "all", 3, "")];
    const r = resultOf(run(singleGroupPolicy(), [cadre("A")], rows), "A");
    expect(reason(r, "competency")).toMatchObject({ fraction: "6/9", percent: "66.67", fired: false });
    expect(r.verdict).toBe("fit");
  });

  it("5 competent and 4 blank of 9: 15 < 18, unfit", () => {
    const rows = [...votes("A", "all", 5, "competent"), ...votes("A", "all", 4, "")];
    const r = resultOf(run(singleGroupPolicy(), [cadre("A")], rows), "A");
    expect(reason(r, "competency")).toMatchObject({ fraction: "5/9", percent: "55.56", fired: true });
  });
});

describe("no_vote_column (spec section 2)", () => {
  const noVotes = (cadreId: string, n: number): BallotRow[] =>
    Array.from({ length: n }, (_, i) => {
      const b = uniformBallot(cadreId, "all", 80, null, `n${i}`);
      delete b.gradeVote;
      return b;
    });

  it("is refused when a vote rule is on and no ballot has a grade-vote field, naming the headers and the names", () => {
    const call = () =>
      scoreWithIdentity(singleGroupPolicy(), TEST_IDENTITY, {
        cadres: [cadre("A")],
        ballots: noVotes("A", 3),
        sheets: { cadres: "干部名单", ballots: "测评票" },
        ballotHeaders: ["票号", "测评主体", "编号", "德", "能", "勤", "绩", "廉", "评语"],
      });
    expect(call).toThrow(ScoreRefusal);
    try {
      call();
    } catch (e) {
      const refusal = e as ScoreRefusal;
      expect(refusal.code).toBe("no_vote_column");
      expect(refusal.bilingual["zh-CN"]).toContain("「测评票」没有等次票列");
      expect(refusal.bilingual["zh-CN"]).toContain("「评语」");
      expect(refusal.bilingual["zh-CN"]).toContain("等次、测评等次、评定等次、等级、总体评价");
      expect(refusal.bilingual.en).toContain("--no-votes");
    }
  });

  it("is refused when the reader says the form has no column, even if rows were given", () => {
    expect(() =>
      scoreWithIdentity(singleGroupPolicy(), TEST_IDENTITY, {
        cadres: [cadre("A")],
        ballots: votes("A", "all", 3, null),
        voteColumn: false,
      }),
    ).toThrow(ScoreRefusal);
  });

  it("with gradeVotes false no vote rule runs and every result says so; the band decides", () => {
    const result = scoreWithIdentity(singleGroupPolicy(), TEST_IDENTITY, {
      cadres: [cadre("A")],
      ballots: noVotes("A", 3),
      gradeVotes: false,
    });
    const r = resultOf(result, "A");
    expect(r.reasons.map((x) => x.rule)).not.toContain("competency");
    expect(reason(r, "votes_not_asked")).toMatchObject({ fired: false });
    expect(reason(r, "votes_not_asked")!.message["zh-CN"]).toContain("未执行得票规则");
    expect(r.verdict).toBe("fit");
    expect(r.grade).toBe("competent");
  });

  it("is not refused when every vote rule is switched off", () => {
    const policy = singleGroupPolicy({ voteRules: { competentMin: null, incompetentMax: null, excellentMin: null } });
    const r = resultOf(run(policy, [cadre("A")], noVotes("A", 3)), "A");
    expect(r.grade).toBe("competent");
  });
});

describe("meeting checks (spec section 3)", () => {
  it("5 attendees and 5 valid ballots is fine; 6 ballots is ballots_exceed_attendees", () => {
    const five = resultOf(
      run(singleGroupPolicy(), [cadre("A", "principal", { attendees: 5 })], votes("A", "all", 5, "competent")),
      "A",
    );
    expect(fired(five)).not.toContain("ballots_exceed_attendees");
    expect(five.provisional).toBe(false);
    expect(five.reviewRequired).toBe(false);

    const six = resultOf(
      run(singleGroupPolicy(), [cadre("A", "principal", { attendees: 5 })], votes("A", "all", 6, "competent")),
      "A",
    );
    expect(reason(six, "ballots_exceed_attendees")).toMatchObject({ fraction: "6/5", fired: true });
    expect(reason(six, "ballots_exceed_attendees")!.percent).toBeUndefined();
    expect(reason(six, "ballots_exceed_attendees")!.message["zh-CN"]).toContain("有效测评票 6 张多于实到 5 人");
    expect(six.provisional).toBe(true);
    expect(six.reviewRequired).toBe(true);
  });

  it("32 of 40 attendees is a quorum (32 x 5 = 160 = 40 x 4); 31 is quorum_not_met (155 < 160)", () => {
    const rows = votes("A", "all", 5, "competent");
    const at = (attendees: number) =>
      resultOf(run(singleGroupPolicy(), [cadre("A", "principal", { attendees, expected: 40 })], rows), "A");
    expect(fired(at(32))).not.toContain("quorum_not_met");
    expect(at(32).provisional).toBe(false);
    const below = at(31);
    expect(reason(below, "quorum_not_met")).toMatchObject({ fraction: "31/40", threshold: "4/5", fired: true });
    expect(below.provisional).toBe(true);
    expect(below.reviewRequired).toBe(true);
  });

  it("the meeting's counts (CLI flags, API fields) apply to every cadre of that meeting", () => {
    const result = scoreWithIdentity(singleGroupPolicy(), TEST_IDENTITY, {
      cadres: [cadre("A"), cadre("B")],
      ballots: [...votes("A", "all", 3, "competent"), ...votes("B", "all", 3, "competent")],
      meeting: { attendees: 31, expected: 40 },
    });
    for (const c of result.cadres) {
      expect(fired(c)).toContain("quorum_not_met");
      expect(c.provisional).toBe(true);
    }
  });

  it("40 attendees of 40 expected is fine; 41 is attendance_exceeds_expected", () => {
    const rows = votes("A", "all", 3, "competent");
    const at = (attendees: number) =>
      resultOf(run(singleGroupPolicy(), [cadre("A", "principal", { attendees, expected: 40 })], rows), "A");
    expect(fired(at(40))).toEqual(["band"]);
    expect(reason(at(41), "attendance_exceeds_expected")).toMatchObject({ fraction: "41/40", fired: true });
    expect(at(41).reviewRequired).toBe(true);
  });

  it("40 returned of 40 issued is fine; 41 is returned_exceeds_issued", () => {
    const rows = votes("A", "all", 3, "competent");
    const at = (returned: number) =>
      resultOf(run(singleGroupPolicy(), [cadre("A", "principal", { issued: 40, returned })], rows), "A");
    expect(fired(at(40))).toEqual(["band"]);
    expect(reason(at(41), "returned_exceeds_issued")).toMatchObject({ fraction: "41/40", fired: true });
    expect(at(41).provisional).toBe(true);
  });

  it("never shows a share above 100 %: 6 competent votes on a base of 5 attendees is 6/5 with no percent", () => {
    const policy = singleGroupPolicy({ voteRules: { ...DEFAULT_POLICY.voteRules, base: "attendees" } });
    const r = resultOf(
      run(policy, [cadre("A", "principal", { attendees: 5 })], votes("A", "all", 6, "competent")),
      "A",
    );
    const competency = reason(r, "competency")!;
    expect(competency.fraction).toBe("6/5");
    expect(competency.percent).toBeUndefined();
    expect(competency.message["zh-CN"]).not.toContain("120");
    expect(competency.message["zh-CN"]).toContain("多于基数");
  });
});

describe("voteRules.base: attendees and expected are different counts (spec section 5)", () => {
  // 20 competent + 10 basic ballots; 实到 30, 应到 40. On 30: 20 x 3 = 60 = 30 x 2, not below 2/3.
  // On 40: 60 < 80, below: unfit. A mix-up of the two counts flips the verdict either way.
  const rows = [...votes("A", "all", 20, "competent"), ...votes("A", "all", 10, "basic")];
  const withBase = (base: "attendees" | "expected") =>
    resultOf(
      run(
        singleGroupPolicy({ voteRules: { ...DEFAULT_POLICY.voteRules, base } }),
        [cadre("A", "principal", { attendees: 30, expected: 40 })],
        rows,
      ),
      "A",
    );

  it("base attendees: 20/30 = 2/3 exactly, fit", () => {
    const r = withBase("attendees");
    expect(reason(r, "competency")).toMatchObject({ fraction: "20/30", percent: "66.67", fired: false });
    expect(r.verdict).toBe("fit");
  });

  it("base expected: 20/40 < 2/3, unfit", () => {
    const r = withBase("expected");
    expect(reason(r, "competency")).toMatchObject({ fraction: "20/40", percent: "50.00", fired: true });
    expect(r.verdict).toBe("unfit_for_post");
  });
});

describe("rank by the exact composite (spec section 4.6)", () => {
  it("89.991 and 89.994 both show 89.99 but rank 2 and 1", () => {
    // Principal weights .25 .2 .15 .3 .1, one ballot each (no trimming), one group (renormalised).
    // A: all 90 but diligence 89.94: 90 - 0.15 x 0.06 = 89.991. B: all 90 but ability 89.97: 90 - 0.2 x 0.03 = 89.994.
    const a: BallotRow = { ...uniformBallot("A", "superior", 90, "competent", "a1"), diligence: 89.94 };
    const b: BallotRow = { ...uniformBallot("B", "superior", 90, "competent", "b1"), ability: 89.97 };
    const result = run(policyWith({ excellentQuota: null }), [cadre("A"), cadre("B")], [a, b]);
    const [A, B] = [resultOf(result, "A"), resultOf(result, "B")];
    expect(A.compositeExact).toBe("89991/1000");
    expect(B.compositeExact).toBe("44997/500");
    expect([A.composite, B.composite]).toEqual([89.99, 89.99]);
    expect([A.rank, B.rank]).toEqual([2, 1]);
    expect([A.rankInPost, B.rankInPost]).toEqual([2, 1]);
  });

  it("equal exact composites share a rank (competition ranking 1, 1)", () => {
    const result = run(
      singleGroupPolicy(),
      [cadre("A"), cadre("B")],
      [...ballots("A", "all", [85]), ...ballots("B", "all", [85])],
    );
    expect(result.cadres.map((c) => c.rank)).toEqual([1, 1]);
  });
});

describe("share texts round half up once (spec section 5)", () => {
  it("1/32 = 3.125 % shows 3.13 (an exact tie rounds up); 1/3 = 33.333 % shows 33.33; 2/3 shows 66.67", () => {
    expect(percentString(1, 32)).toBe("3.13");
    expect(percentString(1n, 32n)).toBe("3.13");
    expect(percentString(1, 3)).toBe("33.33");
    expect(percentString(2, 3)).toBe("66.67");
  });

  it("a cadre with 1 incompetent vote of 32 shows 3.13 in its reason", () => {
    const rows = [...votes("A", "all", 31, "competent"), ...votes("A", "all", 1, "incompetent")];
    const r = resultOf(run(singleGroupPolicy(), [cadre("A")], rows), "A");
    expect(reason(r, "incompetent_share")).toMatchObject({ fraction: "1/32", percent: "3.13", fired: false });
  });
});

describe("excellentQuota: null switches the quota off (spec section 7)", () => {
  const four = (policy: Policy) =>
    run(
      policy,
      ["A", "B", "C", "D"].map((id) => cadre(id)),
      ["A", "B", "C", "D"].flatMap((id) => votes(id, "all", 3, "excellent", 95)),
    );

  it("is a valid policy (no 'required field' message) and lets all four excellent cadres stay excellent", () => {
    const parsed = PolicySchema.safeParse({ ...structuredClone(DEFAULT_POLICY), excellentQuota: null });
    expect(parsed.success).toBe(true);
    const result = four(singleGroupPolicy({ excellentQuota: null }));
    expect(result.cadres.map((c) => c.grade)).toEqual(["excellent", "excellent", "excellent", "excellent"]);
    expect(result.cadres.flatMap((c) => c.reasons.map((x) => x.rule))).not.toContain("quota");
  });

  it("with the default quota 1/4 of 4 = 1 place the four tied cadres are a quota tie", () => {
    const result = four(
      singleGroupPolicy({ excellentQuota: { share: "1/4", scope: "assessment", rounding: "floor" } }),
    );
    expect(result.cadres.map((c) => c.grade)).toEqual(["quota_tie", "quota_tie", "quota_tie", "quota_tie"]);
  });
});

describe("unknown_cadre suggests the listed id (spec section 3)", () => {
  const cadres: CadreRow[] = [cadre("C003")];
  it("an id differing only by spaces and case: did you mean C003", () => {
    const result = run(singleGroupPolicy(), cadres, [uniformBallot("c 003", "all", 80, "competent")]);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]!.code).toBe("unknown_cadre");
    expect(result.issues[0]!.message["zh-CN"]).toContain("是否应为「C003」");
    expect(result.issues[0]!.message.en).toContain('did you mean "C003"');
  });

  it("full-width characters are the same id already (no issue); an unrelated id gets no suggestion", () => {
    expect(run(singleGroupPolicy(), cadres, [uniformBallot("Ｃ００３", "all", 80, "competent")]).issues).toEqual([]);
    const other = run(singleGroupPolicy(), cadres, [uniformBallot("C004", "all", 80, "competent")]);
    expect(other.issues[0]!.message["zh-CN"]).not.toContain("是否应为");
  });
});

describe("traditional spellings mean the same label (spec section 2)", () => {
  it("稱職 is 称职, 同級 is 同级, 黨政正職 is 党政正职", () => {
    const policy = policyWith({ excellentQuota: null });
    const rows: BallotRow[] = [1, 2, 3].map((i) => ({
      ...uniformBallot("A", "同級", 80, null, `t${i}`),
      gradeVote: "稱職",
    }));
    const result = run(policy, [{ ...cadre("A"), post: "黨政正職" }], rows);
    expect(result.issues).toEqual([]);
    const r = resultOf(result, "A");
    expect(r.post).toBe("principal");
    expect(r.votes).toEqual({ excellent: 0, competent: 3, basic: 0, incompetent: 0, blank: 0, n: 3 });
    expect(Object.keys(r.groups)).toEqual(["peer"]);
  });
});
