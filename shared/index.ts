/** kaoping's domain core: pure TypeScript shared by the add-in, the functions and the CLI. */
export * from "./vocabulary.ts";
export * from "./rational.ts";
export * from "./messages.ts";
export * from "./schemas/policy.ts";
export * from "./schemas/input.ts";
export * from "./schemas/result.ts";
export * from "./schemas/api.ts";
export * from "./schemas/errors.ts";
export * from "./policy/canonical.ts";
export * from "./policy/defaults.ts";
export { compilePolicy, type CompiledPolicy } from "./engine/compile.ts";
export { parseScoreCell, parseVoteCell } from "./engine/cells.ts";
export { validateInput } from "./engine/validate.ts";
export { decideVerdict, type VerdictInput, type VerdictOutcome } from "./engine/rules.ts";
export { verdictBatch } from "./engine/verdict-batch.ts";
export { score, scoreWithIdentity, type ScoreInput } from "./engine/score.ts";
export { competitionRanks } from "./engine/rank.ts";
export { quotaPlaces } from "./engine/quota.ts";
export { verifyResult } from "./engine/verify.ts";
export { trimBuckets } from "./engine/trim.ts";
export { checkQuorum, type QuorumResult } from "./recommendation/quorum.ts";
export {
  tallyRecommendation,
  advanceRound,
  RecommendationInputSchema,
  AdvanceInputSchema,
  type RecommendationInput,
  type RecommendationResult,
  type AdvanceInput,
} from "./recommendation/recommend.ts";
export { topN } from "./recommendation/top.ts";
export * from "./schemas/integrity.ts";
