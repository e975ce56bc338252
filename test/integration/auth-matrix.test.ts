/**
 * Every operation in OPERATIONS, over real HTTP: a non-public one refuses a request without a token
 * (401) and a token whose roles are not allowed (403), each as bilingual problem+json; a public one
 * answers without a token. Expired and wrong-audience tokens are 401 too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Operation } from "../../functions/operations.ts";
import { ROLES } from "../../functions/lib/auth.ts";
import { installCapture } from "../../dev/host/capture.ts";
import { problemOf, startStack, type Stack } from "./harness.ts";

// The operations register themselves on import: capture must be on first, or the host would serve none.
installCapture();
const { OPERATIONS } = await import("../../functions/operations.ts");

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ inMemory: true });
});
afterAll(async () => {
  await stack?.stop();
});

/** A concrete URL for the route: the authorisation check comes before any parameter is read. */
const pathOf = (op: Operation) => "/" + op.route.replace(/\{id\}/g, "default").replace(/\{version\}/g, "1");

async function send(op: Operation, token: string | null): Promise<Response> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  const hasBody = op.method !== "GET";
  if (hasBody) headers["Content-Type"] = "application/json";
  return fetch(`${stack.apiBase}${pathOf(op)}`, { method: op.method, headers, body: hasBody ? "{}" : undefined });
}

async function expectProblem(res: Response, status: number, label: string) {
  expect(res.status, label).toBe(status);
  const p = await problemOf(res);
  expect(p.status, label).toBe(status);
  expect(p.message!["zh-CN"], label).toMatch(/[\u4e00-\u9fff]/);
  expect(p.message!.en.length, label).toBeGreaterThan(0);
  return p;
}

const guarded = OPERATIONS.filter((op) => op.roles !== "public");
const open = OPERATIONS.filter((op) => op.roles === "public");

describe("auth on every operation", () => {
  it("the walk covers the API (every operation is either guarded or public)", () => {
    expect(guarded.length).toBeGreaterThanOrEqual(15);
    expect(open.map((op) => op.name).sort()).toEqual([
      "health",
      "openapiJson",
      "openapiV2Json",
      // The rater's side of a ballot session: the code is the credential (spec section 10).
      "sessionsForm",
      "sessionsPage",
      "sessionsReceipts",
      "sessionsSubmit",
    ]);
  });

  it.each(guarded.map((op) => [`${op.method} /api/${op.route}`, op] as const))(
    "%s: no token is 401",
    async (label, op) => {
      const res = await send(op, null);
      const p = await expectProblem(res, 401, label);
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
      expect(p.message!.en).toContain("token");
    },
  );

  it.each(guarded.map((op) => [`${op.method} /api/${op.route}`, op] as const))(
    "%s: a role that is not allowed is 403",
    async (label, op) => {
      const roles = op.roles as readonly string[];
      // Every role the operation does not allow, and a token with no role at all.
      const refused = [...ROLES.filter((r) => !roles.includes(r)).map((r) => [r]), []];
      for (const held of refused) {
        const p = await expectProblem(
          await send(op, await stack.mint({ roles: held })),
          403,
          `${label} as [${held.join(",")}]`,
        );
        // The message names the roles that may act.
        for (const r of roles) expect(p.message!.en).toContain(r);
      }
    },
  );

  it.each(open.map((op) => [`${op.method} /api/${op.route}`, op] as const))(
    "%s: public, answers without a token",
    async (_label, op) => {
      // A rater endpoint sent an empty body (or the session id "default") answers 400, never 401.
      const want = { sessionsForm: 400, sessionsSubmit: 400, sessionsReceipts: 400 }[op.name] ?? 200;
      expect((await send(op, null)).status).toBe(want);
    },
  );

  it.each([["sheetsSubmit"], ["auditVerify"], ["policiesPut"], ["sheetsGet"]])(
    "%s: an expired or wrong-audience token is 401",
    async (name) => {
      const op = OPERATIONS.find((o) => o.name === name)!;
      const role = (op.roles as readonly string[])[0]!;
      const expired = await expectProblem(
        await send(op, await stack.mint({ roles: [role], expiresInSeconds: -3600 })),
        401,
        `${name} expired`,
      );
      expect(expired.message!.en).toContain("expired");
      expect(expired.message!["zh-CN"]).toContain("过期");
      const foreign = await expectProblem(
        await send(op, await stack.mint({ roles: [role], audience: "api://someone-else" })),
        401,
        `${name} audience`,
      );
      expect(foreign.message!.en).toContain("aud");
    },
  );
});
