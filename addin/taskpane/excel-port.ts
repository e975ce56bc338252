import type { z } from "zod";
import type { AssessmentResult, BallotRow, CadreRow, Issue, Policy, RecommendationResponseSchema, RecommendationResult, StoredSheetSchema } from "../../shared/index.ts";
import type { Lang } from "../i18n/index.ts";

/**
 * What the pane needs from the Excel layer (addin/excel/index.ts, the only code that calls Excel.run).
 * Pages take it as a parameter so their logic runs without Excel; main.ts assigns the real module to it,
 * and the function-typed properties make tsc check each signature (methods would be bivariant).
 */
export interface ExcelPort {
  createAssessmentSkeleton: (policy: Policy, lang: Lang) => Promise<unknown>;
  readAssessment: () => Promise<{ cadres: CadreRow[]; ballots: BallotRow[]; sheets: { cadres: string; ballots: string } }>;
  markIssues: (issues: Issue[]) => Promise<unknown>;
  selectCell: (sheet: string, row: number, field: string) => Promise<unknown>;
  writeResults: (result: AssessmentResult, policy: Policy, opts: { lang: Lang; offline: boolean }) => Promise<unknown>;
  readStoredResult: () => Promise<AssessmentResult | null | undefined>;
  writeRecommendationTemplate: (candidates: string[], vacancies: number, lang: Lang) => Promise<unknown>;
  /** The ballots, alone or with the template's vacancies and candidates. */
  readRecommendationBallots: () => Promise<unknown>;
  writeRecommendationResult: (result: RecommendationResult | z.infer<typeof RecommendationResponseSchema>, lang: Lang) => Promise<unknown>;
  writePulledSheet: (sheet: z.infer<typeof StoredSheetSchema>, lang: Lang) => Promise<string>;
}
