import type { HttpRequest } from "@azure/functions";
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from "jose";
import { ProblemError } from "./problem.ts";
import { settings } from "./settings.ts";
import { rememberVerified, verifiedPayload } from "./token-cache.ts";

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

/** The sign-in hosts of Entra ID's clouds whose tokens this service can be set to accept. */
export const AUTHORITY_HOSTS = ["login.microsoftonline.com", "login.chinacloudapi.cn"] as const;

const notConfigured = (zh: string, en: string) =>
  new ProblemError(503, "auth-not-configured", { "zh-CN": zh, en }, { headers: { "Retry-After": "60" } });

/** A loopback JWKS may be plain http (tests, a local proxy); anything else must be https. */
const allowedJwksUri = (uri: URL) =>
  uri.protocol === "https:" ||
  (uri.protocol === "http:" && /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(uri.hostname));

/** Entra ID's keys in Azure (global or Azure China, as configured); the dev issuer's public key locally. */
function keySource(): { key: string; jwks: JWTVerifyGetKey; issuer: string } {
  const s = settings();
  const key = s.tenantId
    ? `tenant:${s.authorityHost}:${s.tenantId}:${s.jwksUri ?? ""}`
    : `dev:${s.inAzure}:${s.devIssuer}:${s.devJwks ?? ""}`;
  if (cached?.key === key) return cached;
  if (s.tenantId) {
    if (!(AUTHORITY_HOSTS as readonly string[]).includes(s.authorityHost))
      throw notConfigured(
        `KAOPING_AUTHORITY_HOST「${s.authorityHost}」不是受支持的 Entra ID 登录地址（${AUTHORITY_HOSTS.join("、")}）；请管理员更正`,
        `KAOPING_AUTHORITY_HOST "${s.authorityHost}" is not a supported Entra ID sign-in host (${AUTHORITY_HOSTS.join(", ")}); the administrator must correct it`,
      );
    const tenant = encodeURIComponent(s.tenantId);
    const uri = new URL(s.jwksUri ?? `https://${s.authorityHost}/${tenant}/discovery/v2.0/keys`);
    if (!allowedJwksUri(uri))
      throw notConfigured("KAOPING_JWKS_URI 须为 https 地址", "KAOPING_JWKS_URI must be an https address");
    cached = {
      key,
      jwks: createRemoteJWKSet(uri, { timeoutDuration: 5000, cooldownDuration: 30_000 }),
      issuer: `https://${s.authorityHost}/${s.tenantId}/v2.0`,
    };
  } else if (s.inAzure) {
    // In Azure only Entra ID signs tokens: a development issuer is refused outright, whatever else is set.
    throw notConfigured(
      "服务在 Azure 中运行但未配置 Entra ID 租户（KAOPING_TENANT_ID）；开发用签发者在 Azure 中一律不予接受",
      "the service runs in Azure without an Entra ID tenant (KAOPING_TENANT_ID); the development issuer is never accepted in Azure",
    );
  } else if (s.devJwks) {
    cached = { key, jwks: createLocalJWKSet(JSON.parse(s.devJwks) as JSONWebKeySet), issuer: s.devIssuer };
  } else {
    throw notConfigured(
      "服务未配置身份验证（缺少 KAOPING_TENANT_ID 或开发密钥），无法验证令牌",
      "authentication is not configured (no KAOPING_TENANT_ID or development key); tokens cannot be checked",
    );
  }
  return cached;
}

/** Entra ID's key endpoint did not answer: the caller is not at fault and should retry. */
const keysUnreachable = () =>
  new ProblemError(
    503,
    "keys-unavailable",
    {
      "zh-CN": "暂时无法取得身份验证服务的签名密钥，令牌无法验证；请稍后重试",
      en: "the sign-in service's signing keys cannot be fetched right now, so the token cannot be checked; retry later",
    },
    { headers: { "Retry-After": "30" } },
  );

/** Checks the bearer token's signature, issuer, audience and expiry (which it must carry), then that it carries one of the roles. */
export async function authorize(req: Pick<HttpRequest, "headers">, allowed: readonly Role[]): Promise<Caller> {
  const header = req.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match)
    throw unauthorized("缺少访问令牌（Authorization: Bearer …）", "missing access token (Authorization: Bearer …)");
  const source = keySource();
  const audience = settings().audiences;
  // Reused only for the same token under the same keys, issuer and audiences (token-cache.ts).
  const verifiedAs = JSON.stringify([source.key, source.issuer, audience, match[1]!]);
  const payload = verifiedPayload(verifiedAs) ?? (await verifyToken(match[1]!, source, audience, verifiedAs));
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

/** The token's signature and claims checked against the key source; a refusal says why, in both languages. */
async function verifyToken(
  token: string,
  { jwks, issuer }: { jwks: JWTVerifyGetKey; issuer: string },
  audience: string | string[] | undefined,
  verifiedAs: string,
): Promise<JWTPayload> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, jwks, {
      issuer,
      audience,
      requiredClaims: ["exp"],
      clockTolerance: 30,
    }));
  } catch (e) {
    if (e instanceof errors.JWTExpired)
      throw unauthorized("访问令牌已过期，请重新登录", "the access token has expired; sign in again");
    if (e instanceof errors.JWTClaimValidationFailed) {
      if (e.claim === "exp")
        throw unauthorized(
          "访问令牌没有有效期（exp），不予接受；请重新登录取得新的令牌",
          "the access token has no expiry (exp) and is not accepted; sign in again for a new token",
        );
      if (e.claim === "nbf")
        throw unauthorized(
          "访问令牌尚未生效（nbf 在将来）；请检查本机时间后重新登录",
          "the access token is not valid yet (its nbf is in the future); check this computer's clock and sign in again",
        );
      if (e.claim === "iss")
        throw unauthorized(
          "访问令牌的签发者不是本服务所信任的登录服务（iss 不符）；请用本单位的账户重新登录",
          "the access token was issued by a sign-in service this service does not trust (wrong iss); sign in with your organisation's account",
        );
      if (e.claim === "aud")
        throw unauthorized(
          "访问令牌不是为本服务签发的（aud 不符）；请重新登录本服务",
          "the access token was not issued for this service (wrong aud); sign in to this service again",
        );
      throw unauthorized(
        `访问令牌的声明「${e.claim}」不符合要求`,
        `the access token's "${e.claim}" claim is not accepted`,
      );
    }
    // Not a verdict on the token itself (the fetch failed or timed out, the key set was unusable): the key endpoint's fault.
    if (!(e instanceof errors.JOSEError) || e instanceof errors.JWKSTimeout || e instanceof errors.JWKSInvalid)
      throw keysUnreachable();
    throw unauthorized(
      "访问令牌无效（签名无法验证或格式错误）",
      "the access token is not valid (signature does not verify or it is malformed)",
    );
  }
  rememberVerified(verifiedAs, payload);
  return payload;
}
