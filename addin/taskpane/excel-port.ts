import type { z } from "zod";
import type {
  AssessmentResult,
  BallotColumns,
  CadreRow,
  Issue,
  Policy,
  PolicyIdentity,
  Announcement,
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
    ballots: BallotColumns;
    sheets: { cadres: string; ballots: string };
    /** Whether the ballot form has a grade-vote column, and its headers (for the no_vote_column refusal). */
    voteColumn?: boolean;
    ballotHeaders?: string[];
  }>;
  markIssues: (issues: Issue[]) => Promise<unknown>;
  selectCell: (sheet: string, row: number, field: string) => Promise<unknown>;
  writeResults: (result: AssessmentResult, policy: Policy, opts: { lang: Lang; offline: boolean }) => Promise<unknown>;
  readStoredResult: () => Promise<AssessmentResult | null | undefined>;
  /** A blank 民主推荐 / 公推公选 / 第N轮 / 票决 sheet; refuses to overwrite one. */
  writeRecommendationSheet: (name: string, rows: (string | number)[][]) => Promise<unknown>;
  /** Those sheets as grids from A1, by sheet name. */
  readRecommendationGrids: () => Promise<{ name: string; grid: unknown[][] }[]>;
  /** The 现场公布 sheets, one A4 page each. */
  writeAnnouncements: (announcements: Announcement[]) => Promise<unknown>;
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
