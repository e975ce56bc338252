import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { ProblemError } from "./problem.ts";

/**
 * The audit chain's secret. Every entry's hash and every checkpoint is an HMAC-SHA256 under it, so
 * someone who can write the table but does not hold the key cannot forge an entry, a head or a
 * checkpoint. KAOPING_CHAIN_KEY is the current key (in Azure a Key Vault reference resolves into the
 * same setting); KAOPING_CHAIN_KEYS_RETIRED lists earlier keys, comma-separated, so entries written
 * before a rotation keep verifying. A key is named by its id: a hash of the key, never the key.
 */
export interface ChainKey {
  id: string;
  secret: Buffer;
}

const MIN_KEY_CHARS = 32;

const keyIdOf = (secret: string) =>
  createHash("sha256").update(`kaoping-chain-key-id\n${secret}`).digest("hex").slice(0, 16);

const toKey = (secret: string): ChainKey => ({ id: keyIdOf(secret), secret: Buffer.from(secret, "utf8") });

const missing = () =>
  new ProblemError(
    503,
    "chain-key-missing",
    {
      "zh-CN": `服务未配置审计链密钥（KAOPING_CHAIN_KEY，至少 ${MIN_KEY_CHARS} 个字符），无法记录或校验审计记录；请管理员配置后重试`,
      en: `the audit chain key is not configured (KAOPING_CHAIN_KEY, at least ${MIN_KEY_CHARS} characters), so audit entries cannot be written or checked; the administrator must set it`,
    },
    { headers: { "Retry-After": "60" } },
  );

/** The key new entries and checkpoints are signed with. */
export function currentChainKey(): ChainKey {
  const secret = process.env.KAOPING_CHAIN_KEY?.trim();
  if (!secret || secret.length < MIN_KEY_CHARS) throw missing();
  return toKey(secret);
}

/** The current or a retired key, by id; undefined when no configured key has that id. */
export function chainKeyById(id: string): ChainKey | undefined {
  const all = [process.env.KAOPING_CHAIN_KEY ?? "", ...(process.env.KAOPING_CHAIN_KEYS_RETIRED ?? "").split(",")]
    .map((s) => s.trim())
    .filter((s) => s.length >= MIN_KEY_CHARS);
  if (!process.env.KAOPING_CHAIN_KEY?.trim()) throw missing();
  return all.map(toKey).find((k) => k.id === id);
}

export const hmacHex = (key: ChainKey, text: string): string =>
  createHmac("sha256", key.secret).update(text, "utf8").digest("hex");

/** Constant-time comparison of two hex digests. */
export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}
