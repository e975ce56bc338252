import { DIMENSIONS, type Dimension } from "../vocabulary.ts";
import type { Policy } from "../schemas/policy.ts";
import { VerdictItemSchema, type VerdictItem, type VerdictResultItem } from "../schemas/api.ts";
import { parseDecimal, roundedRational, type Rational } from "../rational.ts";
import { compilePolicy } from "./compile.ts";
import { decideVerdict } from "./rules.ts";

/**
 * Verdicts for a batch of vote counts (what custom functions and /api/rules/verdict ask for).
 * A composite or dimension score given here is rounded half up to 2 decimals first: thresholds
 * compare the value a person sees (spec section 4.5).
 */
export function verdictBatch(policy: Policy, items: readonly VerdictItem[]): VerdictResultItem[] {
  const compiled = compilePolicy(policy);
  return items.map((raw) => {
    const item = VerdictItemSchema.parse(raw);
    const rounded = (v: number | string | undefined): Rational | undefined => (v === undefined ? undefined : roundedRational(parseDecimal(v)!));
    const dimensions: Partial<Record<Dimension, Rational>> = {};
    for (const d of DIMENSIONS) {
      const r = rounded(item.dimensions?.[d]);
      if (r) dimensions[d] = r;
    }
    const out = decideVerdict(compiled, {
      votes: { excellent: item.excellent, competent: item.competent, basic: item.basic, incompetent: item.incompetent, blank: item.blank },
      composite: rounded(item.composite) ?? null,
      dimensions,
      disciplinary: item.disciplinary,
      attendees: item.attendees,
      expected: item.expected,
    });
    return { grade: out.grade, verdict: out.verdict, reviewRequired: out.reviewRequired, provisional: out.provisional, n: out.n, reasons: out.reasons };
  });
}
