import type { HttpResponseInit } from "@azure/functions";
import type { z } from "zod";
import { fieldProblem, fieldProblems, ScoreRefusal, type Bilingual, type Problem } from "../../shared/index.ts";

/** A refusal the caller can act on: becomes an RFC 9457 problem+json response. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly bilingual: Bilingual,
    readonly extra: { errors?: Problem["errors"]; headers?: Record<string, string> } = {},
  ) {
    super(`${bilingual["zh-CN"]} | ${bilingual.en}`);
    this.name = "ProblemError";
  }
}

export const PROBLEM_TYPE_BASE = "https://kaoping.dev/problems/";

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  410: "Gone",
  412: "Precondition Failed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export function problemBody(
  status: number,
  slug: string,
  message: Bilingual,
  errors?: Problem["errors"],
  instance?: string,
): Problem {
  return {
    type: PROBLEM_TYPE_BASE + slug,
    title: TITLES[status] ?? "Error",
    status,
    detail: `${message["zh-CN"]} | ${message.en}`,
    ...(instance ? { instance } : {}),
    message,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function problemResponse(err: ProblemError, instance?: string): HttpResponseInit {
  return {
    status: err.status,
    headers: { "Content-Type": "application/problem+json; charset=utf-8", ...(err.extra.headers ?? {}) },
    body: JSON.stringify(problemBody(err.status, err.slug, err.bilingual, err.extra.errors, instance)),
  };
}

/** A zod failure on what the caller sent: 400 with every field path, zh-CN and en. */
export function validationProblem(
  error: z.ZodError,
  where: Bilingual = { "zh-CN": "请求内容", en: "request body" },
  prefix: (string | number)[] = [],
): ProblemError {
  const errors = fieldProblems(error).map((p) => fieldProblem([...prefix, ...p.path], p.message));
  const first = errors[0];
  const at = first ? ` (${first.pointer}: ${first.message["zh-CN"]} | ${first.message.en})` : "";
  return new ProblemError(
    400,
    "validation",
    {
      "zh-CN": `${where["zh-CN"]}有 ${errors.length} 处不符合要求${at ? `，首处 ${first!.pointer}：${first!.message["zh-CN"]}` : ""}`,
      en: `${where.en} has ${errors.length} problem(s)${at ? `; first at ${first!.pointer}: ${first!.message.en}` : ""}`,
    },
    { errors },
  );
}

export const storeUnavailable = (): ProblemError =>
  new ProblemError(
    503,
    "store-unavailable",
    {
      "zh-CN": "存储服务暂时不可用，请稍后重试；本次请求未保存任何内容",
      en: "storage is temporarily unavailable, please retry later; nothing from this request was saved",
    },
    { headers: { "Retry-After": "10" } },
  );

/**
 * The engine's refusal of a whole input (e.g. no_vote_column) as the caller's 422, with the field it concerns
 * when the input was JSON (a workbook upload has no field path). Anything else is rethrown as it is.
 */
export function refusedInput(e: unknown, path: (string | number)[] = []): never {
  if (!(e instanceof ScoreRefusal)) throw e;
  const errors = path.length ? [fieldProblem(path, e.bilingual)] : undefined;
  throw new ProblemError(422, e.code.replace(/_/g, "-"), e.bilingual, errors ? { errors } : {});
}
