import { GRADE_SEVERITY, type Grade } from "../vocabulary.ts";

export type GradeOrTie = Grade | "quota_tie";

/** The more severe of two grades (spec section 5): band, vote rules and vetoes each cap it, the most severe stands. */
export const mostSevere = (a: Grade, b: Grade): Grade => (GRADE_SEVERITY[a] >= GRADE_SEVERITY[b] ? a : b);

/**
 * A grade already settled across cadres (after the quota) merged with one decided for the cadre alone (a
 * verdict, which cannot know the quota). The quota comes last in spec section 5, so a quota tie stands and
 * a per-cadre quota_tie means nothing; otherwise the more severe grade stands, so a merge never lifts anyone
 * past the quota. A missing grade gives way to the other.
 */
export function mergeGrade(settled: GradeOrTie | null, decided: GradeOrTie | null): GradeOrTie | null {
  if (settled === "quota_tie" || decided === null || decided === "quota_tie") return settled;
  return settled === null ? decided : mostSevere(settled, decided);
}
