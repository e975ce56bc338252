/** kaoping's domain core: pure TypeScript shared by the add-in, the functions and the CLI. */
export * from "./vocabulary.ts";
export * from "./rational.ts";
export * from "./messages.ts";
export * from "./schemas/policy.ts";
export * from "./schemas/input.ts";
export * from "./schemas/result.ts";
export * from "./schemas/api.ts";
export * from "./schemas/errors.ts";
export * from "./schemas/sessions.ts";
export * from "./policy/canonical.ts";
export * from "./policy/defaults.ts";
export { compilePolicy, type CompiledPolicy } from "./engine/compile.ts";
export { parseScoreCell, parseVoteCell } from "./engine/cells.ts";
export { validateInput } from "./engine/validate.ts";
export {
  BallotColumnsBuilder,
  ballotColumnsFromRows,
  ballotRowAt,
  ballotRowsOf,
  ballotCount,
  isBallotColumns,
  type BallotColumns,
  type InputTables,
  type BallotCell,
  type CellColumn,
} from "./engine/ballot-columns.ts";
export { decideVerdict, type VerdictInput, type VerdictOutcome } from "./engine/rules.ts";
export { verdictBatch } from "./engine/verdict-batch.ts";
export { score, scoreWithIdentity, type ScoreInput } from "./engine/score.ts";
export { competitionRanks } from "./engine/rank.ts";
export { quotaPlaces } from "./engine/quota.ts";
export { verifyResult } from "./engine/verify.ts";
export { ScoreRefusal, noVoteColumn } from "./engine/refusal.ts";
export { meetingChecks, type MeetingCounts } from "./engine/meeting.ts";
export { trimBuckets } from "./engine/trim.ts";
export { checkQuorum, type QuorumResult } from "./recommendation/quorum.ts";
export * from "./schemas/recommendation.ts";
export { tallyRecommendation, meetingChecks as recommendationMeetingChecks } from "./recommendation/meeting.ts";
export { runRounds } from "./recommendation/rounds.ts";
export { decideVote } from "./recommendation/decide.ts";
export { recommendationSettings } from "./recommendation/settings.ts";
export type { InvalidBallot, BallotProblem } from "./recommendation/ballot-problems.ts";
export { topN } from "./recommendation/top.ts";
export * from "./policy/weights.ts";
export { mergeGrade, mostSevere, type GradeOrTie } from "./engine/grade.ts";
export { isKnownGroup, isKnownPost, policyMismatches, postLabel } from "./engine/fits-policy.ts";
export * from "./table/index.ts";
export * from "./recommendation/grid.ts";
export * from "./recommendation/templates.ts";
export * from "./recommendation/announcement.ts";
export * from "./schemas/survey-policy.ts";
export * from "./schemas/survey.ts";
export * from "./survey/index.ts";
export * from "./schemas/integrity.ts";
