import type { Grade } from "../vocabulary.ts";
import { cmp, mul, rat, type Rational } from "../rational.ts";
import type { Reason } from "../schemas/result.ts";
import { reasonMessages } from "../messages.ts";
import type { Policy } from "../schemas/policy.ts";

export interface QuotaEntry {
  scope: string;
  composite: Rational | null;
  grade: Grade | "quota_tie" | null;
  /** Set by applyQuota: the scope has unscored cadres, so this candidate's quota outcome may still change. */
  unsettled?: boolean;
}

export type QuotaRounding = NonNullable<Policy["excellentQuota"]>["rounding"];

/** Places for N cadres: floor / half up / ceil of share x N (excellentQuota.rounding). */
export function quotaPlaces(share: Rational, inScope: number, rounding: QuotaRounding): number {
  const x = mul(share, rat(inScope));
  const floor = x.n / x.d;
  const rem = x.n - floor * x.d;
  if (rounding === "floor" || rem === 0n) return Number(floor);
  if (rounding === "ceil") return Number(floor + 1n);
  return Number(rem * 2n >= x.d ? floor + 1n : floor);
}

/**
 * The excellent quota (spec section 5): within each scope, at most `places` excellent by exact S.
 * A tie across the cut sends every tied cadre to the committee (quota_tie); none is promoted past
 * the quota and none is picked by row order. Mutates grades; returns the reason per affected entry.
 */
export function applyQuota(
  entries: QuotaEntry[],
  share: Rational,
  shareText: string,
  rounding: QuotaRounding,
): Map<QuotaEntry, Reason> {
  const reasons = new Map<QuotaEntry, Reason>();
  const scopes = new Map<string, QuotaEntry[]>();
  // N is every cadre listed in the scope: one whose post has a typo or whose ballots are all invalid
  // is still a cadre of the assessment, and must not cost a colleague an excellent place.
  for (const e of entries) {
    const list = scopes.get(e.scope);
    if (list) list.push(e);
    else scopes.set(e.scope, [e]);
  }
  for (const members of scopes.values()) {
    const places = quotaPlaces(share, members.length, rounding);
    const candidates = members
      .filter((e) => e.grade === "excellent" && e.composite !== null)
      .sort((a, b) => cmp(b.composite!, a.composite!));
    // An unscored colleague may yet outscore them once the data is fixed.
    if (members.some((e) => e.composite === null)) for (const e of candidates) e.unsettled = true;
    const reason = (outcome: "kept" | "demoted" | "tie"): Reason => ({
      rule: "quota",
      fraction: `${places}/${members.length}`,
      threshold: shareText,
      fired: outcome !== "kept",
      message: reasonMessages.quota(places, members.length, shareText, outcome),
    });
    if (candidates.length <= places) {
      for (const e of candidates) reasons.set(e, reason("kept"));
      continue;
    }
    const cut = places > 0 ? candidates[places - 1]!.composite! : null;
    const next = candidates[places]!.composite!;
    const tiedAtCut = cut !== null && cmp(cut, next) === 0 ? cut : null;
    for (const [k, e] of candidates.entries()) {
      if (tiedAtCut && cmp(e.composite!, tiedAtCut) === 0) {
        e.grade = "quota_tie";
        reasons.set(e, reason("tie"));
      } else if (k < places) {
        reasons.set(e, reason("kept"));
      } else {
        e.grade = "competent";
        reasons.set(e, reason("demoted"));
      }
    }
  }
  return reasons;
}

/** The quota scope a cadre falls in (excellentQuota.scope): one place for the engine and the result check. */
export function quotaScope(policy: Policy, cadre: { unit: string; post: string }): string {
  const scope = policy.excellentQuota?.scope ?? "assessment";
  return scope === "unit" ? cadre.unit : scope === "post" ? cadre.post : "";
}

/** The policy's quota over the entries; a policy whose excellentQuota is null has no quota and no quota reason. */
export function applyPolicyQuota(
  entries: QuotaEntry[],
  policy: Policy,
  share: Rational | null,
): Map<QuotaEntry, Reason> {
  if (!policy.excellentQuota || !share) return new Map();
  return applyQuota(entries, share, policy.excellentQuota.share, policy.excellentQuota.rounding);
}
