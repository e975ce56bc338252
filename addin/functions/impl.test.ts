import { afterEach, describe, expect, it } from "vitest";
import {
  DEFAULT_POLICY,
  checkQuorum,
  parseFraction,
  policyIdentity,
  verdictBatch,
  type VerdictItem,
} from "../../shared/index.ts";
import { ApiClient } from "../api/client.ts";
import { createRulesService } from "../api/rules.ts";
import { createCustomFunctions } from "./impl.ts";
import type { Lang } from "../i18n/index.ts";
import { startStubServer, type StubServer } from "../../test/addin/stub-server.ts";

/** What Excel would show for CustomFunctions.Error: tagged so the test can tell it from a value. */
const fail = (message: string) => ({ excel: "#VALUE!", message });

let server: StubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function functionsAgainst(url: string, timeoutMs = 5000, lang: Lang = "zh-CN") {
  const client = new ApiClient({ baseUrl: url, token: "t" });
  const rules = createRulesService({
    client,
    policy: () => ({ policy: DEFAULT_POLICY, published: false }),
    timeoutMs,
    windowMs: 10,
  });
  return { client, fns: createCustomFunctions({ rules, policy: () => DEFAULT_POLICY, lang: () => lang, fail }) };
}

/** The competency rule worked by hand: unfit iff (E + C) / n < 2/3, i.e. 3 (E + C) < 2 n; no ballots, no verdict. */
const expectedVerdict = (e: number, c: number, b: number, i: number) => {
  const n = e + c + b + i;
  if (n === 0) return "无测评票";
  return 3 * (e + c) < 2 * n ? "不胜任现职" : "胜任现职";
};

const verdictServer = async () => {
  const identity = await policyIdentity(DEFAULT_POLICY);
  return startStubServer(({ path, body }) => {
    if (path === "/api/rules/verdict") {
      const items = (body as { items: VerdictItem[] }).items;
      return { status: 200, body: { policy: identity, results: verdictBatch(DEFAULT_POLICY, items) } };
    }
    return { status: 404, body: { type: "about:blank", title: "Not Found", status: 404 } };
  });
};

describe("KAOPING.VERDICT batching", () => {
  it("sends 1,000 calls of one recalculation as at most 2 requests, each cell getting its own verdict", async () => {
    server = await verdictServer();
    const { fns } = functionsAgainst(server.url);
    const args = Array.from({ length: 1000 }, (_, k) => [k % 10, k % 7, k % 5, k % 3] as const);
    const cells = await Promise.all(args.map(([e, c, b, i]) => fns.VERDICT(e, c, b, i)));

    expect(server.requests.filter((r) => r.path === "/api/rules/verdict").length).toBeLessThanOrEqual(2);
    expect(server.requests.length).toBeLessThanOrEqual(2);
    // A few worked by hand (k -> E,C,B,I = k%10, k%7, k%5, k%3):
    expect(cells[0]).toBe("无测评票"); // 0,0,0,0: no ballots, nothing to decide
    expect(cells[1]).toBe("不胜任现职"); // 1,1,1,1: 2/4 < 2/3
    expect(cells[4]).toBe("不胜任现职"); // 4,4,4,1: 8/13 < 2/3
    expect(cells[5]).toBe("胜任现职"); // 5,5,0,2: 10/12 >= 2/3
    expect(cells[9]).toBe("胜任现职"); // 9,2,4,0: 11/15 >= 2/3
    cells.forEach((cell, k) => expect(cell).toBe(expectedVerdict(...args[k]!)));
    // Every item with a grade vote reached the server exactly once, in the caller's order; the 5 cells with no votes
    // at all (k = 0, 210, 420, 630, 840: multiples of 10, 7, 5 and 3) need no server to say so.
    const sent = server.requests.flatMap((r) => (r.body as { items: VerdictItem[] }).items);
    expect(sent).toHaveLength(995);
    expect(sent[8]).toMatchObject({ excellent: 9, competent: 2, basic: 4, incompetent: 0 });
  });
});

describe("KAOPING.QUORUM batching", () => {
  it("sends 1,000 calls of one recalculation as at most 2 requests, each cell getting its own finding", async () => {
    const identity = await policyIdentity(DEFAULT_POLICY);
    const threshold = parseFraction(DEFAULT_POLICY.quorum)!;
    server = await startStubServer(({ path, body }) => {
      if (path !== "/api/rules/quorum/batch")
        return { status: 404, body: { type: "about:blank", title: "Not Found", status: 404 } };
      const items = (body as { items: { attendees: number; expected: number }[] }).items;
      return {
        status: 200,
        body: { policy: identity, results: items.map((q) => checkQuorum(q.attendees, q.expected, threshold)) },
      };
    });
    const { fns } = functionsAgainst(server.url);
    const args = Array.from({ length: 1000 }, (_, k) => [30 + (k % 21), 50] as const);
    const cells = await Promise.all(args.map(([a, e]) => fns.QUORUM(a, e)));
    expect(server.requests.length).toBeLessThanOrEqual(2);
    expect(server.requests.every((r) => r.path === "/api/rules/quorum/batch")).toBe(true);
    // Four fifths of 50 is 40, worked by hand: 40 * 5 = 200 >= 50 * 4 is valid, 39 * 5 = 195 is not.
    cells.forEach((cell, k) => expect(cell).toBe(args[k]![0] >= 40 ? "会议有效" : "会议无效"));
    expect(cells[10]).toBe("会议有效"); // 40 of 50
    expect(cells[9]).toBe("会议无效"); // 39 of 50
  });
});

describe("KAOPING.VERDICT and QUORUM never leave a cell busy", () => {
  it("settles every call with a provisional local verdict when the service never answers", async () => {
    server = await startStubServer(() => "hang");
    const { fns, client } = functionsAgainst(server.url, 300);
    const cells = await Promise.all([
      fns.VERDICT(2, 3, 4, 1),
      fns.VERDICT(10, 5, 0, 0),
      fns.VERDICT(6, 4, 5, 0),
      fns.QUORUM(40, 50),
      fns.QUORUM(39, 50),
    ]);
    // 5/10 < 2/3 unfit; 15/15 fit; 10/15 = 2/3 exactly: not below, fit. 40*5 = 200 >= 50*4: valid; 39*5 = 195 < 200: not valid.
    expect(cells).toEqual([
      "不胜任现职（暂定）",
      "胜任现职（暂定）",
      "胜任现职（暂定）",
      "会议有效（暂定）",
      "会议无效（暂定）",
    ]);
    expect(client.connectivity).toBe("offline");
  });

  it("falls back when nothing listens (offline), in English when Office shows English", async () => {
    server = await startStubServer(() => ({ status: 200, body: {} }));
    const url = server.url;
    await server.close();
    server = undefined;
    const { fns, client } = functionsAgainst(url, 2000, "en");
    expect(await fns.VERDICT(1, 1, 1, 1)).toBe("Unfit for post (provisional)");
    expect(await fns.QUORUM(4, 5)).toBe("Meeting valid (provisional)");
    expect(client.connectivity).toBe("offline");
  });

  it("falls back when the service answers with an error", async () => {
    server = await startStubServer(() => ({ status: 503, body: "busy", type: "text/plain" }));
    const { fns } = functionsAgainst(server.url);
    expect(await fns.VERDICT(3, 3, 3, 0)).toBe("胜任现职（暂定）"); // 6/9 = 2/3 exactly
  });
});

describe("KAOPING.SCORE and WEIGHTS (local, exact)", () => {
  const { fns } = functionsAgainst("http://127.0.0.1:9");
  it("weights five scores by the post, exactly, rounded half up", () => {
    // 党政正职 0.25/0.2/0.15/0.3/0.1: 22.5 + 17 + 12 + 26.4 + 9.5 = 87.4
    expect(fns.SCORE([[90, 85, 80, 88, 95]], "党政正职")).toBe(87.4);
    expect(fns.SCORE([[90], [85], [80], [88], [95]], "principal")).toBe(87.4);
    // 0.25 x 80.02 = 20.005, + 16 + 12 + 24 + 8 = 80.005 exactly -> 80.01 (binary floating point would give 80.00)
    expect(fns.SCORE([[80.02, 80, 80, 80, 80]], "principal")).toBe(80.01);
    // Levels: 好 95, 较好 85, 一般 70, 较差 55, 差 40 -> 23.75 + 17 + 10.5 + 16.5 + 4 = 71.75
    expect(fns.SCORE([["好", "较好", "一般", "较差", "差"]], "principal")).toBe(71.75);
  });
  it("spills the post's weights as one row", () => {
    expect(fns.WEIGHTS("一般干部")).toEqual([[0.2, 0.2, 0.25, 0.25, 0.1]]);
  });
});

describe("bad arguments return an Excel error with a bilingual message, never throw", () => {
  const { fns } = functionsAgainst("http://127.0.0.1:9");
  const errorOf = (v: unknown) => v as { excel: string; message: string };
  it("SCORE", () => {
    expect(errorOf(fns.SCORE([[90, 85, 80, 88]], "principal")).message).toMatch(/五个.*\|.*five/);
    expect(errorOf(fns.SCORE([[90, "abc", 80, 88, 95]], "principal")).message).toMatch(
      /第 2 个分数（能）.*abc.*\|.*score 2 \(Ability\)/,
    );
    expect(errorOf(fns.SCORE([[90, 85, 120, 88, 95]], "principal")).message).toMatch(
      /第 3 个分数（勤）.*超出分值范围 0–100.*\|.*outside the scale/,
    );
    expect(errorOf(fns.SCORE([[90, 85, null, 88, 95]], "principal")).message).toMatch(/缺少分数.*\|.*missing/);
    expect(errorOf(fns.SCORE([[90, 85, 80, 88, 95]], "厅长")).message).toMatch(
      /岗位类别「厅长」.*党政正职\(principal\).*\|.*post "厅长"/,
    );
    expect(errorOf(fns.WEIGHTS("")).excel).toBe("#VALUE!");
  });
  it("VERDICT and QUORUM", async () => {
    expect(errorOf(await fns.VERDICT(-1, 0, 0, 0)).message).toMatch(/优秀票数.*\|.*excellent votes/);
    expect(errorOf(await fns.VERDICT(1, 2.5, 0, 0)).message).toMatch(/称职票数须为不小于 0 的整数.*2\.5/);
    expect(errorOf(await fns.VERDICT(1, 2, "x", 0)).message).toMatch(/基本称职票数.*x/);
    expect(errorOf(await fns.QUORUM(3, 0)).message).toMatch(/应到人数须大于 0 \| expected must be greater than 0/);
    expect(errorOf(await fns.QUORUM(6, 5)).message).toMatch(/实到人数 6 多于应到人数 5/);
  });
});
