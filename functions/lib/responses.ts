import { ProblemSchema } from "../../shared/index.ts";
import type { ResponseSpec } from "./operation.ts";

const problem = (status: number, zh: string, en: string): ResponseSpec => ({
  status,
  description: { "zh-CN": zh, en },
  schema: ProblemSchema,
  contentType: "application/problem+json",
});

/** The refusals every operation may answer with (RFC 9457 problem+json). */
export const COMMON_PROBLEMS: ResponseSpec[] = [
  problem(400, "请求有误（字段路径与双语说明见 errors）", "Bad request (field paths and bilingual messages in errors)"),
  problem(401, "缺少或无效的访问令牌", "Missing or invalid access token"),
  problem(403, "角色不允许", "Role not allowed"),
  problem(413, "请求内容超过上限", "Body over the operation's limit"),
  problem(415, "请求内容须为 JSON", "Body must be JSON"),
  problem(503, "存储暂不可用（见 Retry-After）", "Storage unavailable (see Retry-After)"),
];

export const PUBLIC_PROBLEMS: ResponseSpec[] = COMMON_PROBLEMS.filter((r) => r.status !== 401 && r.status !== 403);

export const notFoundProblem = (zh: string, en: string): ResponseSpec => problem(404, zh, en);
export const problemSpec = problem;
