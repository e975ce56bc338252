/**
 * The add-in's Excel layer: the only code that calls Excel.run. Pure planning (headers, rows, chunks, tables)
 * lives in sibling modules; these functions are the thin part that touches Excel objects.
 */
export type { Lang } from "./labels.ts";
export { createAssessmentSkeleton } from "./skeleton.ts";
export { readAssessment, type AssessmentSheets } from "./read.ts";
export { markIssues, selectCell } from "./marks.ts";
export { writeResults } from "./results.ts";
export { readStoredResult } from "./store.ts";
export { writeWorkbookPolicy, readWorkbookPolicy, type StoredWorkbookPolicy } from "./policy-store.ts";
export { watchResultsSelection } from "./radar-follow.ts";
export { writeRecommendationSheet, readRecommendationGrids, writeAnnouncements } from "./recommendation.ts";
export { writePulledSheet, type PulledSheet } from "./pulled.ts";
export { KaopingExcelError, SheetExistsError } from "./errors.ts";
export { SHEETS } from "./labels.ts";
