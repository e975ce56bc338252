import { DIMENSIONS, type Dimension } from "../vocabulary.ts";
import type { Policy, PolicyIdentity } from "../schemas/policy.ts";
import type { AssessmentResult, CadreResult, Reason, Votes } from "../schemas/result.ts";
import type { BallotRow, CadreRow } from "../schemas/input.ts";
import { roundedNumber, roundedRational, toFractionString, type Rational } from "../rational.ts";
import { reasonMessages } from "../messages.ts";
import { policyIdentity } from "../policy/canonical.ts";
import { compilePolicy, type CompiledPolicy } from "./compile.ts";
import { validateInput, BALLOTS_SHEET, type CadreRecord, type ValidBallots } from "./validate.ts";
import { combineGroups, groupMean, groupSums, type CadreExact } from "./aggregate.ts";
import { decideVerdict } from "./rules.ts";
import { competitionRanksWithin } from "./rank.ts";
import { applyPolicyQuota, quotaScope, type QuotaEntry } from "./quota.ts";
import { BLANK_VOTE } from "./cells.ts";
import { meetingChecks, type MeetingCounts } from "./meeting.ts";
import { noVoteColumn } from "./refusal.ts";
import { isBallotColumns, type BallotColumns } from "./ballot-columns.ts";

export interface ScoreInput {
  cadres: readonly CadreRow[];
  /** Rows as JSON gives them, or the table reader's columns (no per-row objects). */
  ballots: readonly BallotRow[] | BallotColumns;
  /** Counts for the whole assessment; a cadre's own columns (实到 应到 发出 收回) take precedence. */
  meeting?: MeetingCounts;
  /** Sheet names for issue locations (the workbook's own names, e.g. 测评票). */
  sheets?: { cadres: string; ballots: string };
  /** false: the form carries no grade votes (CLI --no-votes, API "gradeVotes": false); no vote rule runs. */
  gradeVotes?: boolean;
  /** Whether the ballot table has a grade-vote column; by default, whether any ballot carries the field. */
  voteColumn?: boolean;
  /** The ballot table's headers, named when the vote column is missing. */
  ballotHeaders?: readonly string[];
  /** Called now and then while cadres are scored (done, total), for a progress bar on long runs. */
  onProgress?: (done: number, total: number) => void;
}

/** Scores an assessment exactly per the spec; synchronous once the policy's identity is known. */
export function scoreWithIdentity(policy: Policy, identity: PolicyIdentity, input: ScoreInput): AssessmentResult {
  const compiled = compilePolicy(policy);
  const t = compiled.thresholds;
  const gradeVotes = input.gradeVotes !== false;
  if (gradeVotes && (t.competentMin || t.incompetentMax || t.excellentMin)) {
    const b = input.ballots;
    const voteColumn =
      input.voteColumn ??
      (isBallotColumns(b)
        ? b.count === 0 || b.gradeVote !== null
        : b.length === 0 || b.some((row) => row.gradeVote !== undefined));
    if (!voteColumn) throw noVoteColumn(input.sheets?.ballots ?? BALLOTS_SHEET, input.ballotHeaders);
  }
  const validated = validateInput(compiled, input.cadres, input.ballots, input.sheets);
  const { cadres, ballots } = validated;
  // Each cadre's exact sums are computed when its result is built and then dropped, so they die young.
  const exactOf = cadreScorer(compiled, cadres, ballots);
  const votes = countVotes(cadres.length, ballots);

  const results: CadreResult[] = [];
  const composites: (Rational | null)[] = [];
  const quotaEntries: QuotaEntry[] = [];
  // Only the vetoed dimensions are compared, so only they need a rounded rational.
  const vetoed = [...new Set(policy.vetoes.map((v) => v.dimension))].map((d) => [d, DIMENSIONS.indexOf(d)] as const);

  const progressEvery = Math.max(1, Math.ceil(cadres.length / 100));
  cadres.forEach((c, i) => {
    if (input.onProgress && i % progressEvery === 0) input.onProgress(i, cadres.length);
    const e = exactOf(i);
    const reasons: Reason[] = [];
    const dims = e.dimensions
      ? (Object.fromEntries(vetoed.map(([d, k]) => [d, roundedRational(e.dimensions![k]!)])) as Partial<
          Record<Dimension, Rational>
        >)
      : null;
    const composite = e.composite ? roundedRational(e.composite) : null;
    if (!e.composite)
      reasons.push({
        rule: "not_scored",
        fired: true,
        message: reasonMessages.notScored(
          !c.postKnown ? "unknown_post" : e.groups.length === 0 ? "no_ballots" : "no_weight",
        ),
      });
    const missing = absentWeightedGroups(compiled, e);
    if (e.composite && missing.length > 0)
      reasons.push({
        rule: "groups_renormalised",
        fired: true,
        message: reasonMessages.renormalised(missing.map((k) => policy.raterGroups[k]!.label)),
      });
    const decision = decideVerdict(compiled, {
      votes: votes[i]!,
      composite,
      dimensions: dims,
      disciplinary: c.disciplinary,
      attendees: c.attendees ?? input.meeting?.attendees,
      expected: c.expected ?? input.meeting?.expected,
      gradeVotes,
    });
    reasons.push(...decision.reasons);
    const meeting = meetingChecks(compiled, votes[i]!.n, {
      attendees: c.attendees ?? input.meeting?.attendees,
      expected: c.expected ?? input.meeting?.expected,
      issued: c.issued ?? input.meeting?.issued,
      returned: c.returned ?? input.meeting?.returned,
    });
    reasons.push(...meeting);
    composites.push(e.composite);
    const entry: QuotaEntry = {
      scope: quotaScope(policy, c),
      composite: e.composite,
      grade: e.composite ? decision.grade : null,
    };
    quotaEntries.push(entry);
    results.push({
      cadreId: c.cadreId,
      name: c.name,
      unit: c.unit,
      post: c.post,
      composite: e.composite ? roundedNumber(e.composite) : null,
      compositeExact: e.composite ? toFractionString(e.composite) : null,
      dimensions: e.dimensions ? perDimension(e.dimensions, roundedNumber) : null,
      dimensionsExact: e.dimensions ? perDimension(e.dimensions, toFractionString) : null,
      groups: groupSummaries(compiled, c, e),
      renormalised: e.composite !== null && missing.length > 0,
      rank: null,
      rankInPost: null,
      votes: votes[i]!,
      grade: entry.grade,
      verdict: e.composite ? decision.verdict : null,
      provisional: c.provisional || decision.provisional || meeting.length > 0,
      reviewRequired: e.composite ? decision.reviewRequired || meeting.length > 0 : true,
      reasons,
    });
  });

  const ranks = competitionRanksWithin(composites, (i) => cadres[i]!.post);
  const quotaReasons = applyPolicyQuota(quotaEntries, policy, compiled.thresholds.quota);
  results.forEach((r, i) => {
    r.rank = ranks.overall[i]!;
    r.rankInPost = ranks.within[i]!;
    const entry = quotaEntries[i]!;
    r.grade = entry.grade;
    const reason = quotaReasons.get(entry);
    if (reason) {
      r.reasons.push(reason);
      if (entry.grade === "quota_tie") r.reviewRequired = true;
    }
    if (entry.unsettled) {
      r.provisional = true;
      r.reasons.push({ rule: "quota_unsettled", fired: true, message: reasonMessages.quotaUnsettled() });
    }
  });
  input.onProgress?.(cadres.length, cadres.length);
  return { policy: identity, cadres: results, issues: validated.issues };
}

/** Convenience: computes the policy's identity (sha256 of its canonical JSON) first. */
export async function score(policy: Policy, input: ScoreInput): Promise<AssessmentResult> {
  return scoreWithIdentity(policy, await policyIdentity(policy), input);
}

function cadreScorer(
  compiled: CompiledPolicy,
  cadres: CadreRecord[],
  ballots: ValidBallots,
): (ci: number) => CadreExact {
  // Counting sort of ballots by cadre, then by group inside each cadre: linear in the ballots.
  const nC = cadres.length;
  const nG = compiled.groupKeys.length;
  const offsets = new Int32Array(nC * nG + 1);
  for (let i = 0; i < ballots.count; i++) offsets[ballots.cadre[i]! * nG + ballots.group[i]! + 1]!++;
  for (let k = 1; k < offsets.length; k++) offsets[k]! += offsets[k - 1]!;
  const order = new Int32Array(ballots.count);
  const fill = offsets.slice(0, nC * nG);
  for (let i = 0; i < ballots.count; i++) order[fill[ballots.cadre[i]! * nG + ballots.group[i]!]!++] = i;

  const totals = new Float64Array(ballots.count);
  const s = ballots.scores;
  return (ci) => {
    const c = cadres[ci]!;
    if (!c.postKnown) return { groups: [], dimensions: null, composite: null };
    const w = compiled.postWeights.get(c.post)!;
    const groups = [];
    for (let g = 0; g < nG; g++) {
      const from = offsets[ci * nG + g]!;
      const to = offsets[ci * nG + g + 1]!;
      if (to === from) continue;
      const idx: number[] = new Array(to - from);
      for (let k = from; k < to; k++) {
        const b = order[k]!;
        idx[k - from] = b;
        const o = b * 5;
        totals[b] = w[0]! * s[o]! + w[1]! * s[o + 1]! + w[2]! * s[o + 2]! + w[3]! * s[o + 3]! + w[4]! * s[o + 4]!;
      }
      groups.push(groupSums(compiled, ballots, g, idx, totals));
    }
    return combineGroups(compiled, c.post, groups);
  };
}

function countVotes(nCadres: number, ballots: ValidBallots): Votes[] {
  const counts = new Int32Array(nCadres * 5);
  for (let i = 0; i < ballots.count; i++) counts[ballots.cadre[i]! * 5 + ballots.vote[i]!]!++;
  return Array.from({ length: nCadres }, (_, c) => {
    const o = c * 5;
    const [excellent, competent, basic, incompetent, blank] = [
      counts[o]!,
      counts[o + 1]!,
      counts[o + 2]!,
      counts[o + 3]!,
      counts[o + BLANK_VOTE]!,
    ];
    return { excellent, competent, basic, incompetent, blank, n: excellent + competent + basic + incompetent + blank };
  });
}

function perDimension<T>(values: readonly Rational[], f: (x: Rational) => T): Record<Dimension, T> {
  return {
    morality: f(values[0]!),
    ability: f(values[1]!),
    diligence: f(values[2]!),
    achievement: f(values[3]!),
    integrity: f(values[4]!),
  };
}

function absentWeightedGroups(compiled: CompiledPolicy, e: CadreExact): string[] {
  const present = new Set(e.groups.map((g) => g.group));
  return compiled.groupKeys.filter((_, g) => !present.has(g) && compiled.groupWeights[g]! > 0n);
}

function groupSummaries(compiled: CompiledPolicy, c: CadreRecord, e: CadreExact): CadreResult["groups"] {
  const out: CadreResult["groups"] = {};
  for (const g of e.groups) {
    const key = compiled.groupKeys[g.group]!;
    out[key] =
      g.ballots < compiled.policy.minGroupBallotsToReport
        ? { ballots: g.ballots, withheld: true }
        : { ballots: g.ballots, kept: g.kept, mean: roundedNumber(groupMean(compiled, c.post, g)) };
  }
  return out;
}
