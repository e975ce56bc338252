/** Header matching: a header cell may carry the English key, the Chinese label or both ("德 morality"). */
import { BALLOT_FIELDS, CADRE_FIELDS } from "../../shared/index.ts";

export type FieldLabels = Record<string, string>;

export const CADRE_HEADERS: FieldLabels = CADRE_FIELDS;
export const BALLOT_HEADERS: FieldLabels = BALLOT_FIELDS;
export const REQUIRED_CADRE = ["cadreId", "name", "post"] as const;
export const REQUIRED_BALLOT = [
  "ballotId",
  "raterGroup",
  "cadreId",
  "morality",
  "ability",
  "diligence",
  "achievement",
  "integrity",
] as const;

/** The bilingual header we write: Chinese label first, then the JSON key. */
export const bilingualHeader = (key: string, labels: FieldLabels): string => `${labels[key] ?? key} ${key}`;

const normalise = (v: unknown) =>
  String(v ?? "")
    .normalize("NFKC")
    .trim()
    .toLowerCase();

/** The field a header cell names, or undefined. Tokens are split on white space, "/", "|" and brackets. */
export function fieldOfHeader(cell: unknown, labels: FieldLabels): string | undefined {
  const text = normalise(cell);
  if (!text) return undefined;
  const tokens = new Set([text, ...text.split(/[\s/|()（）]+/).filter(Boolean)]);
  for (const [key, zh] of Object.entries(labels)) {
    if (tokens.has(key.toLowerCase()) || tokens.has(zh.toLowerCase())) return key;
  }
  return undefined;
}

/** Column index of each field found in a header row (first occurrence wins). */
export function matchHeaderRow(row: readonly unknown[], labels: FieldLabels): Map<string, number> {
  const found = new Map<string, number>();
  row.forEach((cell, col) => {
    const key = fieldOfHeader(cell, labels);
    if (key && !found.has(key)) found.set(key, col);
  });
  return found;
}

/** The first row among the first few that names a required field: a title line above the header is allowed. */
export function findHeaderRow(
  values: readonly unknown[][],
  labels: FieldLabels,
  required: readonly string[],
  scan = 10,
): number {
  for (let r = 0; r < Math.min(scan, values.length); r++) {
    const found = matchHeaderRow(values[r]!, labels);
    if (required.filter((k) => found.has(k)).length >= Math.min(2, required.length)) return r;
  }
  return -1;
}
