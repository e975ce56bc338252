import type { Policy, PolicyIdentity } from "../schemas/policy.ts";

/**
 * Canonical JSON: keys sorted by code unit, no white space, numbers in ECMAScript shortest form
 * (the RFC 8785 rules for the values a policy holds), so the same policy hashes the same everywhere.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new TypeError("non-finite number in policy");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** sha256 over the canonical JSON, with Web Crypto so the add-in and Node agree. */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const digest = await globalThis.crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function policyIdentity(policy: Policy): Promise<PolicyIdentity> {
  return { id: policy.id, version: policy.version, sha256: await sha256Hex(canonicalJson(policy)) };
}
