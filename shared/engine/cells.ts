import { GRADES, GRADE_LABELS, type Grade } from "../vocabulary.ts";
import type { CompiledPolicy } from "./compile.ts";
import { foldLabel } from "../table/han.ts";

export type ScoreCell =
  { ok: true; hundredths: number } | { ok: false; code: "missing_score" | "invalid_score" | "out_of_range" };

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
const DECIMAL = /^[+-]?\d+(?:\.\d{1,2})?$/;

/** scoreHundredths' refusals: negative, since every score of a scale (min >= 0) is not. */
export const MISSING_SCORE = -1;
export const INVALID_SCORE = -2;
export const OUT_OF_RANGE = -3;
export const SCORE_CODES = {
  [MISSING_SCORE]: "missing_score",
  [INVALID_SCORE]: "invalid_score",
  [OUT_OF_RANGE]: "out_of_range",
} as const;

/**
 * A score cell in hundredths, or a negative refusal code; allocation-free for the validation loop.
 * Points with at most two decimals, or a level label of the scale (spec section 2).
 */
export function scoreHundredths(value: unknown, policy: CompiledPolicy): number {
  let h: number;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return INVALID_SCORE;
    const scaled = value * 100;
    h = Math.round(scaled);
    // More than two decimals is not a score of the scale; the tolerance only absorbs binary noise (0.29 * 100).
    if (Math.abs(scaled - h) > 1e-6) return INVALID_SCORE;
  } else if (isBlank(value)) {
    return MISSING_SCORE;
  } else if (typeof value === "string") {
    // Full-width digits and spaces typed with a Chinese IME are the same score.
    const text = value.normalize("NFKC").trim();
    const level = policy.levels.get(text);
    if (level !== undefined) return level;
    if (!DECIMAL.test(text)) return policy.levels.get(foldLabel(text)) ?? INVALID_SCORE;
    const [whole, frac = ""] = text.replace(/^\+/, "").split(".");
    const sign = whole!.startsWith("-") ? -1 : 1;
    h = sign * (Math.abs(Number(whole)) * 100 + Number(frac.padEnd(2, "0")));
  } else {
    return INVALID_SCORE;
  }
  if (h < policy.minHundredths || h > policy.maxHundredths) return OUT_OF_RANGE;
  return h;
}

/** A score cell: points with at most two decimals, or a level label of the scale (spec section 2). */
export function parseScoreCell(value: unknown, policy: CompiledPolicy): ScoreCell {
  const h = scoreHundredths(value, policy);
  return h >= 0 ? { ok: true, hundredths: h } : { ok: false, code: SCORE_CODES[h as keyof typeof SCORE_CODES] };
}

const VOTE_LOOKUP = new Map<string, number>();
GRADES.forEach((g, i) => {
  VOTE_LOOKUP.set(g, i);
  VOTE_LOOKUP.set(GRADE_LABELS[g]["zh-CN"], i);
  VOTE_LOOKUP.set(GRADE_LABELS[g].en.toLowerCase(), i);
});
export const BLANK_VOTE = 4;

/** Grade vote: key, Chinese label or English label; blank is an abstention. Returns -1 when invalid. */
export function parseVoteCell(value: unknown): number {
  if (isBlank(value)) return BLANK_VOTE;
  if (typeof value !== "string") return -1;
  // Fast path: the lookup keys are already in normal form, so an exact hit needs no normalising.
  // Then full-width, case and traditional spellings (稱職 is 称职).
  return VOTE_LOOKUP.get(value) ?? VOTE_LOOKUP.get(foldLabel(value)) ?? -1;
}

export const voteGrade = (index: number): Grade | undefined => GRADES[index];

export const cellText = (v: unknown): string =>
  v === undefined || v === null ? "" : String(v).normalize("NFKC").trim();
