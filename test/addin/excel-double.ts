/**
 * Stands in for addin/excel/index.ts inside the browser smoke test: hands out the page's
 * window.__excelData and records every call in window.__excelCalls.
 */
type Win = {
  __excelCalls: { name: string; args: unknown[] }[];
  __excelData: { assessment: unknown; workbookPolicy?: unknown; storedResult?: unknown };
};
const win = globalThis as unknown as Win;
win.__excelCalls ??= [];
const record = (name: string, args: unknown[]) =>
  void win.__excelCalls.push({ name, args: JSON.parse(JSON.stringify(args)) });

export const createAssessmentSkeleton = async (...args: unknown[]) => record("createAssessmentSkeleton", args);
export const readAssessment = async () => (record("readAssessment", []), win.__excelData.assessment);
export const markIssues = async (...args: unknown[]) => record("markIssues", args);
export const selectCell = async (...args: unknown[]) => record("selectCell", args);
export const writeResults = async (...args: unknown[]) => record("writeResults", args);
export const readStoredResult = async () => win.__excelData.storedResult ?? null;
export const writeWorkbookPolicy = async (...args: unknown[]) => {
  record("writeWorkbookPolicy", args);
  win.__excelData.workbookPolicy = args[0];
};
export const readWorkbookPolicy = async () => (win.__excelData.workbookPolicy ?? null) as never;
export const watchResultsSelection = async () => record("watchResultsSelection", []);
export const writeRecommendationSheet = async (...args: unknown[]) => record("writeRecommendationSheet", args);
export const readRecommendationGrids = async () =>
  (win.__excelData as { recommendationGrids?: { name: string; grid: unknown[][] }[] }).recommendationGrids ?? [];
export const writeAnnouncements = async (...args: unknown[]) => record("writeAnnouncements", args);
export const writePulledSheet = async (...args: unknown[]) => (record("writePulledSheet", args), "Pulled");
