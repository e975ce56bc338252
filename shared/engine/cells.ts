import { GRADES, GRADE_LABELS, type Grade } from "../vocabulary.ts";
import type { CompiledPolicy } from "./compile.ts";

export type ScoreCell = { ok: true; hundredths: number } | { ok: false; code: "missing_score" | "invalid_score" | "out_of_range" };

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
const DECIMAL = /^[+-]?\d+(?:\.\d{1,2})?$/;

/** A score cell: points with at most two decimals, or a level label of the scale (spec section 2). */
export function parseScoreCell(value: unknown, policy: CompiledPolicy): ScoreCell {
  if (isBlank(value)) return { ok: false, code: "missing_score" };
  let h: number;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { ok: false, code: "invalid_score" };
    const scaled = value * 100;
    h = Math.round(scaled);
    // More than two decimals is not a score of the scale; the tolerance only absorbs binary noise (0.29 * 100).
    if (Math.abs(scaled - h) > 1e-6) return { ok: false, code: "invalid_score" };
  } else if (typeof value === "string") {
    // Full-width digits and spaces typed with a Chinese IME are the same score.
    const text = value.normalize("NFKC").trim();
    const level = policy.levels.get(text);
    if (level !== undefined) return { ok: true, hundredths: level };
    if (!DECIMAL.test(text)) return { ok: false, code: "invalid_score" };
    const [whole, frac = ""] = text.replace(/^\+/, "").split(".");
    const sign = whole!.startsWith("-") ? -1 : 1;
    h = sign * (Math.abs(Number(whole)) * 100 + Number(frac.padEnd(2, "0")));
  } else {
    return { ok: false, code: "invalid_score" };
  }
  if (h < policy.minHundredths || h > policy.maxHundredths) return { ok: false, code: "out_of_range" };
  return { ok: true, hundredths: h };
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
  return VOTE_LOOKUP.get(value.normalize("NFKC").trim().toLowerCase()) ?? -1;
}

export const voteGrade = (index: number): Grade | undefined => GRADES[index];

export const cellText = (v: unknown): string => (v === undefined || v === null ? "" : String(v).normalize("NFKC").trim());
