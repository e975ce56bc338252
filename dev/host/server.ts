import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import azureFunctions, { type HttpResponseInit } from "@azure/functions";
import { problemBody } from "../../functions/lib/problem.ts";
import type { Bilingual } from "../../shared/index.ts";
import { loadApp, type Registration } from "./capture.ts";
import { compileRoute, matchRoute } from "./routes.ts";

// The package is a webpack CommonJS bundle: Node's ESM loader cannot see these classes as named exports.
const { HttpRequest, HttpResponse, InvocationContext } = azureFunctions;

/** The Functions host's own request cap (Azure: 100 MB); each operation enforces its smaller limit. */
export const HOST_MAX_BODY_BYTES = 100 * 1024 * 1024;

export interface HostOptions {
  port?: number;
  /** Print function logs below warning level too. */
  verbose?: boolean;
}

export interface RunningHost {
  url: string;
  port: number;
  registrations: readonly Registration[];
  close(): Promise<void>;
}

function routePrefix(): string {
  try {
    const hostJson = JSON.parse(readFileSync(new URL("../../host.json", import.meta.url), "utf8")) as {
      extensions?: { http?: { routePrefix?: string } };
    };
    return hostJson.extensions?.http?.routePrefix ?? "api";
  } catch {
    return "api";
  }
}

/** Serves the app's registered HTTP functions on 127.0.0.1, as `func start` would. */
export async function startHost(options: HostOptions = {}): Promise<RunningHost> {
  const registrations = await loadApp();
  const routes = registrations.map((r) => compileRoute(routePrefix(), r));
  const server = createServer((req, res) => {
    dispatch(req, res).catch((e) => {
      console.error("local host failure:", e);
      if (!res.headersSent)
        sendProblem(res, 500, "internal", { "zh-CN": "本地主机内部错误", en: "local host internal error" });
      else res.destroy();
    });
  });

  async function dispatch(req: IncomingMessage, res: ServerResponse) {
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    const match = matchRoute(routes, method, url.pathname);
    if (match.kind === "none")
      return sendProblem(res, 404, "not-found", {
        "zh-CN": `没有这个地址：${url.pathname}`,
        en: `no such route: ${url.pathname}`,
      });
    if (match.kind === "method")
      return sendProblem(
        res,
        405,
        "method-not-allowed",
        {
          "zh-CN": `此地址不支持 ${method}，可用：${match.allow.join("、")}`,
          en: `${method} is not allowed here; use ${match.allow.join(", ")}`,
        },
        { Allow: match.allow.join(", ") },
      );
    const { reg } = match.route;
    if (reg.authLevel !== "anonymous") {
      const key = process.env.KAOPING_FUNCTIONS_KEY;
      const given = req.headers["x-functions-key"] ?? url.searchParams.get("code");
      if (!key || given !== key)
        return sendProblem(res, 401, "function-key", {
          "zh-CN": "缺少或错误的函数密钥",
          en: "missing or wrong function key",
        });
    }
    const body = await readBody(req);
    if (body === "too-large")
      return sendProblem(res, 413, "too-large", {
        "zh-CN": "请求内容超过主机上限 100 MiB",
        en: "request body exceeds the host's 100 MiB limit",
      });
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
    const request = new HttpRequest({
      method,
      url: url.toString(),
      headers,
      query: Object.fromEntries(url.searchParams.entries()),
      params: match.params,
      ...(body.length > 0 ? { body: { bytes: body } } : {}),
    });
    const context = new InvocationContext({
      invocationId: randomUUID(),
      functionName: reg.name,
      logHandler: (level, ...args) => {
        if (level === "error" || level === "critical") console.error(`[${reg.name}]`, ...args);
        else if (level === "warning") console.warn(`[${reg.name}]`, ...args);
        else if (options.verbose) console.log(`[${reg.name}]`, ...args);
      },
    });
    const result = (await reg.handler(request, context)) as
      HttpResponseInit | InstanceType<typeof HttpResponse> | undefined;
    const response = result instanceof HttpResponse ? result : new HttpResponse(result ?? {});
    const bytes = Buffer.from(await response.arrayBuffer());
    const out: Record<string, string> = {};
    response.headers.forEach((v, k) => (out[k] = v));
    res.writeHead(response.status, { ...out, "Content-Length": String(bytes.length) });
    res.end(method === "HEAD" ? undefined : bytes);
  }

  const port = await listen(server, options.port ?? 7071);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    registrations,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

function readBody(req: IncomingMessage): Promise<Buffer | "too-large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > HOST_MAX_BODY_BYTES) over = true;
      else chunks.push(c);
    });
    req.on("end", () => resolve(over ? "too-large" : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function sendProblem(
  res: ServerResponse,
  status: number,
  slug: string,
  message: Bilingual,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(problemBody(status, slug, message));
  res.writeHead(status, {
    "Content-Type": "application/problem+json; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}
