/**
 * Issue 13, part 3: a verified token is remembered briefly (functions/lib/token-cache.ts). What must not change:
 * the role is checked on every request, and a token is never honoured under keys it was not verified with.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDevIssuer, useDevIssuer } from "../../dev/host/dev-auth.ts";
import { problemOf, startStack, type Stack } from "../integration/harness.ts";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ inMemory: true });
});
afterAll(async () => {
  useDevIssuer(stack.issuer);
  await stack?.stop();
});

const get = (path: string, token: string) =>
  fetch(`${stack.apiBase}${path}`, { headers: { Authorization: `Bearer ${token}` } });

describe("issue 13 part 3: the verified-token cache", () => {
  it("checks the role on every request, also for a token verified a moment ago", async () => {
    const assessor = await stack.mint({ roles: ["assessor"] });
    expect((await get("/policies", assessor)).status).toBe(200);
    expect((await get("/policies", assessor)).status).toBe(200);
    const res = await get("/sheets", assessor);
    expect(res.status).toBe(403);
    expect((await problemOf(res)).message!.en).toContain("hr");
  });

  it("refuses a remembered token once the service trusts another signing key", async () => {
    const token = await stack.mint({ roles: ["hr"] });
    expect((await get("/sheets", token)).status).toBe(200);
    const rotated = await makeDevIssuer();
    useDevIssuer(rotated);
    try {
      const res = await get("/sheets", token);
      expect(res.status).toBe(401);
      expect((await problemOf(res)).message!.en).toContain("signature does not verify");
      expect((await get("/sheets", await rotated.mint({ roles: ["hr"] }))).status).toBe(200);
    } finally {
      useDevIssuer(stack.issuer);
    }
    expect((await get("/sheets", token)).status).toBe(200);
  });
});
