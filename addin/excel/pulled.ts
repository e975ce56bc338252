/// <reference types="office-js" />
/** writePulledSheet: a scored sheet pulled from the server, as a new worksheet with the results page. */
import { DEFAULT_POLICIES, type AssessmentResult, type Policy, type PolicyIdentity } from "../../shared/index.ts";
import { reportModels } from "../../shared/report/index.ts";
import { SyncBudget } from "./excel-io.ts";
import { type Lang } from "./labels.ts";
import { renderModel } from "./render-model.ts";
import { ADDIN_SHEETS } from "./results.ts";

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

/**
 * Post and group labels: from the policy document when given, else a built-in policy with the same identity, else
 * the result's own names under the identity (a policy this add-in does not know).
 */
export function policyFor(p: PolicyIdentity | Policy): Policy {
  if ("posts" in p) return p;
  const known = DEFAULT_POLICIES.find((d) => d.id === p.id && d.version === p.version);
  return (
    known ?? {
      ...DEFAULT_POLICIES[0]!,
      id: p.id,
      version: p.version,
      title: `${p.id} v${p.version}`,
      posts: {},
      raterGroups: {},
    }
  );
}

/** The same results page as 考核结果, titled with the pulled sheet's unit and period; figures as values. */
export async function writePulledSheet(sheet: PulledSheet, _lang: Lang): Promise<string> {
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
    const models = reportModels(sheet.result, policyFor(sheet.policy), {
      names: { ...ADDIN_SHEETS, results: name },
      unit: sheet.unit,
      period: sheet.period,
    });
    // No detail or policy sheet comes with a pull: the composite is written as the value its formula gives.
    await renderModel(budget, ws, models.results, { formulas: false });
    ws.activate();
    await budget.flush();
    return name;
  });
}
