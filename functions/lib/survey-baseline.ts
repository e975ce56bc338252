import type { SurveyResult } from "../../shared/index.ts";
import { getSurvey, listSurveys } from "../store/surveys.ts";

/**
 * Last year's figures for a survey of `period`: the stored surveys of the year before, each unit taken
 * from the latest submission that covers it (a county may be surveyed in its own workbook). Undefined
 * when nothing was stored for that year.
 */
export async function storedBaseline(period: string): Promise<SurveyResult | undefined> {
  const previous = String(Number(period) - 1);
  const list = await listSurveys({ period: previous });
  if (list.length === 0) return undefined;
  const latestFor = new Map<string, string>();
  for (const s of list) for (const u of s.units) latestFor.set(u, s.id);
  const docs = new Map<string, SurveyResult>();
  for (const id of new Set(latestFor.values())) {
    const found = await getSurvey(id);
    if (found) docs.set(id, found.doc.result);
  }
  const base = docs.values().next().value!;
  return {
    policy: base.policy,
    period: previous,
    scales: base.scales,
    items: [...latestFor].flatMap(([unit, id]) => docs.get(id)?.items.filter((i) => i.unit === unit) ?? []),
    units: [...latestFor].flatMap(([unit, id]) => docs.get(id)?.units.filter((u) => u.unit === unit) ?? []),
    issues: [],
  };
}
