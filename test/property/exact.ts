/**
 * A tiny exact-rational reference, written independently of shared/rational.ts, so the property tests
 * do not check the engine against itself.
 */
export type Q = [num: bigint, den: bigint];

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
};
export const q = (n: bigint, d = 1n): Q => {
  const g = gcd(n, d) || 1n;
  return d < 0n ? [-n / g, -d / g] : [n / g, d / g];
};
export const qAdd = (a: Q, b: Q): Q => q(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
export const qMul = (a: Q, b: Q): Q => q(a[0] * b[0], a[1] * b[1]);
export const qDiv = (a: Q, b: Q): Q => q(a[0] * b[1], a[1] * b[0]);
export const qCmp = (a: Q, b: Q): number => {
  const l = a[0] * b[1];
  const r = b[0] * a[1];
  return l < r ? -1 : l > r ? 1 : 0;
};
/** "a/b" or "a" as printed in compositeExact. */
export const qParse = (s: string): Q => {
  const [n, d = "1"] = s.split("/");
  return q(BigInt(n!), BigInt(d));
};
export const qText = (x: Q): string => (x[1] === 1n ? `${x[0]}` : `${x[0]}/${x[1]}`);
/** A decimal as written ("0.15", "89.99") as an exact fraction. */
export const qDecimal = (text: string): Q => {
  const [whole, frac = ""] = text.split(".");
  return q(BigInt(whole! + frac), 10n ** BigInt(frac.length));
};
/** num/den as a percentage with 2 decimals, half up (non-negative inputs). */
export const percentText = (num: bigint, den: bigint): string => {
  const hundredths = (num * 10000n * 2n + den) / (2n * den);
  const s = hundredths.toString().padStart(3, "0");
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
};
