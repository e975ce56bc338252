/** Workbook and CSV input/output for the CLI and the functions. Readers take bytes; `files.ts` adds Node file access. */
export { InputError, EXIT, type InputErrorCode } from "./errors.ts";
export { readWorkbook, cellValue } from "./read-xlsx.ts";
export { readCsvPair, decodeCsvText } from "./read-csv.ts";
export { parsePolicy, builtInPolicy } from "./policy.ts";
export { asInputError, type ReadInput } from "./tables.ts";
export {
  writeScoredWorkbook,
  resultToCsv,
  RESULTS_SHEET,
  DETAIL_SHEET,
  FEEDBACK_SHEET,
  ISSUES_SHEET,
  POLICY_SHEET,
  type WriteOptions,
} from "./write.ts";
