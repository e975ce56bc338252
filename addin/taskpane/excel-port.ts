import type { z } from "zod";
import type {
  AssessmentResult,
  BallotRow,
  CadreRow,
  Issue,
  Policy,
  PolicyIdentity,
  RecommendationResponseSchema,
  RecommendationResult,
  StoredSheetSchema,
} from "../../shared/index.ts";
import type { Lang } from "../i18n/index.ts";

/**
 * What the pane needs from the Excel layer (addin/excel/index.ts, the only code that calls Excel.run).
 * Pages take it as a parameter so their logic runs without Excel; main.ts assigns the real module to it,
 * and the function-typed properties make tsc check each signature (methods would be bivariant).
 */
export interface ExcelPort {
  createAssessmentSkeleton: (policy: Policy, lang: Lang) => Promise<unknown>;
  readAssessment: () => Promise<{
    cadres: CadreRow[];
    ballots: BallotRow[];
    sheets: { cadres: string; ballots: string };
    /** Whether the ballot form has a grade-vote column, and its headers (for the no_vote_column refusal). */
    voteColumn?: boolean;
    ballotHeaders?: string[];
  }>;
  markIssues: (issues: Issue[]) => Promise<unknown>;
  selectCell: (sheet: string, row: number, field: string) => Promise<unknown>;
  writeResults: (result: AssessmentResult, policy: Policy, opts: { lang: Lang; offline: boolean }) => Promise<unknown>;
  readStoredResult: () => Promise<AssessmentResult | null | undefined>;
  writeRecommendationTemplate: (candidates: string[], vacancies: number, lang: Lang) => Promise<unknown>;
  /** The ballots, alone or with the template's vacancies and candidates. */
  readRecommendationBallots: () => Promise<unknown>;
  writeRecommendationResult: (
    result: RecommendationResult | z.infer<typeof RecommendationResponseSchema>,
    lang: Lang,
  ) => Promise<unknown>;
  /** A pulled sheet with the policy document when it could be fetched, else the stored identity. */
  writePulledSheet: (
    sheet: Omit<z.infer<typeof StoredSheetSchema>, "policy"> & { policy: PolicyIdentity | Policy },
    lang: Lang,
  ) => Promise<string>;
  /** The policy bound to the workbook at 新建考核, or null for an older workbook. */
  writeWorkbookPolicy: (stored: { policy: Policy; identity: PolicyIdentity; published: boolean }) => Promise<unknown>;
  readWorkbookPolicy: () => Promise<
    { policy: Policy; identity: PolicyIdentity; published: boolean } | null | undefined
  >;
  /** Lets a selected row of 考核结果 drive the radar chart (registers the sheet's selection handler). */
  watchResultsSelection: () => Promise<unknown>;
}
