import type { Policy } from "../schemas/policy.ts";
import { norm, type RecommendationMeeting } from "../schemas/recommendation.ts";
import { parseDecimal, parseFraction, rat, type Rational } from "../rational.ts";

/** The policy's recommendation block with the spec's defaults applied (absent nearTie = 1/20; null = off). */
export function recommendationSettings(policy: Policy): {
  floor: Rational | null;
  nearTie: Rational | null;
  extra: number;
  writeIns: boolean;
} {
  const r = policy.recommendation;
  return {
    floor: r.concentrationMin ? parseFraction(r.concentrationMin)! : null,
    nearTie: r.nearTie === null ? null : r.nearTie === undefined ? rat(1, 20) : parseFraction(r.nearTie)!,
    extra: r.extra,
    writeIns: r.writeIns,
  };
}

export interface VoterTypes {
  labels: Map<string, string>;
  weights: Map<string, Rational> | null;
  /** The key of a ballot's voter type, or null when the types are fixed and this one is not among them. */
  resolve: (raw: string | undefined) => string | null;
}

/**
 * The policy's weighted types win; otherwise the meeting's own list; otherwise whatever the ballots say
 * (a blank type is its own group, 未注明).
 */
export function voterTypes(policy: Policy, declared: RecommendationMeeting["voterTypes"]): VoterTypes {
  const fromPolicy = policy.recommendation.voterTypes;
  const list =
    fromPolicy && Object.keys(fromPolicy).length > 0
      ? Object.entries(fromPolicy).map(([key, t]) => ({ key, label: t.label, weight: parseDecimal(t.weight)! }))
      : (declared ?? []).map((t) => ({ key: t.key, label: t.label, weight: null }));
  const labels = new Map(list.map((t) => [t.key, t.label]));
  const weights = list.length > 0 && list[0]!.weight !== null ? new Map(list.map((t) => [t.key, t.weight!])) : null;
  const byName = new Map<string, string>();
  for (const t of list) {
    byName.set(norm(t.key).toLowerCase(), t.key);
    byName.set(norm(t.label).toLowerCase(), t.key);
  }
  return {
    labels,
    weights,
    resolve: (raw) => {
      const text = norm(raw ?? "");
      if (list.length === 0) return text;
      return byName.get(text.toLowerCase()) ?? null;
    },
  };
}
