import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * One-time ballot codes (spec section 10). A code is the session id (6 characters), its rater group
 * (1 character: the group's place in the session), 70 random bits (14 characters) and a 30-bit MAC
 * under the session's secret over all of that (6 characters), in Crockford base32.
 * The MAC lets the service tell a code it issued from a guess without touching the store, so a
 * throttled client (a whole meeting hall behind one address) never loses a genuine code.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const SESSION_ID_LENGTH = 6;
const RANDOM_CHARS = 14;
const MAC_CHARS = 6;
const BODY_LENGTH = SESSION_ID_LENGTH + 1 + RANDOM_CHARS;
export const CODE_LENGTH = BODY_LENGTH + MAC_CHARS;
/** A session has at most this many rater groups (one base32 character each). */
export const MAX_GROUPS = 32;

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

/** A new code for a session's group (its index in the session): crypto-random, never stored in clear. */
export function newCode(sessionId: string, groupIndex: number, secret: string): string {
  const body = sessionId + ALPHABET[groupIndex]! + base32(randomBytes(9), RANDOM_CHARS);
  return body + mac(secret, body);
}

/** The index of the rater group a code was issued to (only meaningful once the MAC is checked). */
export const groupIndexOfCode = (code: string): number => ALPHABET.indexOf(code[SESSION_ID_LENGTH]!);

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
  const body = code.slice(0, BODY_LENGTH);
  const given = Buffer.from(code.slice(BODY_LENGTH));
  const want = Buffer.from(mac(secret, body));
  return given.length === want.length && timingSafeEqual(given, want);
}

/** What the store keeps instead of the code. */
export const codeHash = (code: string): string => createHash("sha256").update(`kaoping-code:${code}`).digest("hex");

/** For printing: groups of 7-5-5-5-5 characters. */
export const formatCode = (code: string): string =>
  [code.slice(0, 7), code.slice(7, 12), code.slice(12, 17), code.slice(17, 22), code.slice(22)].join("-");
