/**
 * Submit and pull against the real functions host (Azurite in memory): the policy attached on submit, offline
 * verdicts refused, an expired token not taken for "offline", and HR's pulled sheet labelled by the published version.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_POLICIES,
  DEFAULT_POLICY,
  policyIdentity,
  PublishedPolicySchema,
  scoreWithIdentity,
  type AssessmentResult,
  type PublishedPolicy,
} from "../../shared/index.ts";
import { ApiClient } from "../../addin/api/client.ts";
import { createRulesService } from "../../addin/api/rules.ts";
import { writePulledSheet } from "../../addin/excel/index.ts";
import { errorText, markOffline } from "../../addin/taskpane/format.ts";
import { withPolicyDocument } from "../../addin/taskpane/pull.ts";
import { submissionBody } from "../../addin/taskpane/submission.ts";
import { installStandin } from "../standin/index.ts";
import { groupsOf } from "../../shared/report/index.ts";
import { startStack, type Stack } from "../integration/harness.ts";

let stack: Stack;
let v2: PublishedPolicy;

// One cadre, three superior ballots of 90 voting 称职: composite 90, E + C = 3/3.
const input = {
  cadres: [{ cadreId: "C1", name: "张三", unit: "一处", post: "党政正职", row: 2 }],
  ballots: [1, 2, 3].map((i) => ({
    ballotId: `B${i}`,
    raterGroup: "上级领导",
    cadreId: "C1",
    morality: 90,
    ability: 90,
    diligence: 90,
    achievement: 90,
    integrity: 90,
    gradeVote: "称职",
    row: i + 1,
  })),
};

beforeAll(async () => {
  stack = await startStack({ inMemory: true });
  // The administrator publishes version 2 of `default` (a new title; same rules).
  const current = await stack.call("admin", "/policies/default");
  const body = (await current.json()) as { policy: object };
  const put = await stack.call("admin", "/policies/default", {
    method: "PUT",
    json: { ...body.policy, title: "年度考核（2027 修订）" },
    headers: { "If-Match": current.headers.get("etag")! },
  });
  v2 = PublishedPolicySchema.parse(await put.json());
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

const assessor = async () => new ApiClient({ baseUrl: stack.apiBase, token: await stack.token("assessor") });
const builtIn = async (id: string) => {
  const policy = DEFAULT_POLICIES.find((p) => p.id === id)!;
  return { policy, identity: await policyIdentity(policy) };
};

describe("Submit attaches the result's own policy, never another", () => {
  it("a v2 result from a computer that only knows the built-in v1 goes without a document, and the server accepts it", async () => {
    expect(v2.identity.version).toBe(2);
    const result = scoreWithIdentity(v2.policy, v2.identity, input);
    const body = submissionBody({ unit: "一处", period: "2026" }, result, await builtIn("default"));
    expect("policy" in body).toBe(false);
    const saved = await (await assessor()).submitSheet(body, "attach-1");
    expect(saved.id).toBeTruthy();
  });

  it("a result under a built-in policy the server does not publish carries that document, and is accepted", async () => {
    const civil = await builtIn("civil-servant");
    const result = scoreWithIdentity(civil.policy, civil.identity, input);
    const body = submissionBody({ unit: "二处", period: "2026", title: "公务员" }, result, civil);
    expect(body.policy).toEqual(civil.policy);
    expect((await (await assessor()).submitSheet(body, "attach-2")).id).toBeTruthy();
  });
});

describe("offline verdicts cannot be submitted silently", () => {
  it("every cadre carries the offline reason, and Submit refuses in both languages before sending", async () => {
    const d = await builtIn("default");
    const result: AssessmentResult = markOffline(scoreWithIdentity(d.policy, d.identity, input));
    expect(result.cadres[0]!.reasons.at(-1)).toEqual({
      rule: "offline_verdict",
      fired: true,
      message: {
        "zh-CN": "离线时按缓存方案判定，暂定；须联网重新计分",
        en: "decided offline from the cached policy; provisional until scored online",
      },
    });
    expect(result.cadres[0]!.provisional).toBe(true);
    let error: unknown;
    try {
      submissionBody({ unit: "一处", period: "2026" }, result, d);
    } catch (e) {
      error = e;
    }
    expect(errorText(error, "zh-CN")).toBe("有 1 名干部的裁定为离线暂定，不能提交；请联网后在「计分」页重新计分");
    expect(errorText(error, "en")).toBe(
      "1 cadre(s) have provisional verdicts decided offline and cannot be submitted; score again online on the Score page",
    );
  });
});

describe("an expired token is shown, not taken for offline", () => {
  it("Score's verdict call rejects with the server's message and the sign-in hint", async () => {
    const client = new ApiClient({ baseUrl: stack.apiBase, token: await stack.issuer.tokenFor("assessor", -60) });
    const rules = createRulesService({ client, policy: () => ({ policy: DEFAULT_POLICY, published: true }) });
    const error = await rules
      .verdictsForAll([{ excellent: 1, competent: 1, basic: 0, incompetent: 0 }])
      .catch((e: unknown) => e);
    expect((error as { status?: number }).status).toBe(401);
    expect(errorText(error, "zh-CN")).toBe("访问令牌已过期，请重新登录。请到「设置」页单击「登录」重新登录");
    expect(client.connectivity).toBe("online");
  });
});

describe("HR's pulled sheet shows the policy's labels", () => {
  const header = (values: unknown[][]) => values[3]!.map(String);

  it("fetches the published version named by the sheet: posts and groups carry its labels", async () => {
    const result = scoreWithIdentity(v2.policy, v2.identity, input);
    const saved = await (await assessor()).submitSheet({ unit: "三处", period: "2026", result }, "pull-1");
    const hr = new ApiClient({ baseUrl: stack.apiBase, token: await stack.token("hr") });
    const s = installStandin(globalThis);
    const name = await writePulledSheet(await withPolicyDocument(hr, await hr.getSheet(saved.id)), "zh-CN");
    const values = s.inspect.values(name);
    // The results page, titled with the pulled sheet's unit and year, the post by the published label.
    expect(String(values[0]![0])).toMatch(/^三处 2026年度 /);
    expect(values[4]![header(values).indexOf("岗位类别\nPost")]).toBe("党政正职");
    expect(values[4]![header(values).indexOf("综合得分\nComposite")]).toBe(90);
  });

  it("falls back to the built-in policy of the same identity, then to the raw keys, keeping every group column", async () => {
    const failing = { getPolicy: () => Promise.reject(new Error("unreachable")) };
    const d = await builtIn("default");
    const s = installStandin(globalThis);
    const sheet = (result: AssessmentResult) => ({
      id: "S",
      unit: "四处",
      period: "2026",
      title: undefined,
      cadres: 1,
      submittedAt: "2026-12-01T00:00:00Z",
      submittedBy: "x",
      policy: result.policy,
      result,
    });
    const v1Name = await writePulledSheet(
      await withPolicyDocument(failing, sheet(scoreWithIdentity(d.policy, d.identity, input))),
      "zh-CN",
    );
    expect(s.inspect.values(v1Name)[4]![header(s.inspect.values(v1Name)).indexOf("岗位类别\nPost")]).toBe("党政正职");
    const v2Name = await writePulledSheet(
      await withPolicyDocument(failing, sheet(scoreWithIdentity(v2.policy, v2.identity, input))),
      "zh-CN",
    );
    const raw = s.inspect.values(v2Name);
    expect(raw[4]![header(raw).indexOf("岗位类别\nPost")]).toBe("principal");
  });

  it("keeps a column for a group the labelling policy does not know", async () => {
    const d = await builtIn("default");
    const result = scoreWithIdentity(d.policy, d.identity, input);
    const { superior: _dropped, ...others } = d.policy.raterGroups;
    expect(groupsOf(result, { ...d.policy, raterGroups: others })).toEqual([
      { key: "peer", label: "同级" },
      { key: "subordinate", label: "下级" },
      { key: "service", label: "服务对象" },
      { key: "superior", label: "superior" },
    ]);
  });
});
