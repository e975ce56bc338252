import { describe, expect, it } from "vitest";
import {
  CODE_LENGTH,
  groupIndexOfCode,
  codeHash,
  codeIsGenuine,
  newCode,
  newSessionSecret,
  normaliseCode,
  sessionOfCode,
} from "./session-codes.ts";

describe("one-time ballot codes", () => {
  const secret = newSessionSecret();

  it("carry the session id, at least 64 random bits and the session's MAC", () => {
    const codes = Array.from({ length: 2000 }, () => newCode("K7M2Q9", 1, secret));
    expect(new Set(codes).size).toBe(2000);
    for (const c of codes.slice(0, 50)) {
      expect(c).toHaveLength(CODE_LENGTH);
      expect(sessionOfCode(c)).toBe("K7M2Q9");
      expect(groupIndexOfCode(c)).toBe(1);
      expect(codeIsGenuine(c, secret)).toBe(true);
    }
    // 14 random base32 characters = 70 bits; every position varies across codes.
    for (let i = 7; i < 21; i++) expect(new Set(codes.map((c) => c[i])).size).toBeGreaterThan(16);
  });

  it("tell a code of another session, or one with a character changed, from a genuine one", () => {
    const code = newCode("K7M2Q9", 1, secret);
    expect(codeIsGenuine(code, newSessionSecret())).toBe(false);
    for (const k of [0, 6, 10, 24]) {
      // The session, the group, a random character, the MAC: each one changed makes a guess.
      const changed = code.slice(0, k) + (code[k] === "A" ? "B" : "A") + code.slice(k + 1);
      expect(codeIsGenuine(changed, secret)).toBe(false);
    }
  });

  it("read a typed code in any case, with dashes and spaces, O for 0 and I or L for 1", () => {
    expect(normaliseCode("k7m2q9-abcde fghjk")).toBe("K7M2Q9ABCDEFGHJK");
    expect(normaliseCode("OIL")).toBe("011");
    expect(sessionOfCode("TOO-SHORT")).toBeUndefined();
    expect(sessionOfCode("U".repeat(CODE_LENGTH))).toBeUndefined(); // U is not in Crockford's alphabet
  });

  it("are stored as a hash that does not contain the code", () => {
    const code = newCode("K7M2Q9", 1, secret);
    expect(codeHash(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(codeHash(code)).not.toContain(code);
    expect(codeHash(code)).not.toBe(codeHash(newCode("K7M2Q9", 1, secret)));
  });
});
