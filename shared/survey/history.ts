import type { MultiYearRule } from "../schemas/survey-policy.ts";
import type { HistoryFlag } from "../schemas/survey.ts";
import type { Grade } from "../vocabulary.ts";
import { surveyReasons } from "./messages.ts";

export interface GradedYear {
  period: string;
  grade: Grade | "quota_tie" | null;
}

/**
 * The multi-year rules a policy names (连续两年考核不称职 …): a run of consecutive annual periods whose
 * grade is one the rule lists, at least `years` long, is flagged for review with its years. Never a
 * decision: the organisation decides (reviewRequired). Half-year and quarterly periods are not years.
 */
export function multiYearFlags(years: readonly GradedYear[], rules: readonly MultiYearRule[]): HistoryFlag[] {
  const annual = years
    .filter((y) => /^\d{4}$/.test(y.period))
    .slice()
    .sort((a, b) => Number(a.period) - Number(b.period));
  const flags: HistoryFlag[] = [];
  for (const rule of rules) {
    let run: string[] = [];
    const close = () => {
      if (run.length >= rule.years)
        flags.push({
          rule: rule.id,
          years: run,
          reviewRequired: true,
          message: surveyReasons.multiYear(rule.label, run, rule.consequence),
        });
      run = [];
    };
    let previous: number | undefined;
    for (const y of annual) {
      const year = Number(y.period);
      const counts = y.grade !== null && y.grade !== "quota_tie" && rule.grades.includes(y.grade);
      if (!counts || (previous !== undefined && year !== previous + 1)) close();
      if (counts) run.push(y.period);
      previous = year;
    }
    close();
  }
  return flags;
}
