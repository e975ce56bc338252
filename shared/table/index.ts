/** The one table reader: raw cells (from exceljs, CSV or Excel) -> header map -> the engine's input rows. */
export { TableError, type TableErrorCode } from "./errors.ts";
export { foldLabel, toSimplified } from "./han.ts";
export { isBlankCell, cellAsText, type RawCell, type RawRow, type RawTable } from "./raw.ts";
export {
  headerWords,
  fieldOfHeader,
  fieldName,
  columnLetter,
  locateHeader,
  dataRows,
  findSheetName,
  sheetNotFound,
  HEADER_SCAN_ROWS,
  type FieldSpec,
  type HeaderMap,
} from "./headers.ts";
export {
  readAssessmentTables,
  ASSESSMENT_SHEETS,
  CADRE_TABLE_FIELDS,
  BALLOT_TABLE_FIELDS,
  GRADE_VOTE_ALIASES,
  MEETING_COUNTS,
  type AssessmentTables,
  type MeetingCount,
} from "./assessment.ts";
export { BallotTableReader, readBallotTable, type BallotTable } from "./ballot-table.ts";
