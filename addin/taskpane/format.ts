import {
  GRADE_LABELS,
  GRADES,
  mergeGrade,
  type AssessmentResult,
  type Bilingual,
  type CadreResult,
  type Issue,
  type Policy,
  parseFraction,
  quotaPlaces,
  type Reason,
  type VerdictItem,
  type VerdictResultItem,
} from "../../shared/index.ts";
import { pick, t, type Lang } from "../i18n/index.ts";
import { paneError } from "./pane-error.ts";
import { fieldLabel, issueLabel, plainIssueMessage } from "../i18n/labels.ts";

/** Pure formatting and merging for the pane: no DOM, no Excel, so it is tested in Node. */

export interface IssueRow {
  sheet: string;
  row: number;
  /** The column's key, for selecting the cell; never shown. */
  fieldKey: string;
  field: string;
  rule: string;
  message: string;
}

/** Issues as the user reads them: the field and the rule by name (廉, 超出范围), the sentence without keys. */
export const issueRows = (issues: readonly Issue[], lang: Lang): IssueRow[] =>
  issues.map((i) => ({
    sheet: i.sheet,
    row: i.row,
    fieldKey: i.field,
    field: pick(lang, fieldLabel(i.field)),
    rule: pick(lang, issueLabel(i.code)),
    message: pick(lang, plainIssueMessage(i.message, i.field)),
  }));

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

/** The first segment of a field path ("/unit" -> "unit", "/result/cadres/0" -> "result"). */
export const pointerField = (pointer: string): string => pointer.replace(/^#?\//, "").split("/")[0] ?? "";

const POINTER_LABELS: Record<string, Bilingual> = {
  unit: { "zh-CN": "单位", en: "Unit" },
  period: { "zh-CN": "考核期间", en: "Period" },
  title: { "zh-CN": "标题", en: "Title" },
  result: { "zh-CN": "计分结果", en: "Scored result" },
  policy: { "zh-CN": "考核方案", en: "Policy" },
};

/** Office.js and the browser name a missing global ("Excel is not defined") when the pane runs outside Excel. */
const outsideExcel = (error: unknown) =>
  error instanceof ReferenceError && /\b(Excel|Office|OfficeRuntime)\b/.test(error.message);

/**
 * Any error as one sentence in the user's language that says what to do next. Never a field path: a field
 * the service named is given by its label (the page shows it next to the field when it has one).
 */
export function errorText(error: unknown, lang: Lang): string {
  if (outsideExcel(error)) return t(lang, "error.noExcel");
  const status = (error as { status?: number } | null)?.status;
  if (status === 403) return t(lang, "error.forbidden");
  const bilingual = (error as { bilingual?: Bilingual } | null)?.bilingual;
  if (bilingual && typeof bilingual["zh-CN"] === "string") {
    const fields = (error as { fieldErrors?: { pointer: string; message: Bilingual }[] }).fieldErrors ?? [];
    if (fields.length === 0) return pick(lang, bilingual);
    const named = fields.map((f) => {
      const label = POINTER_LABELS[pointerField(f.pointer)];
      const message = pick(lang, f.message)
        .replace(/(^|\s)\/[\w/-]*/g, "$1")
        .trim();
      return label ? `${pick(lang, label)}${lang === "en" ? ": " : "："}${message}` : message;
    });
    return [pick(lang, bilingual), ...new Set(named)].join(lang === "en" ? ". " : "。");
  }
  // OfficeRuntime and office.js reject with plain objects { code, message }.
  const plain = error as { message?: unknown; code?: unknown } | null;
  const detail =
    error instanceof Error ? error.message : typeof plain?.message === "string" ? plain.message : String(error);
  return t(lang, "error.unexpected", { detail });
}

export interface QuotaUse {
  /** The scope's name (the unit or post category), "" for the whole assessment. */
  scope: string;
  used: number;
  allowed: number;
}

/**
 * The excellent quota per scope as used / allowed: allowed by the policy's share of every listed cadre in the
 * scope (the engine's rule), used by the proposed excellent grades.
 */
export function quotaUse(result: AssessmentResult, policy: Policy): QuotaUse[] {
  if (!policy.excellentQuota) return [];
  const { scope, share, rounding } = policy.excellentQuota;
  const fraction = parseFraction(share);
  if (!fraction) return [];
  const scopes = new Map<string, CadreResult[]>();
  for (const c of result.cadres) {
    const key = scope === "assessment" ? "" : scope === "unit" ? c.unit : (policy.posts[c.post]?.label ?? c.post);
    scopes.set(key, [...(scopes.get(key) ?? []), c]);
  }
  return [...scopes].map(([name, members]) => ({
    scope: name,
    used: members.filter((c) => c.grade === "excellent").length,
    allowed: quotaPlaces(fraction, members.length, rounding),
  }));
}
