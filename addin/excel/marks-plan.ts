/** Which cells to shade for a list of issues, and how earlier marks are remembered. Pure. */
import type { Issue } from "../../shared/index.ts";
import { cellRef, rangeRef } from "./a1.ts";
import { splitForCells } from "./chunks.ts";

export interface Mark {
  sheet: string;
  address: string;
}

/** One mark per cell; an issue whose field has no column shades its whole row (nothing is left unmarked). */
export function planMarks(
  issues: readonly Issue[],
  columnsBySheet: ReadonlyMap<string, { columns: Map<string, number>; width: number }>,
): Mark[] {
  const seen = new Set<string>();
  const marks: Mark[] = [];
  for (const issue of issues) {
    const sheet = columnsBySheet.get(issue.sheet);
    if (!sheet || issue.row < 1) continue;
    const col = sheet.columns.get(issue.field);
    const address =
      col !== undefined ? cellRef(issue.row - 1, col) : rangeRef(issue.row - 1, 0, 1, Math.max(1, sheet.width));
    const key = `${issue.sheet}\u0000${address}`;
    if (seen.has(key)) continue;
    seen.add(key);
    marks.push({ sheet: issue.sheet, address });
  }
  return marks;
}

/** Marks are stored as JSON split over a fixed column of cells in the hidden sheet. */
export const MARK_CELLS = 64;
export function encodeMarks(marks: readonly Mark[]): string[] {
  const parts = splitForCells(JSON.stringify(marks));
  if (parts.length > MARK_CELLS) return [JSON.stringify([])]; // too many to remember: next run simply cannot clear them
  return [...parts, ...Array.from({ length: MARK_CELLS - parts.length }, () => "")];
}
export function decodeMarks(cells: readonly unknown[]): Mark[] {
  const text = cells.map((c) => (typeof c === "string" ? c : "")).join("");
  if (!text) return [];
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed)
      ? parsed.filter((m): m is Mark => typeof m?.sheet === "string" && typeof m?.address === "string")
      : [];
  } catch {
    return [];
  }
}
