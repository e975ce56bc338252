import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../shared/index.ts";
import { ApiClient } from "../../addin/api/client.ts";
import { ApiError } from "../../addin/api/errors.ts";
import { createRulesService } from "../../addin/api/rules.ts";
import { createCustomFunctions } from "../../addin/functions/impl.ts";
import { errorText } from "../../addin/taskpane/format.ts";
import { startStubServer, type StubServer } from "./stub-server.ts";

/** Only an unreachable service means offline: a refused call (401/403/4xx) is shown to the user, never answered locally. */

let server: StubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const fail = (message: string) => ({ excel: "#VALUE!", message });

// What the functions host answers for an expired token (functions/lib/auth.ts) and for a missing role.
const expired = {
  type: "https://kaoping.example/problems/unauthorized",
  title: "Unauthorized",
  status: 401,
  message: { "zh-CN": "访问令牌已过期，请重新登录", en: "the access token has expired; sign in again" },
};
const forbidden = {
  type: "https://kaoping.example/problems/forbidden",
  title: "Forbidden",
  status: 403,
  message: { "zh-CN": "需要考核员角色", en: "the assessor role is required" },
};

function against(url: string) {
  const client = new ApiClient({ baseUrl: url, token: "t" });
  const rules = createRulesService({
    client,
    policy: () => ({ policy: DEFAULT_POLICY, published: false }),
    timeoutMs: 2000,
    windowMs: 5,
  });
  return {
    client,
    rules,
    fns: createCustomFunctions({ rules, policy: () => DEFAULT_POLICY, lang: () => "zh-CN", fail }),
  };
}

describe("an expired token is not 'offline'", () => {
  it("Score's verdicts reject with the bilingual message and the sign-in hint; nothing is provisional", async () => {
    server = await startStubServer(() => ({ status: 401, body: expired, type: "application/problem+json" }));
    const { rules, client } = against(server.url);
    const error = await rules.verdictsForAll([{ excellent: 1, competent: 1, basic: 0, incompetent: 0 }]).then(
      (r) => r,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.status).toBe(401);
    expect(errorText(e, "zh-CN")).toBe("访问令牌已过期，请重新登录。请到「设置」页单击「登录」重新登录");
    expect(errorText(e, "en")).toBe(
      "the access token has expired; sign in again. Go to the Settings page and click Sign in again",
    );
    // The service answered: the pane must not say it is offline.
    expect(client.connectivity).toBe("online");
  });

  it("a VERDICT or QUORUM cell shows an Excel error with both languages, not a provisional verdict, and still settles", async () => {
    server = await startStubServer(() => ({ status: 401, body: expired, type: "application/problem+json" }));
    const { fns } = against(server.url);
    const [v, q] = (await Promise.all([fns.VERDICT(3, 3, 3, 0), fns.QUORUM(40, 50)])) as {
      excel: string;
      message: string;
    }[];
    expect(v!.excel).toBe("#VALUE!");
    expect(v!.message).toMatch(/^访问令牌已过期.*「设置」.*\| the access token has expired.*Sign in again$/);
    expect(q!.excel).toBe("#VALUE!");
  });

  it("a 403 is shown with its message too", async () => {
    server = await startStubServer(() => ({ status: 403, body: forbidden, type: "application/problem+json" }));
    const { fns, rules } = against(server.url);
    expect(await fns.VERDICT(1, 0, 0, 0)).toEqual({
      excel: "#VALUE!",
      message: "需要考核员角色 | the assessor role is required",
    });
    await expect(
      rules.verdictsForAll([{ excellent: 1, competent: 0, basic: 0, incompetent: 0 }]),
    ).rejects.toMatchObject({ status: 403 });
  });

  it("a failing service (5xx) still falls back to provisional local verdicts", async () => {
    server = await startStubServer(() => ({ status: 503, body: "busy", type: "text/plain" }));
    const { rules } = against(server.url);
    // E + C = 2 of n = 2: fit, decided locally and provisional.
    const r = await rules.verdictsForAll([{ excellent: 1, competent: 1, basic: 0, incompetent: 0 }]);
    expect(r.provisional).toBe(true);
    expect(r.results[0]).toMatchObject({ verdict: "fit", provisional: true });
  });
});
