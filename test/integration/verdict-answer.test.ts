/**
 * Issue 13, part 3: /api/rules/verdict writes its answer item by item without a response parse. What a user
 * (and a client validating the contract) checks: every rule's reason, worked out by hand from spec section 5
 * and the default policy (vote rules 2/3, 1/3, 1/2 of the ballots; bands 90 / 75 / 60; vetoes on 廉 and 德
 * below 60), and an answer that is exactly what the response schema accepts, byte for byte.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VerdictResponseSchema, type Policy } from "../../shared/index.ts";
import { startStack, type Stack } from "./harness.ts";

let stack: Stack;
let defaultPolicy: Policy;
beforeAll(async () => {
  stack = await startStack({ inMemory: true });
  defaultPolicy = (await (await stack.call("assessor", "/policies/default")).json()).policy;
});
afterAll(async () => {
  await stack?.stop();
});

const post = (json: unknown, headers: Record<string, string> = {}) =>
  stack.call("assessor", "/rules/verdict", { method: "POST", json, headers });

/** The answer's text is exactly JSON.stringify of what the response schema makes of it: same keys, same order. */
function expectSchemaShaped(text: string) {
  expect(text).toBe(JSON.stringify(VerdictResponseSchema.parse(JSON.parse(text))));
}

// 6 excellent, 3 competent, 1 basic of 10; 廉 59.99 (below 60: veto), 德 60 (not below 60); composite 88.
const VETOED = {
  excellent: 6,
  competent: 3,
  basic: 1,
  incompetent: 0,
  composite: 88,
  dimensions: { morality: 60, integrity: 59.99 },
};
// 0 excellent, 2 competent, 3 basic, 5 incompetent of 10, a disciplinary finding, composite 95.
const FAILING = { excellent: 0, competent: 2, basic: 3, incompetent: 5, composite: 95, disciplinary: true };
// No grade votes at all and no composite.
const EMPTY = { excellent: 0, competent: 0, basic: 0, incompetent: 0 };

describe("issue 13 part 3: the verdict answer, written item by item", () => {
  it("gives every rule's reason as worked out by hand, in request order", async () => {
    const res = await post({ policyId: "default", items: [VETOED, FAILING, EMPTY] });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const text = await res.text();
    expectSchemaShaped(text);
    const answer = JSON.parse(text);
    expect(answer.policy).toMatchObject({ id: "default", version: 1 });
    const [vetoed, failing, empty] = answer.results;

    // 9/10 >= 2/3 and 0/10 <= 1/3: neither vote rule fires; 6/10 >= 1/2: eligible. 88 is in the 称职 band (75 to
    // 90), but 廉 59.99 < 60 vetoes it down to 不称职 (the verdict stays fit: only the 2/3 rule makes it unfit).
    expect(vetoed).toMatchObject({
      grade: "incompetent",
      verdict: "fit",
      reviewRequired: true,
      provisional: false,
      n: 10,
      fired: ["veto:integrity"],
    });
    expect(vetoed.reasons.map((r: { rule: string; fired: boolean }) => [r.rule, r.fired])).toEqual([
      ["competency", false],
      ["incompetent_share", false],
      ["excellent_eligibility", false],
      ["veto:integrity", true],
      ["veto:morality", false],
      ["band", true],
    ]);
    expect(vetoed.reasons[0]).toEqual({
      rule: "competency",
      fraction: "9/10",
      percent: "90.00",
      threshold: "2/3",
      fired: false,
      message: {
        "zh-CN": "优秀和称职票 9/10（90.00%）达到 2/3",
        en: "Excellent + competent votes 9/10 (90.00%) reach 2/3",
      },
    });
    expect(vetoed.reasons[1]).toMatchObject({ fraction: "0/10", percent: "0.00", threshold: "1/3" });
    expect(vetoed.reasons[2]).toMatchObject({ fraction: "6/10", percent: "60.00", threshold: "1/2" });
    expect(vetoed.reasons[3]).toMatchObject({ value: 59.99, threshold: "60" });
    expect(vetoed.reasons[3].message["zh-CN"]).toContain("59.99");
    expect(vetoed.reasons[4]).toMatchObject({ value: 60, threshold: "60" });
    expect(vetoed.reasons[5]).toMatchObject({ value: 88, threshold: "75" });

    // 2/10 < 2/3: unfit, at most 基本称职; 5/10 > 1/3: 不称职; 0/10 < 1/2 holds back the 优秀 band (95 >= 90);
    // the disciplinary finding vetoes too.
    expect(failing).toMatchObject({
      grade: "incompetent",
      verdict: "unfit_for_post",
      reviewRequired: true,
      provisional: false,
      n: 10,
      fired: ["competency", "incompetent_share", "excellent_eligibility", "disciplinary"],
    });
    expect(failing.reasons[0]).toMatchObject({ fraction: "2/10", percent: "20.00", fired: true });
    expect(failing.reasons[1]).toMatchObject({ fraction: "5/10", percent: "50.00", fired: true });
    expect(failing.reasons[2]).toMatchObject({ fraction: "0/10", percent: "0.00", fired: true });
    expect(failing.reasons.at(-1)).toMatchObject({ rule: "band", value: 95, threshold: "90" });

    // No votes and no composite: no vote rule can be applied, no grade is proposed.
    expect(empty).toEqual({
      grade: null,
      verdict: "fit",
      reviewRequired: false,
      provisional: false,
      n: 0,
      fired: [],
      reasons: [{ rule: "no_grade_votes", fired: false, message: expect.any(Object) }],
    });
    expect(empty.reasons[0].message["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
  });

  it("brief answers carry only the fired rules; a policy counting attendees without them is provisional", async () => {
    const brief = await post({ items: [VETOED, FAILING], detail: "brief" });
    const text = await brief.text();
    expectSchemaShaped(text);
    expect(JSON.parse(text).results).toEqual([
      {
        grade: "incompetent",
        verdict: "fit",
        reviewRequired: true,
        provisional: false,
        n: 10,
        fired: ["veto:integrity"],
      },
      {
        grade: "incompetent",
        verdict: "unfit_for_post",
        reviewRequired: true,
        provisional: false,
        n: 10,
        fired: ["competency", "incompetent_share", "excellent_eligibility", "disciplinary"],
      },
    ]);

    // Shares of the attendees: 9/12 >= 2/3 and 6/12 >= 1/2 with 12 attendees; without them, provisional.
    const policy = { ...defaultPolicy, voteRules: { ...defaultPolicy.voteRules, base: "attendees" } };
    const inline = await post({ policy, items: [{ ...VETOED, attendees: 12 }, VETOED] });
    const inlineText = await inline.text();
    expect(inline.status).toBe(200);
    expectSchemaShaped(inlineText);
    const [counted, missing] = JSON.parse(inlineText).results;
    expect(counted).toMatchObject({ n: 12, provisional: false });
    expect(counted.reasons[0]).toMatchObject({ rule: "competency", fraction: "9/12", percent: "75.00" });
    expect(counted.reasons[2]).toMatchObject({ rule: "excellent_eligibility", fraction: "6/12", fired: false });
    expect(missing).toMatchObject({ n: 10, provisional: true });
    expect(missing.reasons[0]).toMatchObject({ rule: "vote_base", fired: true });
    expect(missing.fired).toEqual(["vote_base", "veto:integrity"]);
  });

  it("a large answer is gzipped when asked and unpacks to the same text", async () => {
    const items = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? VETOED : i % 3 === 1 ? FAILING : EMPTY));
    const plain = await post({ items }, { "Accept-Encoding": "identity" });
    expect(plain.headers.get("content-encoding")).toBeNull();
    const plainText = await plain.text();
    expectSchemaShaped(plainText);
    const zipped = await post({ items }, { "Accept-Encoding": "gzip" });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(await zipped.text()).toBe(plainText);
    const results = JSON.parse(plainText).results;
    expect(results).toHaveLength(200);
    expect(results[199].grade).toBe(results[1].grade);
    expect(results[198]).toEqual(results[0]);
  });

  it("every item comes back once, in order, whatever the batch size (the answer is written 64 items at a time)", async () => {
    for (const size of [63, 64, 65, 128, 129]) {
      // Item i has i excellent votes of 200: its n is 200 and its first reason's fraction is "i/200" (E + C = i).
      const items = Array.from({ length: size }, (_, i) => ({
        excellent: i,
        competent: 0,
        basic: 200 - i,
        incompetent: 0,
      }));
      const text = await (await post({ items })).text();
      expectSchemaShaped(text);
      const results = JSON.parse(text).results;
      expect(results.map((r: { reasons: { fraction: string }[] }) => r.reasons[0]!.fraction)).toEqual(
        items.map((_, i) => `${i}/200`),
      );
    }
  });
});
