import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import azureFunctions, { type HttpResponseInit } from "@azure/functions";
import { problemBody, ProblemError } from "../../functions/lib/problem.ts";
import { authorize } from "../../functions/lib/auth.ts";
import { corsHeaders } from "../../functions/lib/cors.ts";
import type { OperationDescriptor } from "../../functions/lib/operation.ts";
import type { Bilingual } from "../../shared/index.ts";
import { loadApp, type Registration } from "./capture.ts";
import { compileRoute, matchRoute } from "./routes.ts";

// The package is a webpack CommonJS bundle: Node's ESM loader cannot see these classes as named exports.
const { HttpRequest, HttpResponse, InvocationContext } = azureFunctions;

/** The Functions host's own request cap (Azure: 100 MB); each operation enforces its smaller limit. */
export const HOST_MAX_BODY_BYTES = 100 * 1024 * 1024;
/** A route that takes no body still gets a small allowance (a stray body is ignored by the operation). */
const NO_BODY_BYTES = 64 * 1024;

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
  // Each registration's roles and body limit, so a request is refused before its body is read.
  const { OPERATIONS } = await import("../../functions/operations.ts");
  const byName = new Map<string, OperationDescriptor>(OPERATIONS.map((o) => [o.name, o]));
  const server = createServer((req, res) => {
    dispatch(req, res).catch((e) => {
      console.error("local host failure:", e);
      if (!res.headersSent)
        sendProblem(res, 500, "internal", { "zh-CN": "本地主机内部错误", en: "local host internal error" });
      else res.destroy();
    });
  });

  // A route table is fixed once loaded: the same method and path always match the same way (monitors and
  // recalculations ask the same few paths over and over), so the regex walk runs once per distinct request line.
  const matches = new Map<string, ReturnType<typeof matchRoute>>();
  const cachedMatch = (method: string, pathname: string) => {
    const key = `${method} ${pathname}`;
    let match = matches.get(key);
    if (!match) {
      if (matches.size >= 1_000) matches.clear();
      matches.set(key, (match = matchRoute(routes, method, pathname)));
    }
    return match;
  };

  async function dispatch(req: IncomingMessage, res: ServerResponse) {
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    const match = cachedMatch(method, url.pathname);
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
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
    // The token and the declared length are checked before a byte of the body is read; the body is
    // then read only up to the route's own limit, so an anonymous 99 MB post costs no memory.
    const op = byName.get(reg.name);
    if (op && op.roles !== "public" && method !== "OPTIONS") {
      try {
        await authorize({ headers: new Headers(headers) }, op.roles);
      } catch (e) {
        if (!(e instanceof ProblemError)) throw e;
        return refuseBody(req, res, e, corsHeaders({ headers: new Headers(headers) } as never));
      }
    }
    const limit = op ? (op.maxBodyBytes ?? NO_BODY_BYTES) : HOST_MAX_BODY_BYTES;
    const kib = (n: number) => (n >= 1024 * 1024 ? `${n / (1024 * 1024)} MiB` : `${n / 1024} KiB`);
    // Made only when needed: an Error captures a stack trace, a visible cost on every small request.
    const tooLarge = () =>
      new ProblemError(413, "too-large", {
        "zh-CN": `请求内容超过本接口上限 ${kib(limit)}`,
        en: `request body exceeds this operation's limit of ${kib(limit)}`,
      });
    const cors = () => corsHeaders({ headers: new Headers(headers) } as never);
    if (Number(req.headers["content-length"] ?? 0) > limit) return refuseBody(req, res, tooLarge(), cors());
    const body = await readBody(req, limit);
    if (body === "too-large") return refuseBody(req, res, tooLarge(), cors());
    const request = new HttpRequest({
      method,
      url: url.toString(),
      headers,
      query: Object.fromEntries(url.searchParams.entries()),
      params: { ...match.params },
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
    // Our operations answer with a plain init whose body is text or bytes: written as is, without a Response
    // round trip (the host's per-request cost is what bench/api measures). Anything else goes through HttpResponse.
    const plain = plainReply(result);
    if (plain) {
      res.writeHead(plain.status, { ...plain.headers, "Content-Length": String(plain.length) });
      res.end(method === "HEAD" ? undefined : plain.body);
      return;
    }
    const response = result instanceof HttpResponse ? result : new HttpResponse(result ?? {});
    const bytes = Buffer.from(await response.arrayBuffer());
    const out: Record<string, string> = {};
    response.headers.forEach((v, k) => (out[k] = v));
    res.writeHead(response.status, { ...out, "Content-Length": String(bytes.length) });
    res.end(method === "HEAD" ? undefined : bytes);
  }

  // Node answers over-long headers (and other unparseable requests) itself, with an empty body:
  // answer them as problem+json like every other refusal.
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const long = err.code === "HPE_HEADER_OVERFLOW";
    const status = long ? 431 : 400;
    const text = JSON.stringify(
      problemBody(
        status,
        long ? "headers-too-large" : "bad-request",
        long
          ? {
              "zh-CN": "请求头过长（超过 16 KiB）；请缩短请求头（如访问令牌、Cookie）后重试",
              en: "the request headers are too long (over 16 KiB); shorten them (the token, cookies) and retry",
            }
          : { "zh-CN": "无法解析的 HTTP 请求", en: "the HTTP request could not be parsed" },
      ),
    );
    socket.end(
      `HTTP/1.1 ${status} ${long ? "Request Header Fields Too Large" : "Bad Request"}\r\n` +
        `Content-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n` +
        `Connection: close\r\n\r\n${text}`,
    );
  });

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

/** Reads the body up to `limit` bytes; past it, stops keeping anything and says so. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | "too-large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= limit) return void chunks.push(c);
      req.off("data", onData);
      chunks.length = 0;
      resolve("too-large");
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Refuses a request without keeping its body: the rest is discarded as it arrives, then the connection closes. */
function refuseBody(req: IncomingMessage, res: ServerResponse, e: ProblemError, cors: Record<string, string>) {
  req.resume();
  const text = JSON.stringify(problemBody(e.status, e.slug, e.bilingual, e.extra.errors, req.url));
  res.writeHead(e.status, {
    "Content-Type": "application/problem+json; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(text)),
    Connection: "close",
    ...cors,
    ...(e.extra.headers ?? {}),
  });
  res.end(text);
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

/**
 * A handler's plain answer (status, string headers, text or bytes body), or undefined for anything else.
 * Text stays text: Node then sends the head and a text body in one write, where bytes cost a second buffer.
 */
function plainReply(
  result: unknown,
): { status: number; headers: Record<string, string>; body: string | Buffer; length: number } | undefined {
  if (!result || typeof result !== "object" || result instanceof HttpResponse) return undefined;
  const init = result as HttpResponseInit;
  if (init.jsonBody !== undefined || init.cookies !== undefined) return undefined;
  const headers = init.headers ?? {};
  if (typeof headers !== "object" || Array.isArray(headers) || headers instanceof Headers) return undefined;
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (typeof v !== "string") return undefined;
    flat[k.toLowerCase()] = v;
  }
  const body = init.body;
  const status = init.status ?? 200;
  if (body === undefined || body === null) return { status, headers: flat, body: "", length: 0 };
  if (typeof body === "string") {
    // As a Response would: text without a declared type is text/plain.
    flat["content-type"] ??= "text/plain;charset=UTF-8";
    return { status, headers: flat, body, length: Buffer.byteLength(body) };
  }
  if (body instanceof Uint8Array) {
    const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    return { status, headers: flat, body: bytes, length: bytes.length };
  }
  return undefined;
}
