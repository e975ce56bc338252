import type { HttpRequest } from "@azure/functions";
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from "jose";
import { ProblemError } from "./problem.ts";
import { settings } from "./settings.ts";

export const ROLES = ["assessor", "hr", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface Caller {
  /** Who acted, for the audit log: the UPN, else the object id, else the subject. */
  actor: string;
  roles: Role[];
}

const ROLE_LABELS: Record<Role, string> = { assessor: "评分员 assessor", hr: "人事 hr", admin: "管理员 admin" };

const unauthorized = (zh: string, en: string) =>
  new ProblemError(
    401,
    "unauthorized",
    { "zh-CN": zh, en },
    { headers: { "WWW-Authenticate": 'Bearer realm="kaoping"' } },
  );

let cached: { key: string; jwks: JWTVerifyGetKey; issuer: string } | undefined;

/** Entra ID's keys in Azure; the dev issuer's public key locally. */
function keySource(): { jwks: JWTVerifyGetKey; issuer: string } {
  const s = settings();
  const key = s.tenantId ? `tenant:${s.tenantId}` : `dev:${s.devIssuer}:${s.devJwks ?? ""}`;
  if (cached?.key === key) return cached;
  if (s.tenantId) {
    cached = {
      key,
      jwks: createRemoteJWKSet(new URL(`https://login.microsoftonline.com/${s.tenantId}/discovery/v2.0/keys`)),
      issuer: `https://login.microsoftonline.com/${s.tenantId}/v2.0`,
    };
  } else if (s.devJwks) {
    cached = { key, jwks: createLocalJWKSet(JSON.parse(s.devJwks) as JSONWebKeySet), issuer: s.devIssuer };
  } else {
    throw unauthorized(
      "服务未配置身份验证（缺少 KAOPING_TENANT_ID 或开发密钥），无法验证令牌",
      "authentication is not configured (no KAOPING_TENANT_ID or development key); tokens cannot be checked",
    );
  }
  return cached;
}

/** Checks the bearer token's signature, issuer, audience and expiry, then that it carries one of the roles. */
export async function authorize(req: HttpRequest, allowed: readonly Role[]): Promise<Caller> {
  const header = req.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match)
    throw unauthorized("缺少访问令牌（Authorization: Bearer …）", "missing access token (Authorization: Bearer …)");
  const { jwks, issuer } = keySource();
  let payload;
  try {
    ({ payload } = await jwtVerify(match[1]!, jwks, { issuer, audience: settings().audience, clockTolerance: 30 }));
  } catch (e) {
    if (e instanceof errors.JWTExpired)
      throw unauthorized("访问令牌已过期，请重新登录", "the access token has expired; sign in again");
    if (e instanceof errors.JWTClaimValidationFailed)
      throw unauthorized(
        `访问令牌的声明「${e.claim}」不符合要求（签发者或受众不对）`,
        `the access token's "${e.claim}" claim is not accepted (wrong issuer or audience)`,
      );
    throw unauthorized(
      "访问令牌无效（签名无法验证或格式错误）",
      "the access token is not valid (signature does not verify or it is malformed)",
    );
  }
  const claimed = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === "string") : [];
  const roles = claimed.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  if (!roles.some((r) => allowed.includes(r))) {
    const need = allowed.map((r) => ROLE_LABELS[r]);
    throw new ProblemError(403, "forbidden", {
      "zh-CN": `无权执行此操作：需要角色 ${need.map((n) => n.split(" ")[0]).join("、")}`,
      en: `not allowed: this needs the role ${need.map((n) => n.split(" ")[1]).join(" or ")}`,
    });
  }
  const actor =
    [payload.preferred_username, payload.upn, payload.oid, payload.sub].find(
      (v): v is string => typeof v === "string" && v !== "",
    ) ?? "unknown";
  return { actor, roles };
}
