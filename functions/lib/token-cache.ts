import type { JWTPayload } from "jose";

/**
 * Tokens whose signature, issuer, audience and expiry have verified, remembered briefly: a client sends the same
 * token with every request (a recalculation sends many), and each ECDSA/RSA check costs more than a small
 * request's own work. The key is the exact token text together with the key source, issuer and audiences it was
 * verified under, so a change of configuration or keys never reuses an entry. An entry lasts until the token's
 * exp (strictly, without the verifier's clock tolerance) and at most MAX_AGE_MS (a key Entra ID withdraws stops
 * being honoured within that time). Only successes are kept; the role check still runs on every request.
 */
export const MAX_AGE_MS = 60_000;
export const MAX_ENTRIES = 1_000;

const entries = new Map<string, { until: number; payload: JWTPayload }>();

export function verifiedPayload(key: string, now = Date.now()): JWTPayload | undefined {
  const hit = entries.get(key);
  if (!hit) return undefined;
  if (now < hit.until) return hit.payload;
  entries.delete(key);
  return undefined;
}

export function rememberVerified(key: string, payload: JWTPayload, now = Date.now()): void {
  const exp = typeof payload.exp === "number" && Number.isFinite(payload.exp) ? payload.exp * 1000 : 0;
  const until = Math.min(exp, now + MAX_AGE_MS);
  if (until <= now) return;
  // The oldest entry (Map keeps insertion order) makes room: many callers cost memory only up to MAX_ENTRIES.
  if (entries.size >= MAX_ENTRIES && !entries.has(key)) entries.delete(entries.keys().next().value!);
  entries.set(key, { until, payload });
}
