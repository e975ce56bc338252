import { DIMENSIONS, type Dimension } from "../vocabulary.ts";
import type { Policy } from "../schemas/policy.ts";
import { VerdictItemSchema, type VerdictItem, type VerdictResultItem } from "../schemas/api.ts";
import type { z } from "zod";
import { parseDecimal, roundedRational, type Rational } from "../rational.ts";
import { compilePolicy, type CompiledPolicy } from "./compile.ts";
import { decideVerdict } from "./rules.ts";

export type ParsedVerdictItem = z.output<typeof VerdictItemSchema>;

/**
 * Verdicts for a batch of vote counts (what custom functions and /api/rules/verdict ask for).
 * A composite or dimension score given here is rounded half up to 2 decimals first: thresholds
 * compare the value a person sees (spec section 4.5).
 */
/** The value a person sees, exactly; a number already at 2 decimals (the usual case) skips the decimal parser. */
function rounded(v: number | string | undefined): Rational | undefined {
  if (v === undefined) return undefined;
  if (typeof v === "number") {
    const hundredths = Math.round(v * 100);
    if (hundredths / 100 === v && Number.isSafeInteger(hundredths)) return { n: BigInt(hundredths), d: 100n };
  }
  return roundedRational(parseDecimal(v)!);
}

export function verdictBatch(
  policy: Policy,
  items: readonly VerdictItem[],
  detail: "full" | "brief" = "full",
): VerdictResultItem[] {
  const compiled = compilePolicy(policy);
  return items.map((raw) => verdictOf(compiled, VerdictItemSchema.parse(raw), detail));
}

/**
 * One item's verdict, for an item VerdictItemSchema has already checked (the API's request schema does). A caller
 * that serialises item by item lets each result be collected young.
 */
export function verdictOf(
  compiled: CompiledPolicy,
  item: ParsedVerdictItem,
  detail: "full" | "brief" = "full",
): VerdictResultItem {
  const dimensions: Partial<Record<Dimension, Rational>> = {};
  for (const d of DIMENSIONS) {
    const r = rounded(item.dimensions?.[d]);
    if (r) dimensions[d] = r;
  }
  const out = decideVerdict(compiled, {
    votes: {
      excellent: item.excellent,
      competent: item.competent,
      basic: item.basic,
      incompetent: item.incompetent,
      blank: item.blank,
    },
    composite: rounded(item.composite) ?? null,
    dimensions,
    disciplinary: item.disciplinary,
    attendees: item.attendees,
    expected: item.expected,
  });
  const fired: string[] = [];
  for (const r of out.reasons) if (r.fired && r.rule !== "band") fired.push(r.rule);
  // One literal per shape, in the response schema's key order (the API writes these objects as they are).
  const { grade, verdict, reviewRequired, provisional, n, reasons } = out;
  return detail === "full"
    ? { grade, verdict, reviewRequired, provisional, n, fired, reasons }
    : { grade, verdict, reviewRequired, provisional, n, fired };
}
