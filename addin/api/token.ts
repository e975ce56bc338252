import { decodeJwt } from "jose";

export interface TokenInfo {
  name: string | null;
  roles: string[];
  expired: boolean;
}

/** Who the token says is signed in (display only: the server verifies the signature). */
export function tokenInfo(token: string | null | undefined, now: Date = new Date()): TokenInfo | null {
  if (!token) return null;
  try {
    const claims = decodeJwt(token);
    const str = (v: unknown) => (typeof v === "string" && v ? v : null);
    const name =
      str(claims.name) ?? str(claims.preferred_username) ?? str(claims.upn) ?? str(claims.email) ?? str(claims.sub);
    const raw = claims.roles ?? claims.role;
    const roles = Array.isArray(raw)
      ? raw.filter((r): r is string => typeof r === "string")
      : typeof raw === "string"
        ? raw.split(/[\s,]+/).filter(Boolean)
        : [];
    const expired = typeof claims.exp === "number" && claims.exp * 1000 <= now.getTime();
    return { name, roles, expired };
  } catch {
    return null;
  }
}
