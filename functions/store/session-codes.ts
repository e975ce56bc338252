import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * One-time ballot codes (spec section 10). A code is the session id (6 characters), 70 random bits
 * (14 characters) and a 30-bit MAC under the session's secret (6 characters), in Crockford base32.
 * The MAC lets the service tell a code it issued from a guess without touching the store, so a
 * throttled client (a whole meeting hall behind one address) never loses a genuine code.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const SESSION_ID_LENGTH = 6;
const RANDOM_CHARS = 14;
const MAC_CHARS = 6;
export const CODE_LENGTH = SESSION_ID_LENGTH + RANDOM_CHARS + MAC_CHARS;

function base32(bytes: Buffer, chars: number): string {
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = "";
  for (let i = 0; i < chars; i++) out += ALPHABET[Number((bits >> BigInt(5 * (chars - 1 - i))) & 31n)];
  return out;
}

/** A fresh random session id (30 bits; the caller retries on the rare clash). */
export const newSessionId = (): string => base32(randomBytes(4), SESSION_ID_LENGTH);
export const newSessionSecret = (): string => randomBytes(32).toString("base64");

const mac = (secret: string, body: string): string =>
  base32(createHmac("sha256", Buffer.from(secret, "base64")).update(body).digest().subarray(0, 4), MAC_CHARS);

/** A new code for a session: crypto-random, never stored in clear. */
export function newCode(sessionId: string, secret: string): string {
  const body = sessionId + base32(randomBytes(9), RANDOM_CHARS);
  return body + mac(secret, body);
}

/** Upper case, no dashes or spaces; O, I and L read as 0, 1 and 1 (Crockford), so a typed code still works. */
export function normaliseCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

/** The session a code names, or undefined when it cannot be a code at all. */
export function sessionOfCode(code: string): string | undefined {
  if (code.length !== CODE_LENGTH || ![...code].every((c) => ALPHABET.includes(c))) return undefined;
  return code.slice(0, SESSION_ID_LENGTH);
}

/** Whether the code carries the session's MAC (a code this session issued, used or not). */
export function codeIsGenuine(code: string, secret: string): boolean {
  const body = code.slice(0, SESSION_ID_LENGTH + RANDOM_CHARS);
  const given = Buffer.from(code.slice(SESSION_ID_LENGTH + RANDOM_CHARS));
  const want = Buffer.from(mac(secret, body));
  return given.length === want.length && timingSafeEqual(given, want);
}

/** What the store keeps instead of the code. */
export const codeHash = (code: string): string => createHash("sha256").update(`kaoping-code:${code}`).digest("hex");

/** For printing: groups of 6-5-5-5-5 characters. */
export const formatCode = (code: string): string =>
  [code.slice(0, 6), code.slice(6, 11), code.slice(11, 16), code.slice(16, 21), code.slice(21)].join("-");
