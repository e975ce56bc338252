import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { makeDevIssuer } from "../../dev/host/dev-auth.ts";
import { problemOf, startStack, type Stack } from "./harness.ts";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const latest = async () => {
  const res = await stack.call("admin", "/policies/default");
  return { etag: res.headers.get("etag")!, body: await res.json() };
};

describe("policies", () => {
  it("the built-in policies are seeded as version 1 and readable by every role", async () => {
    for (const role of ["assessor", "hr", "admin"] as const) {
      const res = await stack.call(role, "/policies");
      expect(res.status).toBe(200);
      const { items } = await res.json();
      expect(items.map((p: { id: string; version: number }) => `${p.id}@${p.version}`).sort()).toEqual([
        "civil-servant@1",
        "default@1",
      ]);
    }
    const { etag, body } = await latest();
    expect(etag).toMatch(/^".+"$/);
    expect(body.identity).toMatchObject({ id: "default", version: 1 });
    expect(body.identity.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(body.policy.excellentQuota.share).toBe("1/4");
    // Shown in the order the policy lists them (上级、同级、下级、服务对象), not sorted by key.
    expect(Object.keys(body.policy.raterGroups)).toEqual(["superior", "peer", "subordinate", "service"]);
    expect(Object.keys(body.policy.posts)).toEqual(["principal", "deputy", "department_head", "technical", "staff"]);
  });

  it("PUT publishes a new immutable version only with the current ETag", async () => {
    const { etag, body } = await latest();
    const doc = { ...body.policy, title: "年度考核（2027 修订）" };
    const none = await stack.call("admin", "/policies/default", { method: "PUT", json: doc });
    expect(none.status).toBe(412);
    expect((await problemOf(none)).message!["zh-CN"]).toContain("If-Match");
    const wrong = await stack.call("admin", "/policies/default", {
      method: "PUT",
      json: doc,
      headers: { "If-Match": '"stale"' },
    });
    expect(wrong.status).toBe(412);

    const ok = await stack.call("admin", "/policies/default", {
      method: "PUT",
      json: doc,
      headers: { "If-Match": etag },
    });
    expect(ok.status).toBe(201);
    const published = await ok.json();
    expect(published.identity.version).toBe(2);
    expect(published.publishedBy).toBe("dev-admin@kaoping.local");
    expect(ok.headers.get("etag")).not.toBe(etag);

    // Version 1 is unchanged; the latest is version 2.
    const v1 = await (await stack.call("hr", "/policies/default/versions/1")).json();
    expect(v1.policy.title).toBe(body.policy.title);
    expect(v1.identity.sha256).toBe(body.identity.sha256);
    expect((await latest()).body.identity.version).toBe(2);
    expect((await stack.call("hr", "/policies/default/versions/7")).status).toBe(404);
    expect((await stack.call("hr", "/policies/default/versions/abc")).status).toBe(400);
    expect((await stack.call("hr", "/policies/missing")).status).toBe(404);
  });

  it("two publishers with the same If-Match: one wins, the other gets 412", async () => {
    const { etag, body } = await latest();
    const put = (title: string) =>
      stack.call("admin", "/policies/default", {
        method: "PUT",
        json: { ...body.policy, title },
        headers: { "If-Match": etag },
      });
    const results = await Promise.all([put("甲的修改"), put("乙的修改")]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 412]);
    const loser = results.find((r) => r.status === 412)!;
    expect((await problemOf(loser)).message!.en).toContain("meanwhile");
    expect((await latest()).body.identity.version).toBe(body.identity.version + 1);
  });

  it("an If-Match that is malformed or not the current ETag is told so, with the current ETag (not 'meanwhile published')", async () => {
    const { etag, body } = await latest();
    for (const given of ['"xyz"', "*", "xyz", '"default.v999.0123456789abcdef"', '"township.v1.0123456789abcdef"']) {
      const res = await stack.call("admin", "/policies/default", {
        method: "PUT",
        json: body.policy,
        headers: { "If-Match": given },
      });
      expect(res.status, given).toBe(412);
      expect(res.headers.get("etag")).toBe(etag);
      const p = await problemOf(res);
      expect(p.message!.en, given).not.toContain("meanwhile");
      expect(p.message!["zh-CN"], given).not.toContain("已被他人更新");
      expect(p.message!.en, given).toContain(`current ETag ${etag}`);
      expect(p.message!["zh-CN"], given).toContain(`当前 ETag ${etag}`);
      expect(p.message!.en, given).toMatch(given === "*" ? /\* is not accepted/ : /does not match/);
    }
    // The ETag of a real earlier version is the one case where someone else published in between.
    const v1 = await stack.call("admin", "/policies/default/versions/1");
    const stale = await stack.call("admin", "/policies/default", {
      method: "PUT",
      json: body.policy,
      headers: { "If-Match": v1.headers.get("etag")! },
    });
    expect(stale.status).toBe(412);
    expect((await problemOf(stale)).message!.en).toContain("meanwhile");
  });

  it("a new policy id is created without If-Match; a body id that differs from the path is refused", async () => {
    const { body } = await latest();
    const created = await stack.call("admin", "/policies/township", {
      method: "PUT",
      json: { ...body.policy, id: "township", title: "乡镇年度考核" },
    });
    expect(created.status).toBe(201);
    expect((await created.json()).identity).toMatchObject({ id: "township", version: 1 });
    const mismatch = await stack.call("admin", "/policies/other", {
      method: "PUT",
      json: { ...body.policy, id: "township" },
    });
    expect(mismatch.status).toBe(400);
    expect((await problemOf(mismatch)).errors![0]!.pointer).toBe("/id");
  });

  it("only admins publish", async () => {
    const { etag, body } = await latest();
    const res = await stack.call("hr", "/policies/default", {
      method: "PUT",
      json: body.policy,
      headers: { "If-Match": etag },
    });
    expect(res.status).toBe(403);
  });

  it("every publication is in the audit log and the chain verifies", async () => {
    const { items } = await (await stack.call("admin", "/audit")).json();
    const subjects = items
      .filter((e: { action: string }) => e.action === "policy.publish")
      .map((e: { subject: string }) => e.subject);
    expect(subjects).toEqual(
      expect.arrayContaining(["default@1", "civil-servant@1", "default@2", "default@3", "township@1"]),
    );
    expect(items.map((e: { seq: number }) => e.seq)).toEqual(items.map((_: unknown, i: number) => i));
    for (let i = 1; i < items.length; i++) expect(items[i].prevHash).toBe(items[i - 1].hash);
    const verify = await (await stack.call("admin", "/audit/verify")).json();
    expect(verify).toMatchObject({ ok: true, firstBroken: null, entries: items.length });
  });
});

describe("auth matrix", () => {
  const noBody = { method: "GET" };
  const expect401 = async (res: Response) => {
    expect(res.status).toBe(401);
    const p = await problemOf(res);
    expect(p.message!["zh-CN"].length).toBeGreaterThan(0);
    expect(p.message!.en.length).toBeGreaterThan(0);
    return p;
  };

  it("no token is 401", async () => {
    await expect401(await stack.call(null, "/policies", noBody));
  });

  it("a role that may not act is 403", async () => {
    const res = await stack.call("hr", "/score", { method: "POST", json: { cadres: [], ballots: [] } });
    expect(res.status).toBe(403);
    expect((await problemOf(res)).message!.en).toContain("assessor");
    expect((await stack.call("assessor", "/sheets")).status).toBe(403);
    const noRoles = await stack.mint({ roles: [] });
    expect((await fetch(`${stack.apiBase}/policies`, { headers: { Authorization: `Bearer ${noRoles}` } })).status).toBe(
      403,
    );
  });

  it("expired, wrong audience, wrong issuer and wrong signature are 401", async () => {
    const get = (token: string) =>
      fetch(`${stack.apiBase}/policies`, { headers: { Authorization: `Bearer ${token}` } });
    const expired = await expect401(await get(await stack.mint({ roles: ["admin"], expiresInSeconds: -3600 })));
    expect(expired.message!.en).toContain("expired");
    const aud = await expect401(await get(await stack.mint({ roles: ["admin"], audience: "api://someone-else" })));
    expect(aud.message!.en).toContain("aud");
    await expect401(await get(await stack.mint({ roles: ["admin"], issuer: "https://evil.example" })));
    const stranger = await makeDevIssuer();
    await expect401(await get(await stranger.tokenFor("admin")));
    await expect401(await get("not.a.jwt"));
  });

  it("health needs no token and reports package.json's version", async () => {
    const res = await stack.call(null, "/health");
    expect(res.status).toBe(200);
    const { version } = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    expect(await res.json()).toMatchObject({ status: "ok", version });
  });
});
