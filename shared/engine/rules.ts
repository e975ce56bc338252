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
  /** false: the ballot form carries no grade votes (CLI --no-votes, API "gradeVotes": false); no vote rule runs. */
  gradeVotes?: boolean;
}

export interface VerdictOutcome {
  grade: Grade | null;
  verdict: Verdict;
  reviewRequired: boolean;
  provisional: boolean;
  reasons: Reason[];
  n: number;
}

/** Counts as a fraction, and as a share only when it is one: 8 of 5 attendees is no percentage (spec section 3). */
function share(count: number, n: number): { fraction: string; percent: string | undefined } {
  return { fraction: `${count}/${n}`, percent: count <= n ? percentString(count, n) : undefined };
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

  // Blank votes are abstentions that count in n (spec section 5): a cadre everyone left blank has (E + C)/n = 0.
  if (input.gradeVotes === false) {
    reasons.push({ rule: "votes_not_asked", fired: false, message: reasonMessages.votesNotAsked() });
  } else if (ballots === 0 || n === 0) {
    reasons.push({ rule: "no_grade_votes", fired: false, message: reasonMessages.noGradeVotes() });
  } else {
    const t = policy.thresholds;
    const texts = textsOf(policy);
    const bn = BigInt(n);
    if (t.competentMin) {
      // (E + C) / n < p/q  <=>  (E + C) q < n p
      const fired = BigInt(E + C) * t.competentMin.d < bn * t.competentMin.n;
      const { fraction, percent } = share(E + C, n);
      reasons.push({
        rule: "competency",
        fraction,
        ...(percent === undefined ? {} : { percent }),
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
      const { fraction, percent } = share(I, n);
      reasons.push({
        rule: "incompetent_share",
        fraction,
        ...(percent === undefined ? {} : { percent }),
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
      const { fraction, percent } = share(E, n);
      reasons.push({
        rule: "excellent_eligibility",
        fraction,
        ...(percent === undefined ? {} : { percent }),
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
