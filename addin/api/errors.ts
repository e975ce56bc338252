import { ProblemSchema, type Bilingual, type Problem } from "../../shared/index.ts";

export type ApiErrorKind = "problem" | "offline" | "timeout" | "bad_response";

const FALLBACK: Record<Exclude<ApiErrorKind, "problem">, Bilingual> = {
  offline: { "zh-CN": "无法连接考评服务（离线）", en: "Cannot reach the kaoping service (offline)" },
  timeout: { "zh-CN": "考评服务超时未响应", en: "The kaoping service did not answer in time" },
  bad_response: {
    "zh-CN": "考评服务返回了无法识别的数据",
    en: "The kaoping service sent data that could not be understood",
  },
};

/** Every failure of a call, typed: a problem+json answer, no network, a timeout, or an answer we cannot read. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly problem: Problem | undefined;
  readonly bilingual: Bilingual;

  constructor(
    kind: ApiErrorKind,
    bilingual: Bilingual,
    opts: { status?: number; problem?: Problem; cause?: unknown } = {},
  ) {
    super(`${bilingual["zh-CN"]} | ${bilingual.en}`, { cause: opts.cause });
    this.name = "ApiError";
    this.kind = kind;
    this.status = opts.status;
    this.problem = opts.problem;
    this.bilingual = bilingual;
  }

  /** The field problems the server named (path and bilingual message), for listing beside the form. */
  get fieldErrors(): NonNullable<Problem["errors"]> {
    return this.problem?.errors ?? [];
  }

  /** The caller could not reach the service: fall back to local rules. */
  get unreachable(): boolean {
    return this.kind === "offline" || this.kind === "timeout";
  }

  /** Only an unreachable or failing service (5xx) warrants a provisional local answer; a 4xx is the caller's to fix. */
  get fallsBackLocally(): boolean {
    return this.unreachable || (this.kind === "problem" && this.status !== undefined && this.status >= 500);
  }

  static of(kind: Exclude<ApiErrorKind, "problem">, opts: { status?: number; cause?: unknown } = {}): ApiError {
    return new ApiError(kind, FALLBACK[kind], opts);
  }
}

/** What to do about a refused sign-in (401): where the user gets a new token. */
export const SIGN_IN_HINT: Bilingual = {
  "zh-CN": "请到「设置」页单击「登录」重新登录",
  en: "Go to the Settings page and click Sign in again",
};

const withHint = (status: number, m: Bilingual): Bilingual =>
  status === 401 ? { "zh-CN": `${m["zh-CN"]}。${SIGN_IN_HINT["zh-CN"]}`, en: `${m.en}. ${SIGN_IN_HINT.en}` } : m;

/** True when a failed call should be answered locally (provisional), false when the user must see the error. */
export const fallsBackLocally = (error: unknown): boolean => error instanceof ApiError && error.fallsBackLocally;

/** Turns an error answer into an ApiError, keeping the server's bilingual message when it sent one. */
export function problemError(status: number, body: unknown): ApiError {
  const parsed = ProblemSchema.safeParse(body);
  if (parsed.success) {
    const p = parsed.data;
    const message = p.message ?? { "zh-CN": p.detail ?? p.title, en: p.detail ?? p.title };
    return new ApiError("problem", withHint(status, message), { status, problem: p });
  }
  return new ApiError(
    "problem",
    withHint(status, { "zh-CN": `考评服务返回错误 ${status}`, en: `The kaoping service answered ${status}` }),
    { status },
  );
}
