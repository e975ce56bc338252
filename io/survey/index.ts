export { readSurveyWorkbook, rawTable, type SurveyWorkbook } from "./read.ts";
export {
  writeSurveyWorkbook,
  writeFeedback,
  surveyToCsv,
  feedbackSheetName,
  SURVEY_RESULTS_SHEET,
  SURVEY_ISSUES_SHEET,
} from "./write.ts";
