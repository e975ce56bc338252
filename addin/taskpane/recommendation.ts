import type { RecommendationInput } from "../../shared/index.ts";

type Ballots = RecommendationInput["ballots"];

export interface RecommendationForm {
  vacancies: string;
  expected: string;
  attendees: string;
  candidates: string;
}

/**
 * The Excel layer's recommendation ballots as the API's input: it may hand back the ballots alone or
 * with the meeting's counts; what the user typed in the pane fills the gaps. Bad numbers are named, not guessed.
 */
export function recommendationRequest(
  read: unknown,
  form: RecommendationForm,
): { ok: true; input: RecommendationInput } | { ok: false; field: keyof RecommendationForm } {
  const sheet = (Array.isArray(read) ? { ballots: read } : (read ?? {})) as {
    ballots?: Ballots;
    expected?: number;
    attendees?: number;
    vacancies?: number;
    candidates?: string[];
  };
  const num = (typed: string, fromSheet: number | undefined) =>
    typed.trim() === "" ? fromSheet : /^\d+$/.test(typed.trim()) ? Number(typed.trim()) : NaN;
  // The template's own vacancies (row 1) win: the ballots were filled against them.
  const vacancies =
    sheet.vacancies !== undefined && Number.isInteger(sheet.vacancies) && sheet.vacancies > 0
      ? sheet.vacancies
      : num(form.vacancies, undefined);
  const expected = num(form.expected, sheet.expected);
  const attendees = num(form.attendees, sheet.attendees);
  if (vacancies === undefined || !Number.isInteger(vacancies) || vacancies < 1)
    return { ok: false, field: "vacancies" };
  if (expected === undefined || !Number.isInteger(expected) || expected < 1) return { ok: false, field: "expected" };
  if (attendees === undefined || !Number.isInteger(attendees) || attendees < 0)
    return { ok: false, field: "attendees" };
  const typedCandidates = candidateList(form.candidates);
  const candidates = typedCandidates.length > 0 ? typedCandidates : sheet.candidates;
  return {
    ok: true,
    input: {
      vacancies,
      expected,
      attendees,
      ballots: sheet.ballots ?? [],
      ...(candidates && candidates.length > 0 ? { candidates } : {}),
    },
  };
}

/** One candidate per line (or separated by 、 , ;), blanks dropped, order kept. */
export const candidateList = (text: string): string[] =>
  text
    .split(/[\n、,，;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);
