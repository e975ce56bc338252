import { type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { access, mkdir, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { pathToFileURL } from "node:url";
import devCerts from "office-addin-dev-certs";
import { DIST_DIR, REPO_DIR, buildAddin, needsBuild } from "./build.ts";
import type { InjectedAuth } from "../../addin/auth/config.ts";

/** Serves dist/addin over https on 127.0.0.1 (a dev CA's localhost certificate), with CORS and the API base injected. */

const CERT_DIR = join(REPO_DIR, ".data", "certs");
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
};

/**
 * A development CA and a localhost server certificate signed by it, made once with office-addin-dev-certs
 * (Microsoft's template tool): the leaf has serverAuth and is not a CA, which Excel for Mac insists on.
 * Trust ca.crt (not the leaf) once per machine; see docs/addin.md.
 */
export async function localhostCertificate(dir = CERT_DIR): Promise<{ key: Buffer; cert: Buffer; ca: Buffer }> {
  const paths = { ca: join(dir, "ca.crt"), cert: join(dir, "localhost.crt"), key: join(dir, "localhost.key") };
  try {
    await Promise.all(Object.values(paths).map((p) => access(p)));
  } catch {
    await mkdir(dir, { recursive: true });
    // The tool writes nothing when ca.crt exists: a half-made set is removed first.
    await Promise.all(Object.values(paths).map((p) => rm(p, { force: true })));
    const log = console.log;
    console.log = () => undefined; // it prints a line about its default folder; ours is .data/certs
    try {
      await devCerts.generateCertificates(paths.ca, paths.cert, paths.key, 365, ["localhost", "127.0.0.1"]);
    } finally {
      console.log = log;
    }
  }
  const [key, cert, ca] = await Promise.all([readFile(paths.key), readFile(paths.cert), readFile(paths.ca)]);
  return { key, cert, ca };
}

/**
 * Office loads functions.json, functions.js and the pages from another origin (Excel on the web runs in an
 * officeapps frame): public static files, so any origin may read them, without credentials.
 */
export const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, HEAD, OPTIONS",
  "access-control-allow-headers": "*",
  "access-control-max-age": "86400",
} as const;

/** The page's config: the service (read by addin/api/settings.ts when localStorage names none) and sign-in (addin/auth/config.ts). */
export const configScript = (apiBase: string | undefined, auth?: InjectedAuth) =>
  `<script>window.KAOPING_CONFIG = ${JSON.stringify(auth ? { apiBase, auth } : { apiBase }).replace(/</g, "\\u003c")};</script>`;

/** Sign-in settings from the environment: KAOPING_CLIENT_ID, KAOPING_CLOUD (global | china), KAOPING_TENANT. */
export const authFromEnv = (env: NodeJS.ProcessEnv = process.env): InjectedAuth | undefined =>
  env.KAOPING_CLIENT_ID
    ? {
        clientId: env.KAOPING_CLIENT_ID,
        ...(env.KAOPING_CLOUD ? { cloud: env.KAOPING_CLOUD } : {}),
        ...(env.KAOPING_TENANT ? { tenant: env.KAOPING_TENANT } : {}),
      }
    : undefined;

export interface AddinServer {
  url: string;
  close(): Promise<void>;
}

export async function serveAddin(
  opts: { port?: number; apiBase?: string; distDir?: string; auth?: InjectedAuth } = {},
): Promise<AddinServer> {
  const distDir = opts.distDir ?? DIST_DIR;
  if (opts.distDir === undefined && (await needsBuild(distDir))) await buildAddin({ outDir: distDir });
  const injected = configScript(opts.apiBase, opts.auth ?? authFromEnv());

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
      const rel = normalize(path === "/" ? "/taskpane.html" : path).replace(/^([/\\])+/, "");
      const file = join(distDir, rel);
      if (req.method === "OPTIONS") {
        res.writeHead(204, CORS_HEADERS).end();
        return;
      }
      if (!file.startsWith(distDir + sep) || (req.method !== "GET" && req.method !== "HEAD")) {
        res.writeHead(req.method === "GET" || req.method === "HEAD" ? 404 : 405, CORS_HEADERS).end();
        return;
      }
      let body: Buffer | string = await readFile(file);
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      if (extname(file) === ".html") body = body.toString("utf8").replace("<!--kaoping:config-->", injected);
      res.writeHead(200, {
        ...CORS_HEADERS,
        "content-type": type,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { ...CORS_HEADERS, "content-type": "text/plain; charset=utf-8" }).end("未找到 not found");
    }
  };

  const { key, cert } = await localhostCertificate();
  const server = createHttpsServer({ key, cert }, (q, s) => void handler(q, s));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 3000, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    // localhost, as in manifest.xml and the functions' default CORS origin (https://localhost:3000); it reaches 127.0.0.1.
    url: `https://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const apiBase = process.env.KAOPING_API_BASE ?? "http://localhost:7071";
  const { url } = await serveAddin({ port: Number(process.env.PORT ?? 3000), apiBase });
  console.log(`加载项已启动 add-in served at ${url}/taskpane.html (API ${apiBase})`);
}
