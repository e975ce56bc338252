/**
 * Exact non-negative-denominator rationals over BigInt.
 * Scores, weights and shares are decimals or fractions; every step of the spec is rational,
 * so results are computed exactly and rounded once (spec section 4.5).
 */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint; // always > 0
}

const ZERO: Rational = { n: 0n, d: 1n };
const ONE: Rational = { n: 1n, d: 1n };
export { ZERO, ONE };

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  // Below 2^53 the remainders are exact in doubles, and far cheaper than BigInt steps.
  if (a <= SAFE && b <= SAFE) {
    let x = Number(a);
    let y = Number(b);
    while (y !== 0) {
      const r = x % y;
      x = y;
      y = r;
    }
    return BigInt(x);
  }
  while (b !== 0n) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/** 10^k for the usual few k, computed once: a BigInt power per rounding was a visible cost. */
const POW10 = Array.from({ length: 24 }, (_, k) => 10n ** BigInt(k));
const pow10 = (k: number): bigint => POW10[k] ?? 10n ** BigInt(k);

export function rat(n: bigint | number, d: bigint | number = 1n): Rational {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd === 0n) throw new RangeError("zero denominator");
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  return { n: nn, d: dd };
}

export function reduce(x: Rational): Rational {
  const g = gcd(x.n, x.d);
  return g <= 1n ? x : { n: x.n / g, d: x.d / g };
}

export const add = (a: Rational, b: Rational): Rational =>
  a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
export const sub = (a: Rational, b: Rational): Rational =>
  a.d === b.d ? { n: a.n - b.n, d: a.d } : { n: a.n * b.d - b.n * a.d, d: a.d * b.d };
export const mul = (a: Rational, b: Rational): Rational => ({ n: a.n * b.n, d: a.d * b.d });
export function div(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new RangeError("division by zero");
  return rat(a.n * b.d, a.d * b.n);
}
export const cmp = (a: Rational, b: Rational): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const isZero = (a: Rational): boolean => a.n === 0n;

const MAX_EXPONENT = 400; // a JSON number's own exponent stays within ±324
const MAX_DIGITS = 400;

/**
 * Parses the exact decimal a JSON number or a cell shows: "0.1" is one tenth, not the binary double.
 * Accepts a number (its shortest round-trip text is the decimal it was written as), or a decimal
 * string, with an optional exponent. Returns undefined for anything else.
 */
export function parseDecimal(value: number | string): Rational | undefined {
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value.trim();
  const m = /^([+-]?)(\d+)?(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[2] === undefined && !m[3])) return undefined;
  const sign = m[1] === "-" ? -1n : 1n;
  const intPart = m[2] ?? "0";
  const frac = m[3] ?? "";
  const exp = m[4] ? Number(m[4]) : 0;
  // Beyond any score, weight or share a person writes: refused rather than expanded (1e2000000000 would
  // ask for a two-billion-digit integer).
  if (Math.abs(exp) > MAX_EXPONENT || intPart.length + frac.length > MAX_DIGITS) return undefined;
  let n = BigInt(intPart + frac) * sign;
  let scale = frac.length - exp;
  if (scale < 0) {
    n *= pow10(-scale);
    scale = 0;
  }
  return reduce({ n, d: pow10(scale) });
}

/** Parses "2/3", "1/4", "0.25" or a number into an exact fraction. */
export function parseFraction(value: string | number): Rational | undefined {
  if (typeof value === "string") {
    const m = /^\s*(\d{1,30})\s*\/\s*(\d{1,30})\s*$/.exec(value);
    if (m) return m[2] === "0" || /^0+$/.test(m[2]!) ? undefined : reduce(rat(BigInt(m[1]!), BigInt(m[2]!)));
  }
  return parseDecimal(value);
}

/** "a/b" in lowest terms (spec: compositeExact). */
export function toFractionString(x: Rational): string {
  const r = reduce(x);
  return r.d === 1n ? r.n.toString() : `${r.n}/${r.d}`;
}

/** |x| rounded half up to `places` decimals, times 10^places (an integer); the sign is x's. */
function roundedMagnitude(x: Rational, places: number): bigint {
  const scale = pow10(places);
  const absN = x.n < 0n ? -x.n : x.n;
  // floor((|n| * scale * 2 + d) / (2d)) rounds half away from zero exactly.
  return (absN * scale * 2n + x.d) / (2n * x.d);
}

/** Half-up rounding (away from zero at .5) to `places` decimals, as a fixed-point decimal string. */
export function roundHalfUp(x: Rational, places = 2): string {
  const neg = x.n < 0n;
  const scaled = roundedMagnitude(x, places);
  const digits = scaled.toString().padStart(places + 1, "0");
  const whole = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places);
  const text = places > 0 ? `${whole}.${frac}` : whole;
  return neg && scaled !== 0n ? `-${text}` : text;
}

/** The rounded value a person sees, as a number (for JSON and sheets). */
export function roundedNumber(x: Rational, places = 2): number {
  const scaled = roundedMagnitude(x, places);
  // An integer below 2^53 divided by a power of ten is the double nearest the decimal, as Number("…") gives.
  if (scaled > 9007199254740991n || places > 22) return Number(roundHalfUp(x, places));
  const v = Number(scaled) / 10 ** places;
  return x.n < 0n && v !== 0 ? -v : v;
}

/** The rounded value as an exact rational (lowest terms), so thresholds compare what a person sees. */
export function roundedRational(x: Rational, places = 2): Rational {
  const scaled = roundedMagnitude(x, places);
  return reduce({ n: x.n < 0n ? -scaled : scaled, d: pow10(places) });
}

/** A close double for formulas that recompute from cells (never used for a decision). */
export function toNumber(x: Rational, significant = 17): number {
  const r = reduce(x);
  if (r.d === 1n) return Number(r.n);
  const whole = r.n / r.d;
  const rem = r.n - whole * r.d;
  const scale = 10n ** BigInt(significant);
  return Number(whole) + Number((rem * scale) / r.d) / Number(scale);
}

/** Percentage of num/den with 2 decimals, half up ("66.67"). */
export function percentString(num: number | bigint, den: number | bigint): string {
  if (
    typeof num === "number" &&
    typeof den === "number" &&
    num >= 0 &&
    den > 0 &&
    num * 20000 + den <= Number.MAX_SAFE_INTEGER
  ) {
    // Counts: the same half-up step in exact double integers, floor((20000 num + den) / 2 den).
    const a = num * 20000 + den;
    const b = 2 * den;
    const hundredths = (a - (a % b)) / b;
    return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;
  }
  return BigInt(den) === 0n ? "0.00" : roundHalfUp(rat(BigInt(num) * 100n, BigInt(den)), 2);
}
