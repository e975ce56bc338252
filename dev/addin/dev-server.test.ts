/** Sideloading: Office fetches the add-in's static files cross-origin over trusted https. */
import { X509Certificate, createPrivateKey } from "node:crypto";
import { request } from "node:https";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authFromEnv, configScript, localhostCertificate, serveAddin, type AddinServer } from "./dev-server.ts";

const SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
const OFFICE_ORIGIN = "https://excel.officeapps.live.com";

let dist: string;
let site: AddinServer;
let ca: Buffer;

/** A request that trusts only the dev CA, as a machine that installed ca.crt does. */
function call(method: string, path: string, headers: Record<string, string> = {}) {
  const url = new URL(path, site.url);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request(url, { method, headers, ca }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), "kaoping-dist-"));
  await writeFile(join(dist, "functions.json"), JSON.stringify({ functions: [] }));
  await writeFile(join(dist, "taskpane.html"), "<!doctype html><title>t</title><!--kaoping:config-->");
  site = await serveAddin({ port: 0, distDir: dist, apiBase: "https://api.example.cn" });
  ({ ca } = await localhostCertificate());
});

afterAll(async () => {
  await site?.close();
  if (dist) await rm(dist, { recursive: true, force: true });
});

describe("the add-in's dev server", () => {
  it("serves functions.json to another origin (Excel on the web) with CORS headers", async () => {
    const res = await call("GET", "/functions.json", { origin: OFFICE_ORIGIN });
    expect(res.status).toBe(200);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(JSON.parse(res.body)).toEqual({ functions: [] });
  });

  it("answers a CORS preflight (OPTIONS) with 204 and the allowed methods", async () => {
    const res = await call("OPTIONS", "/functions.json", {
      origin: OFFICE_ORIGIN,
      "access-control-request-method": "GET",
      "access-control-request-headers": "x-requested-with",
    });
    expect(res.status).toBe(204);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
    expect(String(res.headers["access-control-allow-methods"]).split(/,\s*/)).toEqual(
      expect.arrayContaining(["GET", "OPTIONS"]),
    );
    expect(res.headers["access-control-allow-headers"]).toBeTruthy();
  });

  it("refuses other methods (405) and unknown files (404), still with CORS so the caller can read why", async () => {
    const post = await call("POST", "/functions.json", { origin: OFFICE_ORIGIN });
    expect(post.status).toBe(405);
    const missing = await call("GET", "/nothing.js", { origin: OFFICE_ORIGIN });
    expect(missing.status).toBe(404);
    expect(missing.headers["access-control-allow-origin"]).toBe("*");
  });

  it("injects the service URL into the page, and sign-in (app, cloud, tenant) when configured", async () => {
    const res = await call("GET", "/taskpane.html");
    expect(res.body).toContain('window.KAOPING_CONFIG = {"apiBase":"https://api.example.cn"}');
    expect(configScript("https://api.example.cn", { clientId: "c1", cloud: "china", tenant: "t1" })).toBe(
      '<script>window.KAOPING_CONFIG = {"apiBase":"https://api.example.cn","auth":{"clientId":"c1","cloud":"china","tenant":"t1"}};</script>',
    );
    expect(authFromEnv({ KAOPING_CLIENT_ID: "c1", KAOPING_CLOUD: "china" })).toEqual({
      clientId: "c1",
      cloud: "china",
    });
    expect(authFromEnv({})).toBeUndefined();
    // A "</script>" in a value cannot end the script early.
    expect(configScript("https://x/</script>").split("</script>")).toHaveLength(2);
  });
});

describe("the dev certificate (office-addin-dev-certs)", () => {
  it("is a localhost server certificate (serverAuth, not a CA) issued by the dev CA", async () => {
    const tls = await localhostCertificate();
    const leaf = new X509Certificate(tls.cert);
    const root = new X509Certificate(tls.ca);
    expect(leaf.ca).toBe(false);
    expect(leaf.keyUsage).toContain(SERVER_AUTH);
    expect(leaf.subjectAltName).toContain("DNS:localhost");
    expect(leaf.subjectAltName).toContain("IP Address:127.0.0.1");
    expect(root.ca).toBe(true);
    expect(leaf.checkIssued(root)).toBe(true);
    expect(leaf.verify(root.publicKey)).toBe(true);
    expect(leaf.checkPrivateKey(createPrivateKey(tls.key))).toBe(true);
  });
});
