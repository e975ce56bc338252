import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemOf, startStack, type Stack } from "./harness.ts";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ inMemory: true });
});
afterAll(async () => {
  await stack?.stop();
});

describe("POST /api/score", () => {
  it("scores cadres exactly per the spec and reports a bad row without dropping it", async () => {
    const same = (ballotId: string, raterGroup: string, cadreId: string, s: number | string, gradeVote: string) => ({
      ballotId,
      raterGroup,
      cadreId,
      morality: s,
      ability: s,
      diligence: s,
      achievement: s,
      integrity: s,
      gradeVote,
    });
    const res = await stack.call("assessor", "/score", {
      method: "POST",
      json: {
        cadres: [
          { cadreId: "C001", name: "张三", unit: "办公室", post: "principal" },
          { cadreId: "C002", name: "李四", unit: "办公室", post: "一般干部" },
        ],
        ballots: [
          same("1", "superior", "C001", 90, "称职"),
          same("2", "peer", "C001", 80, "称职"),
          same("3", "subordinate", "C001", 70, "称职"),
          same("4", "service", "C001", 100, "称职"),
          same("5", "上级领导", "C002", "好", "优秀"),
          same("6", "superior", "C002", "好", "优秀"),
          same("7", "superior", "C002", "好", "优秀"),
          { ...same("8", "superior", "C002", 80, "优秀"), integrity: 120 },
        ],
      },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    // Built-in default policy, version 1.
    expect(body.policy).toMatchObject({ id: "default", version: 1 });
    const [c1, c2] = body.cadres;
    // Each group has one ballot of equal dimension scores: S = .3*90 + .3*80 + .3*70 + .1*100 = 82.
    expect(c1).toMatchObject({
      cadreId: "C001",
      composite: 82,
      compositeExact: "82",
      rank: 2,
      renormalised: false,
      verdict: "fit",
      grade: "competent",
    });
    expect(c1.dimensions).toEqual({ morality: 82, ability: 82, diligence: 82, achievement: 82, integrity: 82 });
    // One ballot per group is below the privacy threshold of 3: breakdowns withheld.
    expect(c1.groups.superior).toEqual({ ballots: 1, withheld: true });
    // C002: three superior ballots of level 好 = 95 (row 9 is out of range and excluded); other groups absent.
    expect(c2).toMatchObject({ cadreId: "C002", composite: 95, rank: 1, rankInPost: 1, renormalised: true });
    expect(c2.groups.superior).toEqual({ ballots: 3, kept: 3, mean: 95 });
    expect(c2.votes).toEqual({ excellent: 3, competent: 0, basic: 0, incompetent: 0, blank: 0, n: 3 });
    expect(body.issues).toEqual([
      expect.objectContaining({ sheet: expect.any(String), row: 9, field: "integrity", code: "out_of_range" }),
    ]);
    expect(body.issues[0].message["zh-CN"]).toContain("第 9 行");
  });

  it("refuses a policy whose weights do not sum to 1, naming the post", async () => {
    const policy = (await (await stack.call("assessor", "/policies/default")).json()).policy;
    policy.posts.principal.weights.integrity = 0.2;
    const res = await stack.call("assessor", "/score", { method: "POST", json: { policy, cadres: [], ballots: [] } });
    expect(res.status).toBe(400);
    const p = await problemOf(res);
    expect(p.errors!.map((e) => e.pointer)).toContain("/policy/posts/principal/weights");
    const err = p.errors!.find((e) => e.pointer === "/policy/posts/principal/weights")!;
    expect(err.message["zh-CN"]).toContain("党政正职");
    expect(err.message.en).toContain("principal");
  });

  it("404s an unknown policy id or version", async () => {
    const a = await stack.call("assessor", "/score", {
      method: "POST",
      json: { policyId: "nope", cadres: [], ballots: [] },
    });
    expect(a.status).toBe(404);
    const b = await stack.call("assessor", "/score", {
      method: "POST",
      json: { policyId: "default", version: 99, cadres: [], ballots: [] },
    });
    expect(b.status).toBe(404);
    expect((await problemOf(b)).message!.en).toContain("version 99");
  });
});

describe("POST /api/rules/*", () => {
  it("verdict: one result per item, in order, with the two-thirds and one-third rules", async () => {
    const res = await stack.call("assessor", "/rules/verdict", {
      method: "POST",
      json: {
        items: [
          { excellent: 12, competent: 15, basic: 2, incompetent: 1, composite: 87.35 },
          { excellent: 0, competent: 5, basic: 3, incompetent: 2, composite: 80 },
          { excellent: 0, competent: 1, basic: 0, incompetent: 2, composite: 80 },
        ],
      },
    });
    expect(res.status).toBe(200);
    const { results } = await res.json();
    expect(results).toHaveLength(3);
    // 27/30 >= 2/3, 1/30 <= 1/3, 12/30 < 1/2 (not eligible for excellent), band 87.35 -> competent.
    expect(results[0]).toMatchObject({ n: 30, verdict: "fit", grade: "competent" });
    // 5/10 < 2/3: unfit for post, grade capped at basic, organisation must confirm.
    expect(results[1]).toMatchObject({ n: 10, verdict: "unfit_for_post", grade: "basic", reviewRequired: true });
    expect(results[1].reasons.find((r: { rule: string }) => r.rule === "competency")).toMatchObject({
      fraction: "5/10",
      fired: true,
    });
    // 2/3 incompetent > 1/3.
    expect(results[2]).toMatchObject({ n: 3, grade: "incompetent", verdict: "unfit_for_post" });
  });

  it("verdict with detail=brief answers only the ids of the rules that fired", async () => {
    const items = [
      { excellent: 0, competent: 5, basic: 3, incompetent: 2, composite: 80 },
      { excellent: 20, competent: 10, basic: 0, incompetent: 0, composite: 92, dimensions: { integrity: 59.99 } },
    ];
    const res = await stack.call("assessor", "/rules/verdict", { method: "POST", json: { items, detail: "brief" } });
    const { results } = await res.json();
    // 5/10 < 2/3 fires competency; 0/10 incompetent and 0/10 excellent (band 80 is not excellent) do not.
    expect(results[0]).toEqual({
      grade: "basic",
      verdict: "unfit_for_post",
      reviewRequired: true,
      provisional: false,
      n: 10,
      fired: ["competency"],
    });
    // 59.99 < 60: the integrity veto fires; 30/30 competent, 20/30 >= 1/2 eligible.
    expect(results[1]).toEqual({
      grade: "incompetent",
      verdict: "fit",
      reviewRequired: true,
      provisional: false,
      n: 30,
      fired: ["veto:integrity"],
    });
  });

  it("verdict: rejects an empty batch and one over 10,000 items with field paths", async () => {
    const empty = await stack.call("assessor", "/rules/verdict", { method: "POST", json: { items: [] } });
    expect(empty.status).toBe(400);
    expect((await problemOf(empty)).errors![0]!.pointer).toBe("/items");
    const item = { excellent: 1, competent: 0, basic: 0, incompetent: 0 };
    const many = await stack.call("assessor", "/rules/verdict", {
      method: "POST",
      json: { items: Array(10_001).fill(item) },
    });
    expect(many.status).toBe(400);
    const ok = await stack.call("assessor", "/rules/verdict", {
      method: "POST",
      json: { items: Array(10_000).fill(item) },
    });
    expect(ok.status).toBe(200);
    // A whole recalculation's answer is large: it travels gzipped when the caller accepts it (fetch does).
    expect(ok.headers.get("content-encoding")).toBe("gzip");
    expect((await ok.json()).results).toHaveLength(10_000);
  });

  it("quorum: 40 of 50 is exactly 4/5 and valid; 39 of 50 is not", async () => {
    const at = async (attendees: number) =>
      (await stack.call("assessor", "/rules/quorum", { method: "POST", json: { attendees, expected: 50 } })).json();
    expect(await at(40)).toMatchObject({ valid: true, fraction: "40/50", percent: "80.00", threshold: "4/5" });
    expect(await at(39)).toMatchObject({ valid: false, fraction: "39/50" });
  });

  it("quorum/batch: each meeting's finding, in request order, in one request", async () => {
    const res = await stack.call("assessor", "/rules/quorum/batch", {
      method: "POST",
      json: {
        items: [
          { attendees: 40, expected: 50 },
          { attendees: 39, expected: 50 },
          { attendees: 4, expected: 5 },
        ],
      },
    });
    expect(res.status).toBe(200);
    const { results } = await res.json();
    expect(results.map((r: { valid: boolean; fraction: string }) => [r.valid, r.fraction])).toEqual([
      [true, "40/50"],
      [false, "39/50"],
      [true, "4/5"],
    ]);
  });

  it("recommendation: one meeting, two posts; 差额 keeps A 21/40 and B 19/40 for one vacancy; an invalid ballot is reported", async () => {
    const ballots = [
      ...Array(21).fill({ voterType: "中层干部", choices: { P: ["A"], Q: ["C"] } }),
      ...Array(18).fill({ voterType: "群众代表", choices: { P: ["B"], Q: ["D"] } }),
      { voterType: "群众代表", choices: { P: ["B"], Q: ["C", "D"] } },
    ];
    const res = await stack.call("assessor", "/rules/recommendation", {
      method: "POST",
      json: {
        expected: 40,
        attendees: 40,
        posts: [
          { key: "P", label: "办公室主任", vacancies: 1, candidates: ["A", "B"] },
          { key: "Q", label: "财务科科长", vacancies: 1, candidates: ["C", "D"] },
        ],
        ballots,
      },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.quorum.valid).toBe(true);
    expect(body.posts[0].shortlist).toEqual(["A", "B"]);
    expect(body.posts[0].candidates.map((c: { fraction: string }) => c.fraction)).toEqual(["21/40", "19/40"]);
    // Row 41 names two for a one-vacancy post: not valid for 财务科科长 only.
    expect(body.invalid).toEqual([expect.objectContaining({ row: 41, post: "Q", code: "too_many" })]);
    expect(body.posts[1].validBallots).toBe(39);
    expect(body.posts[0].candidates[0].byType["中层干部"]).toEqual({
      votes: 21,
      validBallots: 21,
      fraction: "21/21",
      percent: "100.00",
    });
  });

  it("recommendation: a ballot naming a post the meeting does not have is refused with its field path", async () => {
    const res = await stack.call("assessor", "/rules/recommendation", {
      method: "POST",
      json: {
        expected: 10,
        attendees: 10,
        posts: [{ key: "P", label: "办公室主任", vacancies: 1, candidates: ["A", "B"] }],
        ballots: [{ choices: { P: ["A"] } }, { choices: { X: ["A"] } }],
      },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect((await problemOf(res)).errors!.map((e) => e.pointer)).toEqual(["/ballots/1/choices/X"]);
  });

  it("advance: rounds chained, each with its own quorum; a last round keeping one for one vacancy is no_competition", async () => {
    const round = (advance: number, attendees: number, names: string[][]) => ({
      advance,
      expected: 10,
      attendees,
      ballots: names.map((n) => ({ names: n })),
    });
    const res = await stack.call("assessor", "/rules/advance", {
      method: "POST",
      json: {
        post: "副局长",
        vacancies: 1,
        candidates: ["甲", "乙", "丙", "丁"],
        rounds: [
          // 8 present of 10 (40 >= 40): 甲 6, 乙 6, 丙 2, 丁 2 of 8 valid; the top 2 advance.
          round(2, 8, [...Array(6).fill(["甲", "乙"]), ...Array(2).fill(["丙", "丁"])]),
          round(1, 8, [["甲"]]),
        ],
      },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.rounds[0].tally.candidates.map((c: { name: string; votes: number }) => [c.name, c.votes])).toEqual([
      ["甲", 6],
      ["乙", 6],
      ["丙", 2],
      ["丁", 2],
    ]);
    expect(body.rounds[0].advanced).toEqual(["甲", "乙"]);
    expect(body.rounds[1].advanced).toEqual(["甲"]);
    expect(body.finalists).toEqual(["甲"]);
    expect(body.flags.map((f: { code: string }) => f.code)).toEqual(["no_competition"]);
  });

  it("decide: 8 members, 6 present; 5 yes approved, 4 not", async () => {
    const res = await stack.call("assessor", "/rules/decide", {
      method: "POST",
      json: {
        members: 8,
        attendees: 6,
        candidates: [
          { name: "甲", yes: 5, no: 1 },
          { name: "乙", yes: 4, no: 2 },
        ],
      },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.valid).toBe(true);
    expect(body.approved).toEqual(["甲"]);
    expect(body.candidates.map((c: { fraction: string }) => c.fraction)).toEqual(["5/8", "4/8"]);
  });
});

describe("bad requests", () => {
  it("malformed JSON is a 400 problem with a bilingual message, not a 500", async () => {
    const res = await stack.call("assessor", "/score", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"cadres": [',
    });
    expect(res.status).toBe(400);
    const p = await problemOf(res);
    expect(p.status).toBe(400);
    expect(p.message!["zh-CN"]).toContain("不是有效的 JSON");
    expect(p.message!.en).toContain("not valid JSON");
  });

  it("a body over the route's limit is 413", async () => {
    const res = await stack.call("assessor", "/rules/quorum", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ attendees: 1, expected: 1, pad: "x".repeat(70 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect((await problemOf(res)).message!.en).toContain("64 KiB");
  });

  it("wrong field types come back with their JSON pointers", async () => {
    const res = await stack.call("assessor", "/rules/quorum", {
      method: "POST",
      json: { attendees: "many", expected: 0 },
    });
    expect(res.status).toBe(400);
    const pointers = (await problemOf(res)).errors!.map((e) => e.pointer).sort();
    expect(pointers).toEqual(["/attendees", "/expected"]);
  });

  it("unknown routes are 404 and wrong methods 405, both problem+json", async () => {
    const a = await stack.call("assessor", "/nothing-here");
    expect(a.status).toBe(404);
    await problemOf(a);
    const b = await stack.call("assessor", "/score", { method: "GET" });
    expect(b.status).toBe(405);
    expect((await problemOf(b)).status).toBe(405);
  });
});

describe("CORS and health", () => {
  it("answers the add-in origin's preflight and ignores other origins", async () => {
    const ok = await fetch(`${stack.apiBase}/rules/verdict`, {
      method: "OPTIONS",
      headers: { Origin: stack.allowedOrigin, "Access-Control-Request-Method": "POST" },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe(stack.allowedOrigin);
    expect(ok.headers.get("access-control-allow-headers")).toContain("Authorization");
    const other = await fetch(`${stack.apiBase}/rules/verdict`, {
      method: "OPTIONS",
      headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "POST" },
    });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const get = await stack.call("hr", "/policies", { headers: { Origin: stack.allowedOrigin } });
    expect(get.headers.get("access-control-allow-origin")).toBe(stack.allowedOrigin);
  });

  it("health is public", async () => {
    const res = await fetch(`${stack.apiBase}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", storage: "ok" });
  });
});

describe("one route table", () => {
  it("the local host serves exactly the app.http registrations, which match the operation descriptors", async () => {
    // Imported after the stack started: the host's capture must be on before the operations register.
    const { OPERATIONS } = await import("../../functions/operations.ts");
    const served = new Map(stack.host.registrations.map((r) => [r.name, r]));
    for (const op of OPERATIONS) {
      const reg = served.get(op.name);
      expect(reg, op.name).toBeDefined();
      expect(reg!.route).toBe(op.route);
      expect(reg!.methods).toEqual([op.method]);
      expect(reg!.authLevel).toBe("anonymous");
    }
    // Plus the CORS preflight, which is not an API operation.
    expect([...served.keys()].sort()).toEqual([...OPERATIONS.map((o) => o.name), "preflight"].sort());
  });
});
