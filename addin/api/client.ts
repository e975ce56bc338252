import { z } from "zod";
import {
  AdvanceResponseSchema,
  DecisionResponseSchema,
  PolicyListSchema,
  PublishedPolicySchema,
  QuorumResponseSchema,
  QuorumBatchResponseSchema,
  type QuorumBatchRequest,
  RecommendationResponseSchema,
  AssessmentResultSchema,
  SheetListSchema,
  SheetSummarySchema,
  StoredSheetSchema,
  VerdictResponseSchema,
  type AdvanceRequest,
  type DecisionRequest,
  type RecommendationRequest,
  type ScoreRequest,
  type SheetSubmit,
  type VerdictRequest,
} from "../../shared/index.ts";
import { ApiError, problemError } from "./errors.ts";

export type Connectivity = "unknown" | "online" | "offline";

export interface ApiClientOptions {
  baseUrl: string | (() => string);
  /** A bearer token, or a function that finds one (Office SSO, the pasted token). */
  token?: string | null | (() => string | null | undefined | Promise<string | null | undefined>);
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  headers?: Record<string, string>;
}

export const DEFAULT_TIMEOUT_MS = 8000;

// POST /api/sheets answers with the stored sheet's summary; only the id is essential to the pane.
const SubmitResponseSchema = SheetSummarySchema.partial().extend({ id: z.string() });

/** A typed client for the kaoping functions: every answer is checked against the shared schemas. */
export class ApiClient {
  private readonly opts: ApiClientOptions;
  private state: Connectivity = "unknown";
  private readonly listeners = new Set<(state: Connectivity) => void>();

  constructor(opts: ApiClientOptions) {
    this.opts = opts;
  }

  get connectivity(): Connectivity {
    return this.state;
  }

  /** Called whenever a call finds the service reachable or not (the pane's offline banner). */
  onConnectivity(listener: (state: Connectivity) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setState(next: Connectivity) {
    if (next === this.state) return;
    this.state = next;
    for (const l of this.listeners) l(next);
  }

  private baseUrl(): string {
    const b = typeof this.opts.baseUrl === "function" ? this.opts.baseUrl() : this.opts.baseUrl;
    // Either the host ("http://localhost:7071") or its API root (".../api") is accepted: paths carry /api.
    return b.replace(/\/+$/, "").replace(/\/api$/, "");
  }

  /** One HTTP call: timeout by AbortController, network failure => offline, error answers => problem. */
  async request<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    body?: unknown,
    call: CallOptions = {},
  ): Promise<z.infer<S>> {
    const text = await this.requestText(method, path, body, {
      ...call,
      headers: { accept: "application/json", ...call.headers },
    });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (cause) {
      throw ApiError.of("bad_response", { cause });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw ApiError.of("bad_response", { cause: parsed.error });
    return parsed.data;
  }

  async requestText(method: string, path: string, body?: unknown, call: CallOptions = {}): Promise<string> {
    const res = await this.send(method, path, body, call);
    return res.text;
  }

  private async send(
    method: string,
    path: string,
    body: unknown,
    call: CallOptions,
  ): Promise<{ status: number; text: string }> {
    const doFetch = this.opts.fetch ?? globalThis.fetch.bind(globalThis);
    const timeoutMs = call.timeoutMs ?? this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const outer = call.signal;
    const onOuterAbort = () => controller.abort();
    outer?.addEventListener("abort", onOuterAbort);
    try {
      const headers: Record<string, string> = { ...call.headers };
      const token = typeof this.opts.token === "function" ? await this.opts.token() : this.opts.token;
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers["content-type"] = "application/json";
      let res: Response;
      try {
        res = await doFetch(this.baseUrl() + path, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: controller.signal,
        });
      } catch (cause) {
        // fetch rejects only when no answer came: the service is unreachable (or we gave up waiting).
        this.setState("offline");
        throw ApiError.of(timedOut ? "timeout" : "offline", { cause });
      }
      let text: string;
      try {
        text = await res.text();
      } catch (cause) {
        this.setState("offline");
        throw ApiError.of(timedOut ? "timeout" : "offline", { cause });
      }
      this.setState("online");
      if (!res.ok) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        throw problemError(res.status, parsed);
      }
      return { status: res.status, text };
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onOuterAbort);
    }
  }

  health(call?: CallOptions) {
    return this.request("GET", "/api/health", z.unknown(), undefined, call);
  }
  listPolicies(call?: CallOptions) {
    return this.request("GET", "/api/policies", PolicyListSchema, undefined, call);
  }
  getPolicy(id: string, version?: number, call?: CallOptions) {
    const path =
      version === undefined
        ? `/api/policies/${encodeURIComponent(id)}`
        : `/api/policies/${encodeURIComponent(id)}/versions/${version}`;
    return this.request("GET", path, PublishedPolicySchema, undefined, call);
  }
  verdict(body: VerdictRequest, call?: CallOptions) {
    return this.request("POST", "/api/rules/verdict", VerdictResponseSchema, body, call);
  }
  quorumBatch(body: QuorumBatchRequest, call?: CallOptions) {
    return this.request("POST", "/api/rules/quorum/batch", QuorumBatchResponseSchema, body, call);
  }

  quorum(body: { attendees: number; expected: number; policyId?: string; version?: number }, call?: CallOptions) {
    return this.request("POST", "/api/rules/quorum", QuorumResponseSchema, body, call);
  }
  recommendation(body: RecommendationRequest, call?: CallOptions) {
    return this.request("POST", "/api/rules/recommendation", RecommendationResponseSchema, body, call);
  }
  advance(body: AdvanceRequest, call?: CallOptions) {
    return this.request("POST", "/api/rules/advance", AdvanceResponseSchema, body, call);
  }

  decide(body: DecisionRequest, call?: CallOptions) {
    return this.request("POST", "/api/rules/decide", DecisionResponseSchema, body, call);
  }
  score(body: ScoreRequest, call?: CallOptions) {
    return this.request("POST", "/api/score", AssessmentResultSchema, body, call);
  }
  /** Idempotent submit: the same key on a retry returns the first submission, never a duplicate. */
  submitSheet(body: SheetSubmit, idempotencyKey: string, call?: CallOptions) {
    return this.request("POST", "/api/sheets", SubmitResponseSchema, body, {
      ...call,
      headers: { ...call?.headers, "idempotency-key": idempotencyKey },
    });
  }
  /** Every page of the list (the service pages it; at most 50 pages of 200 are followed). */
  async listSheets(query: { unit?: string; period?: string }, call?: CallOptions) {
    const items: z.infer<typeof SheetListSchema>["items"] = [];
    let token: string | undefined;
    for (let page = 0; page < 50; page++) {
      const qs = new URLSearchParams();
      if (query.unit) qs.set("unit", query.unit);
      if (query.period) qs.set("period", query.period);
      if (token) qs.set("continuationToken", token);
      const q = qs.toString();
      const got = await this.request("GET", `/api/sheets${q ? `?${q}` : ""}`, SheetListSchema, undefined, call);
      items.push(...got.items);
      token = got.continuationToken;
      if (!token) break;
    }
    return { items };
  }
  getSheet(id: string, call?: CallOptions) {
    return this.request("GET", `/api/sheets/${encodeURIComponent(id)}?format=json`, StoredSheetSchema, undefined, call);
  }
}
