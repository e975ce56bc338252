import { execFile } from "node:child_process";
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { access, mkdir, readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { DIST_DIR, REPO_DIR, buildAddin, needsBuild } from "./build.ts";

/** Serves dist/addin over https on 127.0.0.1 (self-signed certificate via the openssl CLI), with the API base injected. */

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

/** A localhost certificate, made once; undefined when openssl is not installed. */
export async function localhostCertificate(dir = CERT_DIR): Promise<{ key: Buffer; cert: Buffer } | undefined> {
  const keyPath = join(dir, "localhost-key.pem");
  const certPath = join(dir, "localhost.pem");
  try {
    await access(keyPath);
    await access(certPath);
  } catch {
    await mkdir(dir, { recursive: true });
    try {
      await promisify(execFile)("openssl", [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-sha256",
        "-days",
        "825",
        "-keyout",
        keyPath,
        "-out",
        certPath,
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost,IP:127.0.0.1",
      ]);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw e;
    }
  }
  return { key: await readFile(keyPath), cert: await readFile(certPath) };
}

/** The page's config: read by addin/api/settings.ts when localStorage names no service. */
export const configScript = (apiBase: string | undefined) =>
  `<script>window.KAOPING_CONFIG = ${JSON.stringify({ apiBase }).replace(/</g, "\\u003c")};</script>`;

export interface AddinServer {
  url: string;
  /** http when openssl was missing. */
  secure: boolean;
  close(): Promise<void>;
}

export async function serveAddin(
  opts: { port?: number; apiBase?: string; distDir?: string } = {},
): Promise<AddinServer> {
  const distDir = opts.distDir ?? DIST_DIR;
  if (opts.distDir === undefined && (await needsBuild(distDir))) await buildAddin({ outDir: distDir });
  const injected = configScript(opts.apiBase);

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
      const rel = normalize(path === "/" ? "/taskpane.html" : path).replace(/^([/\\])+/, "");
      const file = join(distDir, rel);
      if (!file.startsWith(distDir + sep) || (req.method !== "GET" && req.method !== "HEAD")) {
        res.writeHead(404).end();
        return;
      }
      let body: Buffer | string = await readFile(file);
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      if (extname(file) === ".html") body = body.toString("utf8").replace("<!--kaoping:config-->", injected);
      res.writeHead(200, { "content-type": type, "cache-control": "no-store", "x-content-type-options": "nosniff" });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("未找到 not found");
    }
  };

  const tls = await localhostCertificate();
  if (!tls)
    console.warn(
      "警告：未找到 openssl，加载项以 http 提供，Office 不会加载它 | warning: openssl not found, serving over http; Office will not load the add-in",
    );
  const server = tls
    ? createHttpsServer(tls, (q, s) => void handler(q, s))
    : createHttpServer((q, s) => void handler(q, s));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 3000, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    // localhost, as in manifest.xml and the functions' default CORS origin (https://localhost:3000); it reaches 127.0.0.1.
    url: `${tls ? "https" : "http"}://localhost:${port}`,
    secure: Boolean(tls),
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
