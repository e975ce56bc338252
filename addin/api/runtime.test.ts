import { describe, expect, it } from "vitest";
import { createRuntime } from "./runtime.ts";
import { memoryStore } from "./settings.ts";

const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
const jwt = (exp: number, name: string) => `${part({ alg: "none" })}.${part({ name, exp })}.x`;
const now = () => Math.floor(Date.now() / 1000);

/** The Authorization header of each request the runtime's client sends. */
function runtimeWithLog() {
  const sent: (string | null)[] = [];
  const fetchImpl = (async (_url: string, init?: RequestInit) => {
    sent.push(new Headers(init?.headers).get("authorization"));
    return new Response(JSON.stringify({ status: "ok" }), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  }) as typeof fetch;
  const rt = createRuntime(memoryStore({ "kaoping.apiBase": "https://api.example.cn" }), fetchImpl);
  return { rt, sent };
}

describe("the signed-in token", () => {
  it("is renewed quietly when it expires within a minute, and used as it is otherwise", async () => {
    const { rt, sent } = runtimeWithLog();
    const fresh = jwt(now() + 3600, "fresh");
    let renewals = 0;
    rt.renewToken = async () => (renewals++, fresh);
    rt.ssoToken = jwt(now() + 3600, "valid");
    await rt.client.health();
    expect([sent.at(-1), renewals]).toEqual([`Bearer ${rt.ssoToken}`, 0]);
    rt.ssoToken = jwt(now() + 30, "expiring");
    await rt.client.health();
    expect([sent.at(-1), renewals]).toEqual([`Bearer ${fresh}`, 1]);
    expect(rt.ssoToken).toBe(fresh);
  });

  it("keeps the old token when renewal fails (the service's 401 then says to sign in again)", async () => {
    const { rt, sent } = runtimeWithLog();
    const old = jwt(now() - 10, "old");
    rt.ssoToken = old;
    rt.renewToken = async () => {
      throw new Error("no quiet sign-in here");
    };
    await rt.client.health();
    expect(sent.at(-1)).toBe(`Bearer ${old}`);
  });
});
