import { BALLOT_FIELDS, CADRE_FIELDS } from "../shared/index.ts";
import { InputError } from "./errors.ts";

/** A column the reader knows: JSON key, Chinese label (spec section 2), and whether it must be present. */
export interface FieldSpec {
  key: string;
  label: string;
  required: boolean;
}

export const CADRE_COLUMNS: readonly FieldSpec[] = [
  ...Object.entries(CADRE_FIELDS).map(([key, label]) => ({ key, label, required: key !== "unit" })),
  { key: "disciplinary", label: "违纪记录", required: false },
  { key: "attendees", label: "实到", required: false },
  { key: "expected", label: "应到", required: false },
];

export const BALLOT_COLUMNS: readonly FieldSpec[] = Object.entries(BALLOT_FIELDS).map(([key, label]) => ({
  key,
  label,
  required: key !== "gradeVote",
}));

/**
 * The words of a header: "测评主体 / raterGroup" -> 测评主体, ratergroup; "等次 Grade vote" also yields
 * "gradevote", so the English label written with spaces matches the key. Case-insensitive for English.
 */
export function headerWords(header: string): Set<string> {
  const text = header.normalize("NFKC").trim();
  // Split on separators and at every switch between CJK and Latin text ("德Morality").
  const parts = text
    .replace(/([\p{Script=Han}]+)/gu, " $1 ")
    .split(/[\s/|:()[\]{}<>,;，；：（）【】、_-]+/u)
    .filter(Boolean);
  const words = new Set(parts.map((p) => p.toLowerCase()));
  const latin = parts
    .filter((p) => /^[A-Za-z0-9]+$/.test(p))
    .join("")
    .toLowerCase();
  if (latin) words.add(latin);
  return words;
}

export interface ColumnMap {
  /** field key -> 1-based column number */
  columns: Map<string, number>;
  /** headers that name no known field, kept so the caller can say they were not read */
  ignored: string[];
}

/** Maps a header row to fields; a required field missing, or named twice, is an InputError naming it. */
export function mapHeaders(
  sheet: string,
  headers: readonly (string | undefined)[],
  fields: readonly FieldSpec[],
): ColumnMap {
  const columns = new Map<string, number>();
  const ignored: string[] = [];
  headers.forEach((raw, i) => {
    const header = (raw ?? "").trim();
    if (!header) return;
    const words = headerWords(header);
    const field = fields.find((f) => words.has(f.key.toLowerCase()) || words.has(f.label));
    if (!field) return void ignored.push(header);
    const earlier = columns.get(field.key);
    if (earlier !== undefined) {
      throw new InputError("duplicate_header", {
        "zh-CN": `「${sheet}」第 1 行：第 ${earlier} 列和第 ${i + 1} 列都是「${field.label}」(${field.key})，请只保留一列`,
        en: `${sheet} row 1: columns ${earlier} and ${i + 1} both hold ${field.key} (${field.label}); keep only one`,
      });
    }
    columns.set(field.key, i + 1);
  });
  const missing = fields.filter((f) => f.required && !columns.has(f.key));
  if (missing.length > 0) {
    const found = headers.filter((h): h is string => !!h && h.trim() !== "").map((h) => `「${h.trim()}」`);
    const foundText = found.length > 0 ? found.join(" ") : "（无 none）";
    throw new InputError("missing_header", {
      "zh-CN": `「${sheet}」缺少必需的列：${missing.map((f) => `${f.label}（${f.key}）`).join("、")}。第 1 行的表头为：${foundText}`,
      en: `${sheet} is missing required column(s): ${missing.map((f) => `${f.key} (${f.label})`).join(", ")}. Headers found in row 1: ${foundText}`,
    });
  }
  return { columns, ignored };
}
