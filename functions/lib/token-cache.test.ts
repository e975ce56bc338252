import { describe, expect, it } from "vitest";
import { MAX_AGE_MS, MAX_ENTRIES, rememberVerified, verifiedPayload } from "./token-cache.ts";

const T0 = 1_800_000_000_000; // a fixed "now", in ms

describe("verified-token cache", () => {
  it("keeps a verified token until its exp, not one millisecond longer", () => {
    const exp = T0 / 1000 + 30; // expires 30 s after T0
    rememberVerified("a", { exp, sub: "u1" }, T0);
    expect(verifiedPayload("a", T0)).toEqual({ exp, sub: "u1" });
    expect(verifiedPayload("a", T0 + 29_999)?.sub).toBe("u1");
    expect(verifiedPayload("a", T0 + 30_000)).toBeUndefined();
    // Gone for good: an earlier clock does not bring it back.
    expect(verifiedPayload("a", T0)).toBeUndefined();
  });

  it("keeps a long-lived token at most MAX_AGE_MS", () => {
    rememberVerified("b", { exp: T0 / 1000 + 3600 }, T0);
    expect(verifiedPayload("b", T0 + MAX_AGE_MS - 1)).toBeDefined();
    expect(verifiedPayload("b", T0 + MAX_AGE_MS)).toBeUndefined();
  });

  it("does not keep a token already at or past its exp (the verifier's 30 s tolerance is not extended) or without exp", () => {
    rememberVerified("c", { exp: T0 / 1000 }, T0);
    expect(verifiedPayload("c", T0)).toBeUndefined();
    rememberVerified("d", { exp: T0 / 1000 - 10 }, T0);
    expect(verifiedPayload("d", T0)).toBeUndefined();
    rememberVerified("e", { sub: "no exp" }, T0);
    expect(verifiedPayload("e", T0)).toBeUndefined();
  });

  it("holds at most MAX_ENTRIES tokens, dropping the oldest first", () => {
    const exp = T0 / 1000 + 600;
    for (let i = 0; i < MAX_ENTRIES; i++) rememberVerified(`k${i}`, { exp }, T0);
    expect(verifiedPayload("k0", T0)).toBeDefined();
    rememberVerified("newest", { exp }, T0);
    expect(verifiedPayload("k0", T0)).toBeUndefined();
    expect(verifiedPayload("k1", T0)).toBeDefined();
    expect(verifiedPayload("newest", T0)).toBeDefined();
  });
});
