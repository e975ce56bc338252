import { gzipSync } from "node:zlib";
import {
  app,
  type HttpHandler,
  type HttpRequest,
  type HttpResponseInit,
  type InvocationContext,
} from "@azure/functions";
import type { z } from "zod";
import type { Bilingual } from "../../shared/index.ts";
import { authorize, type Caller, type Role } from "./auth.ts";
import { readBinary, readJson } from "./body.ts";
import { ProblemError, problemResponse, storeUnavailable, validationProblem } from "./problem.ts";
import { corsHeaders } from "./cors.ts";
import { isStoreDown } from "../store/clients.ts";

export type Method = "GET" | "POST" | "PUT";

export interface ResponseSpec {
  status: number;
  description: Bilingual;
  /** JSON schema of the body; absent for non-JSON bodies (csv, xlsx) described by contentType. */
  schema?: z.ZodType;
  contentType?: string;
  headers?: Record<string, Bilingual>;
}

/** Everything an OpenAPI generator (or a reader) needs about one operation. */
export interface OperationDescriptor {
  /** The function name, as registered with app.http. */
  name: string;
  method: Method;
  /** Route under the host's prefix (host.json: "api"), Azure route-template syntax. */
  route: string;
  /** Roles allowed; "public" needs no token. */
  roles: readonly Role[] | "public";
  summary: Bilingual;
  description?: Bilingual;
  /** How a flow designer shows the action: important (first), advanced, internal (hidden). Default: shown. */
  visibility?: "important" | "advanced" | "internal";
  /** Largest accepted body in bytes; larger gets 413. Undefined: the operation takes no body. */
  maxBodyBytes?: number;
  request: {
    body?: z.ZodType;
    /** A file body (e.g. an xlsx workbook) instead of JSON: the handler receives its bytes. */
    file?: { contentTypes: readonly string[]; description: Bilingual };
    params?: z.ZodType;
    query?: z.ZodType;
    headers?: Record<string, { required: boolean; description: Bilingual }>;
  };
  responses: ResponseSpec[];
}

export interface Call<B, P, Q> {
  req: HttpRequest;
  context: InvocationContext;
  caller: Caller | undefined;
  body: B;
  params: P;
  query: Q;
}

export interface Reply {
  status?: number;
  /** Validated against the operation's response schema for this status. */
  json?: unknown;
  body?: string | Uint8Array;
  contentType?: string;
  headers?: Record<string, string>;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface OperationInput<
  B extends z.ZodType | undefined,
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
> extends Omit<OperationDescriptor, "request"> {
  request: {
    body?: B;
    file?: OperationDescriptor["request"]["file"];
    params?: P;
    query?: Q;
    headers?: OperationDescriptor["request"]["headers"];
  };
  run: (call: Call<Out<B>, Out<P>, Out<Q>> & { file?: Uint8Array }) => Promise<Reply>;
}

export interface Operation extends OperationDescriptor {
  handler: HttpHandler;
}

/**
 * Wraps an operation's logic with what every route needs, in this order: CORS, token and role,
 * path/query validation, body size and JSON validation; then the response schema; and turns any
 * refusal into problem+json (an unexpected exception too, logged, as a 500 problem).
 */
export function defineOperation<
  B extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(spec: OperationInput<B, P, Q>): Operation {
  const { run, ...descriptor } = spec;
  const handler: HttpHandler = async (req, context): Promise<HttpResponseInit> => {
    const cors = corsHeaders(req);
    try {
      const caller = spec.roles === "public" ? undefined : await authorize(req, spec.roles);
      const params = parseOr(spec.request.params, req.params, { "zh-CN": "路径参数", en: "path parameter" }) as Out<P>;
      const query = (
        spec.request.query
          ? parseOr(spec.request.query, Object.fromEntries(req.query.entries()), {
              "zh-CN": "查询参数",
              en: "query parameter",
            })
          : undefined
      ) as Out<Q>;
      const body = (
        spec.request.body ? await readJson(req, spec.request.body, spec.maxBodyBytes ?? 1024 * 1024) : undefined
      ) as Out<B>;
      const maxBytes = spec.maxBodyBytes ?? 1024 * 1024;
      const file = spec.request.file ? await readBinary(req, spec.request.file.contentTypes, maxBytes) : undefined;
      const reply = await run({ req, context, caller, body, params, query, file });
      return compress(req, toResponse(spec, reply, cors));
    } catch (e) {
      let problem: ProblemError;
      if (e instanceof ProblemError) problem = e;
      else if (isStoreDown(e)) {
        context.warn(`store unavailable: ${String((e as Error)?.message ?? e)}`);
        problem = storeUnavailable();
      } else {
        context.error(`unexpected failure in ${spec.name}:`, e);
        problem = new ProblemError(500, "internal", {
          "zh-CN": "服务内部错误，已记录；请联系管理员",
          en: "internal error, logged; please contact the administrator",
        });
      }
      const res = problemResponse(problem, new URL(req.url).pathname);
      return { ...res, headers: { ...(res.headers as Record<string, string>), ...cors } };
    }
  };
  return { ...descriptor, request: spec.request, handler };
}

/** Registers the operation with the Functions runtime: the one route table both hosts read. */
export function register(op: Operation): void {
  app.http(op.name, { methods: [op.method], route: op.route, authLevel: "anonymous", handler: op.handler });
}

/** Large JSON answers (a 10,000-item verdict batch is ~9 MB) are gzipped when the caller accepts it. */
const COMPRESS_FROM_BYTES = 32 * 1024;
function compress(req: HttpRequest, res: HttpResponseInit): HttpResponseInit {
  const headers = res.headers as Record<string, string>;
  const type = headers["Content-Type"] ?? "";
  if (typeof res.body !== "string" || res.body.length < COMPRESS_FROM_BYTES || !/json|csv/.test(type)) return res;
  if (!/\bgzip\b/i.test(req.headers.get("accept-encoding") ?? "")) return res;
  return {
    ...res,
    body: gzipSync(res.body, { level: 1 }),
    headers: {
      ...headers,
      "Content-Encoding": "gzip",
      Vary: headers.Vary ? `${headers.Vary}, Accept-Encoding` : "Accept-Encoding",
    },
  };
}

function parseOr(schema: z.ZodType | undefined, value: unknown, where: Bilingual): unknown {
  if (!schema) return undefined;
  const r = schema.safeParse(value);
  if (!r.success) throw validationProblem(r.error, where);
  return r.data;
}

function toResponse(spec: OperationDescriptor, reply: Reply, cors: Record<string, string>): HttpResponseInit {
  const status = reply.status ?? 200;
  const headers: Record<string, string> = { ...cors, ...(reply.headers ?? {}) };
  if (reply.json !== undefined) {
    const schema = spec.responses.find((r) => r.status === status)?.schema;
    if (!schema) throw new Error(`${spec.name}: no response schema for ${status}`);
    const checked = schema.parse(reply.json);
    headers["Content-Type"] = "application/json; charset=utf-8";
    return { status, headers, body: JSON.stringify(checked) };
  }
  if (reply.contentType) headers["Content-Type"] = reply.contentType;
  return { status, headers, body: reply.body };
}
