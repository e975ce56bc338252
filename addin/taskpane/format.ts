import {
  GRADE_LABELS,
  GRADES,
  mergeGrade,
  type AssessmentResult,
  type Bilingual,
  type CadreResult,
  type Issue,
  type Reason,
  type VerdictItem,
  type VerdictResultItem,
} from "../../shared/index.ts";
import { pick, t, type Lang } from "../i18n/index.ts";
import { paneError } from "./pane-error.ts";

/** Pure formatting and merging for the pane: no DOM, no Excel, so it is tested in Node. */

export interface IssueRow {
  sheet: string;
  row: number;
  field: string;
  rule: string;
  message: string;
}

export const issueRows = (issues: readonly Issue[], lang: Lang): IssueRow[] =>
  issues.map((i) => ({ sheet: i.sheet, row: i.row, field: i.field, rule: i.code, message: pick(lang, i.message) }));

/** One verdict question per cadre: votes, the rounded composite and dimensions (for bands and vetoes). */
export function verdictItems(
  result: AssessmentResult,
  extra: Map<string, { disciplinary?: boolean; attendees?: number; expected?: number }> = new Map(),
): VerdictItem[] {
  return result.cadres.map((c) => {
    const more = extra.get(c.cadreId) ?? {};
    return {
      excellent: c.votes.excellent,
      competent: c.votes.competent,
      basic: c.votes.basic,
      incompetent: c.votes.incompetent,
      blank: c.votes.blank,
      ...(c.composite !== null ? { composite: c.composite } : {}),
      ...(c.dimensions ? { dimensions: c.dimensions } : {}),
      ...(more.disciplinary ? { disciplinary: true } : {}),
      ...(more.attendees !== undefined ? { attendees: more.attendees } : {}),
      ...(more.expected !== undefined ? { expected: more.expected } : {}),
    };
  });
}

/**
 * Puts the cloud's verdicts into the local result. The quota is applied across cadres, which a per-item
 * verdict cannot know: a quota tie stays, and otherwise the more severe of the two grades stands, so
 * merging never lifts anyone past the quota.
 */
export function mergeVerdicts(
  result: AssessmentResult,
  verdicts: readonly VerdictResultItem[],
  provisional: boolean,
): AssessmentResult {
  if (verdicts.length !== result.cadres.length) throw paneError("verdict.countMismatch");
  const cadres = result.cadres.map((c, i): CadreResult => {
    const v = verdicts[i]!;
    const scored = c.composite !== null;
    return {
      ...c,
      verdict: scored ? v.verdict : c.verdict,
      grade: scored ? mergeGrade(c.grade, v.grade) : c.grade,
      reviewRequired: c.reviewRequired || v.reviewRequired,
      provisional: c.provisional || v.provisional || provisional,
    };
  });
  return { ...result, cadres };
}

/** The reason every cadre of an offline scoring carries, so the sheet, the pane and HR see why it is provisional. */
export const OFFLINE_REASON: Reason = {
  rule: "offline_verdict",
  fired: true,
  message: {
    "zh-CN": "离线时按缓存方案判定，暂定；须联网重新计分",
    en: "decided offline from the cached policy; provisional until scored online",
  },
};

export function markOffline(result: AssessmentResult): AssessmentResult {
  return {
    ...result,
    cadres: result.cadres.map((c) =>
      c.reasons.some((r) => r.rule === OFFLINE_REASON.rule)
        ? c
        : { ...c, provisional: true, reasons: [...c.reasons, OFFLINE_REASON] },
    ),
  };
}

/** Cadres whose verdicts were decided offline: such a result is not submitted until scored online. */
export const offlineCadres = (result: AssessmentResult): number =>
  result.cadres.filter((c) => c.reasons.some((r) => r.rule === OFFLINE_REASON.rule && r.fired)).length;

export interface Summary {
  cadres: number;
  counts: { grade: string; label: string; count: number }[];
  unscored: number;
  review: { cadreId: string; name: string; grade: string; reasons: string[] }[];
  provisional: number;
  issues: number;
}

/** Counts per grade and who needs organisational review, with the rules that fired. */
export function summarise(result: AssessmentResult, lang: Lang): Summary {
  const keys = [...GRADES, "quota_tie"] as const;
  const counts = keys.map((g) => ({
    grade: g as string,
    label: pick(lang, GRADE_LABELS[g]),
    count: result.cadres.filter((c) => c.grade === g).length,
  }));
  const gradeText = (c: CadreResult) => (c.grade ? pick(lang, GRADE_LABELS[c.grade]) : t(lang, "score.unscored"));
  return {
    cadres: result.cadres.length,
    counts,
    unscored: result.cadres.filter((c) => c.grade === null).length,
    review: result.cadres
      .filter((c) => c.reviewRequired)
      .map((c) => ({
        cadreId: c.cadreId,
        name: c.name,
        grade: gradeText(c),
        reasons: c.reasons.filter((r) => r.fired && r.rule !== "band").map((r) => pick(lang, r.message)),
      })),
    provisional: result.cadres.filter((c) => c.provisional).length,
    issues: result.issues.length,
  };
}

/** Any error as one line in the user's language: our errors carry both languages. */
export function errorText(error: unknown, lang: Lang): string {
  const bilingual = (error as { bilingual?: Bilingual } | null)?.bilingual;
  if (bilingual && typeof bilingual["zh-CN"] === "string") {
    const fields = (error as { fieldErrors?: { pointer: string; message: Bilingual }[] }).fieldErrors ?? [];
    return [pick(lang, bilingual), ...fields.map((f) => `${f.pointer}: ${pick(lang, f.message)}`)].join("\n");
  }
  if (error instanceof Error) return error.message;
  // OfficeRuntime and office.js reject with plain objects { code, message }.
  const plain = error as { message?: unknown; code?: unknown } | null;
  if (plain && typeof plain.message === "string")
    return plain.code === undefined ? plain.message : `${plain.message} (${String(plain.code)})`;
  return String(error);
}
