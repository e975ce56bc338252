/**
 * Issue 8 items 12, 14 (nbf), 15 and 16; issue 9 (the authority: global Entra ID or Azure China);
 * issue 14 (v2.0 tokens whose aud is the API's client id). Over real HTTP, with a local key server
 * standing in for Entra ID's keys endpoint.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { problemOf, startStack, type Stack } from "../integration/harness.ts";
import { makeDevIssuer, useDevIssuer, type DevIssuer } from "../../dev/host/dev-auth.ts";
import { freePort } from "../../dev/host/azurite.ts";

let stack: Stack;
let keys: Server;
let keysUrl: string;
/** A stand-in for a tenant's signing key (its JWKS is what the key server serves). */
let tenantKey: DevIssuer;
const TENANT = "5f1c0d2e-1111-4222-8333-944455556666";
const CLIENT_ID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

beforeAll(async () => {
  stack = await startStack({ inMemory: true });
  tenantKey = await makeDevIssuer("unused", "unused");
  keys = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(tenantKey.jwks);
  });
  await new Promise<void>((r) => keys.listen(0, "127.0.0.1", r));
  keysUrl = `http://127.0.0.1:${(keys.address() as AddressInfo).port}/discovery/v2.0/keys`;
});
afterAll(async () => {
  keys?.close();
  await stack?.stop();
});
const SETTINGS = [
  "KAOPING_TENANT_ID",
  "KAOPING_AUTHORITY_HOST",
  "KAOPING_JWKS_URI",
  "KAOPING_AUDIENCE",
  "WEBSITE_INSTANCE_ID",
];
afterEach(() => {
  for (const k of SETTINGS) delete process.env[k];
  useDevIssuer(stack.issuer);
});

const policies = (token: string) =>
  fetch(`${stack.apiBase}/policies`, { headers: { Authorization: `Bearer ${token}` } });

function useTenant(host: string | undefined, audience?: string) {
  process.env.KAOPING_TENANT_ID = TENANT;
  if (host) process.env.KAOPING_AUTHORITY_HOST = host;
  process.env.KAOPING_JWKS_URI = keysUrl;
  if (audience) process.env.KAOPING_AUDIENCE = audience;
}
const entraToken = (host: string, audience = "api://kaoping") =>
  tenantKey.mint({ roles: ["hr"], issuer: `https://${host}/${TENANT}/v2.0`, audience });

describe("issue 8 tokens", () => {
  it("item 12: a token without exp is refused, and told why", async () => {
    const res = await policies(await stack.mint({ roles: ["hr"], expiresInSeconds: null }));
    expect(res.status).toBe(401);
    const p = await problemOf(res);
    expect(p.message!["zh-CN"]).toContain("有效期");
    expect(p.message!.en).toContain("no expiry");
    // The same token with exp is accepted.
    expect((await policies(await stack.mint({ roles: ["hr"] }))).status).toBe(200);
  });

  it("item 14: a token not valid yet (nbf) says so, not 'wrong issuer or audience'", async () => {
    const res = await policies(await stack.mint({ roles: ["hr"], notBeforeSeconds: 3600 }));
    expect(res.status).toBe(401);
    const p = await problemOf(res);
    expect(p.message!.en).toContain("not valid yet");
    expect(p.message!.en).not.toContain("issuer");
    expect(p.message!["zh-CN"]).toContain("尚未生效");
    // Within the 30 s clock tolerance it is fine.
    expect((await policies(await stack.mint({ roles: ["hr"], notBeforeSeconds: 10 }))).status).toBe(200);
  });

  it("item 15: when Entra ID's keys endpoint cannot be reached, calls are 503 with Retry-After, not 401", async () => {
    process.env.KAOPING_TENANT_ID = TENANT;
    process.env.KAOPING_JWKS_URI = `http://127.0.0.1:${await freePort()}/keys`;
    const res = await policies(await entraToken("login.microsoftonline.com"));
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await problemOf(res)).message!.en).toContain("signing keys cannot be fetched");
  });

  it("item 16: in Azure (WEBSITE_INSTANCE_ID set) the development issuer is refused outright", async () => {
    process.env.WEBSITE_INSTANCE_ID = "0123abcd";
    const res = await policies(await stack.token("hr"));
    expect(res.status).toBe(503);
    const p = await problemOf(res);
    expect(p.message!.en).toContain("development issuer is never accepted in Azure");
    expect(p.message!["zh-CN"]).toContain("KAOPING_TENANT_ID");
    // Outside Azure the same token is fine.
    delete process.env.WEBSITE_INSTANCE_ID;
    expect((await policies(await stack.token("hr"))).status).toBe(200);
  });
});

describe("issue 9: the authority is configurable (global Entra ID or Azure China)", () => {
  it("accepts a token from the configured authority and refuses one from the other", async () => {
    useTenant("login.chinacloudapi.cn");
    expect((await policies(await entraToken("login.chinacloudapi.cn"))).status).toBe(200);
    const foreign = await policies(await entraToken("login.microsoftonline.com"));
    expect(foreign.status).toBe(401);
    expect((await problemOf(foreign)).message!.en).toContain("wrong iss");

    useTenant("login.microsoftonline.com");
    expect((await policies(await entraToken("login.microsoftonline.com"))).status).toBe(200);
    expect((await policies(await entraToken("login.chinacloudapi.cn"))).status).toBe(401);

    // Global is the default; an authority that is not Entra ID's is a configuration error, not a trust.
    useTenant(undefined);
    expect((await policies(await entraToken("login.microsoftonline.com"))).status).toBe(200);
    useTenant("login.example.com");
    const bad = await policies(await entraToken("login.example.com"));
    expect(bad.status).toBe(503);
    expect((await problemOf(bad)).message!.en).toContain("KAOPING_AUTHORITY_HOST");
  });
});

describe("issue 14: v2.0 tokens carry the API's client id as aud", () => {
  it("accepts every configured audience and refuses any other", async () => {
    useTenant("login.microsoftonline.com", `api://kaoping, ${CLIENT_ID}`);
    expect((await policies(await entraToken("login.microsoftonline.com", CLIENT_ID))).status).toBe(200);
    expect((await policies(await entraToken("login.microsoftonline.com", "api://kaoping"))).status).toBe(200);
    const other = await policies(await entraToken("login.microsoftonline.com", "9f9f9f9f-0000-4000-8000-000000000000"));
    expect(other.status).toBe(401);
    expect((await problemOf(other)).message!.en).toContain("wrong aud");
    // Only the configured list: with the default setting the client id is not an audience.
    delete process.env.KAOPING_AUDIENCE;
    expect((await policies(await entraToken("login.microsoftonline.com", CLIENT_ID))).status).toBe(401);
  });
});
