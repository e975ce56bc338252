/** The survey engine (spec section 9): scales with points, counts, positive rate, index, flags, history. */
export { scoreSurvey, scoreSurveyWithIdentity, surveyPolicyIdentity, type SurveyScoreOptions } from "./score.ts";
export { validateSurvey, ITEMS_SHEET, ANSWERS_SHEET } from "./validate.ts";
export { compileSurveyPolicy, DONT_KNOW, DEFAULT_SCALE } from "./compile.ts";
export { surveyIssueMessage, surveyReasons } from "./messages.ts";
export { normalizeLabel } from "./normalize.ts";
export { readSurveyTables, SURVEY_SHEETS, ITEM_TABLE_FIELDS, ANSWER_TABLE_FIELDS, type SurveyTables } from "./read.ts";
export { multiYearFlags, type GradedYear } from "./history.ts";
export { surveyTable, WITHHELD_TEXT, type SurveyTable, type SurveyCell } from "./table.ts";
export { feedbackReport, type FeedbackReport } from "./report.ts";
