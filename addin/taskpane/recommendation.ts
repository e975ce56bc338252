import { GridError, nameList, type Bilingual, type TemplatePost } from "../../shared/index.ts";
import { ApiError } from "../api/errors.ts";

/**
 * The posts a user types in the pane, one per line: "办公室主任 | 1 | 周文、吴刚、郑洁" (tab or | between
 * the fields). A line that does not read is named, not guessed.
 */
export function parsePostLines(text: string): { ok: true; posts: TemplatePost[] } | { ok: false; line: number } {
  const posts: TemplatePost[] = [];
  const lines = text.split(/\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const [label, vacancies, candidates] = line.split(/\s*[|\t｜]\s*/);
    if (!label || !vacancies || !/^\d+$/.test(vacancies.trim()) || Number(vacancies) < 1)
      return { ok: false, line: i + 1 };
    posts.push({ label: label.trim(), vacancies: Number(vacancies), candidates: nameList(candidates ?? "") });
  }
  return posts.length > 0 ? { ok: true, posts } : { ok: false, line: 1 };
}

/** One candidate per line (or separated by 、 , ;), blanks dropped, order kept. */
export const candidateList = (text: string): string[] => nameList(text);

/** A whole number typed in the pane, or undefined when it is not one. */
export const wholeNumber = (text: string, min: number): number | undefined =>
  /^\d+$/.test(text.trim()) && Number(text.trim()) >= min ? Number(text.trim()) : undefined;

/** A sheet the user filled that does not read, as the pane's bilingual error. */
export const sheetProblem = (e: unknown): unknown =>
  e instanceof GridError ? new ApiError("problem", e.bilingual) : e;

export const fieldProblem = (zh: string, en: string): ApiError =>
  new ApiError("problem", { "zh-CN": zh, en } satisfies Bilingual);
