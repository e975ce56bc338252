import { afterEach, describe, expect, it } from "vitest";
import { ApiClient } from "./client.ts";
import { ApiError } from "./errors.ts";
import { memoryStore, readSettings, saveSettings } from "./settings.ts";
import { tokenInfo } from "./token.ts";
import { startStubServer, type StubServer } from "../../test/addin/stub-server.ts";

let server: StubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const problem = {
  type: "https://kaoping.example/problems/validation",
  title: "Invalid request",
  status: 400,
  message: { "zh-CN": "请求有 1 处错误", en: "The request has 1 error" },
  errors: [
    {
      pointer: "/items/0/excellent",
      path: ["items", 0, "excellent"],
      message: { "zh-CN": "不能小于 0", en: "must be at least 0" },
    },
  ],
};

describe("ApiClient", () => {
  it("turns problem+json into a typed error carrying the bilingual message and field paths", async () => {
    server = await startStubServer(() => ({ status: 400, body: problem, type: "application/problem+json" }));
    const client = new ApiClient({ baseUrl: server.url, token: "abc" });
    const error = await client
      .verdict({ items: [{ excellent: -1, competent: 0, basic: 0, incompetent: 0 }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.kind).toBe("problem");
    expect(e.status).toBe(400);
    expect(e.bilingual).toEqual({ "zh-CN": "请求有 1 处错误", en: "The request has 1 error" });
    expect(e.fieldErrors[0]!.path).toEqual(["items", 0, "excellent"]);
    expect(e.unreachable).toBe(false);
    // The service was reached, so the pane is online even though the call failed.
    expect(client.connectivity).toBe("online");
    expect(server.requests[0]!.headers.authorization).toBe("Bearer abc");
  });

  it("names the status when an error answer is not problem+json", async () => {
    server = await startStubServer(() => ({ status: 502, body: "<html>bad gateway</html>", type: "text/html" }));
    const e = (await new ApiClient({ baseUrl: server.url }).listPolicies().catch((x: unknown) => x)) as ApiError;
    expect(e.kind).toBe("problem");
    expect(e.bilingual["zh-CN"]).toContain("502");
    expect(e.bilingual.en).toContain("502");
  });

  it("rejects an answer that does not match the shared schema", async () => {
    server = await startStubServer(() => ({ status: 200, body: { items: [{ id: "default" }] } }));
    const e = (await new ApiClient({ baseUrl: server.url }).listPolicies().catch((x: unknown) => x)) as ApiError;
    expect(e.kind).toBe("bad_response");
  });

  it("reports a timeout and goes offline when the service does not answer", async () => {
    server = await startStubServer(() => "hang");
    const client = new ApiClient({ baseUrl: server.url, timeoutMs: 200 });
    const states: string[] = [];
    client.onConnectivity((s) => states.push(s));
    const e = (await client.listPolicies().catch((x: unknown) => x)) as ApiError;
    expect(e.kind).toBe("timeout");
    expect(e.unreachable).toBe(true);
    expect(states).toEqual(["offline"]);
  });

  it("sends the Idempotency-Key header and query parameters", async () => {
    server = await startStubServer(({ path }) =>
      path.startsWith("/api/sheets?") ? { status: 200, body: { items: [] } } : { status: 201, body: { id: "S1" } },
    );
    const client = new ApiClient({ baseUrl: server.url + "/api/" }); // the API root works as well as the host
    await client.submitSheet(
      {
        unit: "一处",
        period: "2026",
        result: { policy: { id: "default", version: 1, sha256: "0".repeat(64) }, cadres: [], issues: [] },
      },
      "key-1",
    );
    await client.listSheets({ unit: "一处", period: "2026" });
    expect(server.requests[0]!.headers["idempotency-key"]).toBe("key-1");
    expect(server.requests[1]!.path).toBe("/api/sheets?unit=%E4%B8%80%E5%A4%84&period=2026");
  });
});

describe("settings and token", () => {
  it("reads the service URL and token from localStorage keys, then the injected config", () => {
    const store = memoryStore();
    expect(readSettings(store, { apiBase: "http://127.0.0.1:7071/" }).apiBase).toBe("http://127.0.0.1:7071");
    store.setItem("kaoping.apiBase", "https://kaoping.example.cn/");
    store.setItem("kaoping.token", "tok");
    expect(readSettings(store, { apiBase: "http://127.0.0.1:7071" })).toEqual({
      apiBase: "https://kaoping.example.cn",
      token: "tok",
    });
    saveSettings({ token: "" }, store);
    expect(readSettings(store).token).toBeNull();
  });

  it("shows who is signed in and the roles from the token", () => {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const jwt = `${part({ alg: "HS256" })}.${part({ name: "李四", roles: ["assessor", "hr"], exp: 2_000_000_000 })}.sig`;
    expect(tokenInfo(jwt, new Date("2026-01-01"))).toEqual({ name: "李四", roles: ["assessor", "hr"], expired: false });
    expect(tokenInfo(jwt, new Date("2040-01-01"))!.expired).toBe(true);
    expect(tokenInfo("not a token")).toBeNull();
  });
});
