import type { Dimension, Grade, Verdict } from "../vocabulary.ts";
import type { Reason, Votes } from "../schemas/result.ts";
import { cmp, percentString, roundHalfUp, toFractionString, type Rational } from "../rational.ts";
import { reasonMessages } from "../messages.ts";
import type { CompiledPolicy } from "./compile.ts";
import { mostSevere as worse } from "./grade.ts";

export interface VerdictInput {
  votes: Omit<Votes, "n"> & { n?: number };
  /** The rounded composite a person sees; without it no band applies and no grade is proposed. */
  composite?: Rational | null;
  /** Rounded dimension scores, for the vetoes. */
  dimensions?: Partial<Record<Dimension, Rational>> | null;
  disciplinary?: boolean;
  /** Per-cadre counts for voteRules.base attendees / expected. */
  attendees?: number;
  expected?: number;
}

export interface VerdictOutcome {
  grade: Grade | null;
  verdict: Verdict;
  reviewRequired: boolean;
  provisional: boolean;
  reasons: Reason[];
  n: number;
}

/** Threshold texts per compiled policy, built once rather than per cadre. */
const thresholdTexts = new WeakMap<
  CompiledPolicy,
  { competentMin: string; incompetentMax: string; excellentMin: string }
>();
function textsOf(policy: CompiledPolicy) {
  let texts = thresholdTexts.get(policy);
  if (!texts) {
    const t = policy.thresholds;
    texts = {
      competentMin: t.competentMin ? toFractionString(t.competentMin) : "",
      incompetentMax: t.incompetentMax ? toFractionString(t.incompetentMax) : "",
      excellentMin: t.excellentMin ? toFractionString(t.excellentMin) : "",
    };
    thresholdTexts.set(policy, texts);
  }
  return texts;
}

/** The vote rules, bands and vetoes of spec section 5, for one cadre (the quota is applied across cadres later). */
export function decideVerdict(policy: CompiledPolicy, input: VerdictInput): VerdictOutcome {
  const { excellent: E, competent: C, basic: B, incompetent: I, blank } = input.votes;
  const ballots = input.votes.n ?? E + C + B + I + blank;
  const reasons: Reason[] = [];
  let provisional = false;
  let review = false;
  let cap: Grade = "excellent";
  let verdict: Verdict = "fit";

  // The vote denominator: valid ballots, or the meeting's attendees / expected (voteRules.base).
  const base = policy.policy.voteRules.base;
  let n = ballots;
  if (base !== "ballots") {
    const given = base === "attendees" ? input.attendees : input.expected;
    if (given === undefined) {
      provisional = true;
      reasons.push({ rule: "vote_base", fired: true, message: reasonMessages.baseMissing(base) });
    } else n = given;
  }

  const voted = E + C + B + I;
  if (voted === 0 || n === 0) {
    reasons.push({ rule: "no_grade_votes", fired: false, message: reasonMessages.noGradeVotes() });
  } else {
    const t = policy.thresholds;
    const texts = textsOf(policy);
    const bn = BigInt(n);
    if (t.competentMin) {
      // (E + C) / n < p/q  <=>  (E + C) q < n p
      const fired = BigInt(E + C) * t.competentMin.d < bn * t.competentMin.n;
      const fraction = `${E + C}/${n}`;
      const percent = percentString(E + C, n);
      reasons.push({
        rule: "competency",
        fraction,
        percent,
        threshold: texts.competentMin,
        fired,
        message: reasonMessages.competency(fraction, percent, texts.competentMin, fired),
      });
      if (fired) {
        verdict = "unfit_for_post";
        cap = worse(cap, "basic");
        review = true;
      }
    }
    if (t.incompetentMax) {
      const fired = BigInt(I) * t.incompetentMax.d > bn * t.incompetentMax.n;
      const fraction = `${I}/${n}`;
      const percent = percentString(I, n);
      reasons.push({
        rule: "incompetent_share",
        fraction,
        percent,
        threshold: texts.incompetentMax,
        fired,
        message: reasonMessages.incompetentShare(fraction, percent, texts.incompetentMax, fired),
      });
      if (fired) {
        cap = worse(cap, "incompetent");
        review = true;
      }
    }
    if (t.excellentMin) {
      const eligible = BigInt(E) * t.excellentMin.d >= bn * t.excellentMin.n;
      const fraction = `${E}/${n}`;
      const percent = percentString(E, n);
      reasons.push({
        rule: "excellent_eligibility",
        fraction,
        percent,
        threshold: texts.excellentMin,
        fired: !eligible,
        message: reasonMessages.excellentEligibility(fraction, percent, texts.excellentMin, eligible),
      });
      if (!eligible) cap = worse(cap, "competent");
    }
  }

  for (const [v, veto] of policy.policy.vetoes.entries()) {
    const value = input.dimensions?.[veto.dimension];
    if (!value) continue;
    const below = policy.vetoBelow[v]!;
    const fired = cmp(value, below) < 0;
    const shown = roundHalfUp(value);
    reasons.push({
      rule: `veto:${veto.dimension}`,
      value: Number(shown),
      threshold: String(veto.below),
      fired,
      message: reasonMessages.veto(veto.dimension, shown, String(veto.below), fired),
    });
    if (fired) {
      cap = worse(cap, "incompetent");
      review = true;
    }
  }
  if (input.disciplinary) {
    reasons.push({ rule: "disciplinary", fired: true, message: reasonMessages.disciplinary() });
    cap = worse(cap, "incompetent");
    review = true;
  }

  let grade: Grade | null = null;
  let bandGrade: Grade | null = null;
  if (input.composite) {
    const bands = policy.policy.bands;
    const exact = policy.bands;
    const s = input.composite;
    const [band, threshold]: [Grade, number | undefined] =
      cmp(s, exact.excellent) >= 0
        ? ["excellent", bands.excellent]
        : cmp(s, exact.competent) >= 0
          ? ["competent", bands.competent]
          : cmp(s, exact.basic) >= 0
            ? ["basic", bands.basic]
            : ["incompetent", undefined];
    const shown = roundHalfUp(s);
    reasons.push({
      rule: "band",
      value: Number(shown),
      threshold: threshold === undefined ? String(bands.basic) : String(threshold),
      fired: true,
      message: reasonMessages.band(shown, band, threshold === undefined ? undefined : String(threshold)),
    });
    bandGrade = band;
    grade = worse(band, cap);
  }
  // Excellent eligibility fires only when it holds back an excellent band; without a composite it changes nothing.
  const eligibility = reasons.find((r) => r.rule === "excellent_eligibility");
  if (eligibility) {
    eligibility.fired = eligibility.fired && bandGrade === "excellent";
    if (eligibility.fired) review = true;
  }
  return { grade, verdict, reviewRequired: review, provisional, reasons, n };
}
