/** POST /api/score and the input rules of spec sections 2 and 3: gradeVotes, meeting counts, no_vote_column. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssessmentResult } from "../../shared/index.ts";
import { problemOf, startStack, type Stack } from "./harness.ts";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ inMemory: true });
});
afterAll(async () => {
  await stack?.stop();
});

/** Three superior ballots scoring 80 everywhere; with `vote` the ballot carries the grade-vote field. */
const ballots = (vote?: string | null) =>
  ["1", "2", "3"].map((ballotId) => ({
    ballotId,
    raterGroup: "superior",
    cadreId: "C001",
    morality: 80,
    ability: 80,
    diligence: 80,
    achievement: 80,
    integrity: 80,
    ...(vote === undefined ? {} : { gradeVote: vote }),
  }));
const cadres = [{ cadreId: "C001", name: "张三", unit: "办公室", post: "principal" }];
const score = (json: unknown) => stack.call("assessor", "/score", { method: "POST", json });

describe("POST /api/score: the grade-vote column", () => {
  it("refuses ballots without any gradeVote field (422 no-vote-column, bilingual, at /ballots)", async () => {
    const res = await score({ cadres, ballots: ballots() });
    expect(res.status).toBe(422);
    const p = await problemOf(res);
    expect(p.type).toMatch(/no-vote-column$/);
    expect(p.message!["zh-CN"]).toContain("没有等次票列");
    expect(p.message!.en).toContain('"gradeVotes": false');
    expect(p.errors![0]!.pointer).toBe("/ballots");
  });

  it('scores them with "gradeVotes": false, every result saying the vote rules were not evaluated', async () => {
    const res = await score({ cadres, ballots: ballots(), gradeVotes: false });
    expect(res.status).toBe(200);
    const c = ((await res.json()) as AssessmentResult).cadres[0]!;
    expect(c.reasons.map((r) => r.rule)).toContain("votes_not_asked");
    expect(c.verdict).toBe("fit");
  });

  it("judges three blank votes: 0/3 < 2/3, unfit", async () => {
    const res = await score({ cadres, ballots: ballots(null) });
    expect(res.status).toBe(200);
    const c = ((await res.json()) as AssessmentResult).cadres[0]!;
    expect(c.reasons.find((r) => r.rule === "competency")).toMatchObject({ fraction: "0/3", fired: true });
    expect(c.verdict).toBe("unfit_for_post");
  });
});

describe("POST /api/score: meeting counts", () => {
  it("31 of 40 attendees for the meeting is quorum_not_met; the cadre's own 发出/收回 are checked too", async () => {
    const res = await score({
      cadres: [{ ...cadres[0], issued: 40, returned: 41 }],
      ballots: ballots("称职"),
      meeting: { attendees: 31, expected: 40 },
    });
    expect(res.status).toBe(200);
    const c = ((await res.json()) as AssessmentResult).cadres[0]!;
    const fired = c.reasons.filter((r) => r.fired).map((r) => r.rule);
    expect(fired).toEqual(expect.arrayContaining(["quorum_not_met", "returned_exceeds_issued"]));
    expect(c).toMatchObject({ provisional: true, reviewRequired: true });
  });

  it("refuses a negative count with the field path", async () => {
    const res = await score({ cadres, ballots: ballots("称职"), meeting: { issued: -1 } });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors![0]!.pointer).toBe("/meeting/issued");
  });
});
