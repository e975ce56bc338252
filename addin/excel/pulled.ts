/// <reference types="office-js" />
/** writePulledSheet: a scored sheet pulled from the server, as a new worksheet with the results table. */
import { DEFAULT_POLICIES, type AssessmentResult, type Policy, type PolicyIdentity } from "../../shared/index.ts";
import { SyncBudget } from "./excel-io.ts";
import { type Lang } from "./labels.ts";
import { buildResultTable, labelsOf } from "./result-table.ts";
import { writeResultTable } from "./results-sheet.ts";

export interface PulledSheet {
  id: string;
  unit: string;
  period: string;
  /** The identity (from the server) or the whole policy document when the caller has it. */
  policy: PolicyIdentity | Policy;
  result: AssessmentResult;
}

const FORBIDDEN = /[:\\/?*[\]']/g;

/** "拉取 2026 单位", cleaned of characters Excel forbids, at most 31 characters, unique among `taken`. */
export function pulledSheetName(period: string, unit: string, taken: readonly string[]): string {
  const base = `拉取 ${period} ${unit}`.replace(FORBIDDEN, " ").replace(/\s+/g, " ").trim().slice(0, 31);
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** Post and group labels: from the policy document when given, else a built-in policy with the same identity. */
function policyFor(p: PolicyIdentity | Policy): Policy | PolicyIdentity {
  if ("posts" in p) return p;
  return DEFAULT_POLICIES.find((d) => d.id === p.id && d.version === p.version) ?? p;
}

export async function writePulledSheet(sheet: PulledSheet, lang: Lang): Promise<string> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const name = pulledSheetName(
      sheet.period,
      sheet.unit,
      sheets.items.map((s) => s.name),
    );
    const ws = sheets.add(name);
    const budget = new SyncBudget(context);
    const table = buildResultTable(sheet.result, labelsOf(policyFor(sheet.policy), sheet.result), lang, false);
    const title = `拉取 pulled: ${sheet.unit} · ${sheet.period} · ${sheet.id}`;
    await writeResultTable(budget, ws, table, sheet.result.policy, { offline: false, title });
    ws.activate();
    await budget.flush();
    return name;
  });
}
