/** The scored workbook as sheet models, in print order: results, detail, feedback pages, issues, policy. */
import type { InputTables } from "../engine/ballot-columns.ts";
import type { AssessmentResult } from "../schemas/result.ts";
import type { Policy } from "../schemas/policy.ts";
import { sizeRows, type SheetModel } from "./sheet-model.ts";
import { detailSheet, resultsSheet, WORKBOOK_SHEETS, type ReportSheetNames } from "./results-table.ts";
import { policySheet } from "./policy-sheet.ts";
import { issuesSheet } from "./issues-sheet.ts";
import { feedbackSheet } from "./feedback-sheet.ts";

export interface ReportOptions {
  names?: ReportSheetNames;
  unit?: string;
  period?: string;
  offline?: boolean;
  /** The input scored: lets the issues sheet name each row's ballot number and cadre. */
  input?: InputTables;
}

export interface ReportModels {
  results: SheetModel;
  detail: SheetModel;
  feedback: SheetModel;
  issues: SheetModel;
  policy: SheetModel;
}

export function reportModels(result: AssessmentResult, policy: Policy, options: ReportOptions = {}): ReportModels {
  const names = options.names ?? WORKBOOK_SHEETS;
  const policyPart = policySheet(result, policy, names.policy);
  const ctx = {
    names,
    unit: options.unit,
    period: options.period,
    offline: options.offline,
    weightRows: policyPart.weightRows,
  };
  return {
    results: sizeRows(resultsSheet(result, policy, ctx)),
    detail: sizeRows(detailSheet(result, policy, ctx)),
    feedback: sizeRows(feedbackSheet(result, policy, names.feedback)),
    issues: sizeRows(issuesSheet(result, names.issues, options.input)),
    policy: sizeRows(policyPart.model),
  };
}
