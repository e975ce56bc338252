import { DIMENSIONS, DIMENSION_LABELS, type BallotAnswer, type Problem } from "../../shared/index.ts";
import { ProblemError } from "./problem.ts";
import { GRADE_VOTE_LABELS, type SessionDoc } from "../store/sessions.ts";

/**
 * A phone's answers checked against the session's form: every cadre once, every dimension a number
 * on the scale (at most two decimals) or one of the policy's levels, the grade vote one of the four
 * labels or blank (abstain) when the form has it. Anything missing or off is refused, never stored.
 */
export function checkAnswers(doc: SessionDoc, answers: BallotAnswer[]): Record<string, string | number>[] {
  const errors: NonNullable<Problem["errors"]> = [];
  const add = (path: (string | number)[], zh: string, en: string) =>
    errors.push({ path, pointer: "/" + path.join("/"), message: { "zh-CN": zh, en } });
  const byId = new Map<string, { a: BallotAnswer; i: number }>();
  answers.forEach((a, i) => {
    if (byId.has(a.cadreId)) add(["answers", i, "cadreId"], `「${a.cadreId}」重复`, `"${a.cadreId}" appears twice`);
    else if (!doc.cadres.some((c) => c.cadreId === a.cadreId))
      add(["answers", i, "cadreId"], `「${a.cadreId}」不在本次测评名单中`, `"${a.cadreId}" is not on this ballot`);
    byId.set(a.cadreId, { a, i });
  });
  const levels = new Set(doc.levels.map((l) => l.label));
  const out: Record<string, string | number>[] = [];
  for (const c of doc.cadres) {
    const found = byId.get(c.cadreId);
    if (!found) {
      add(["answers"], `未对「${c.name}」作出评价`, `no answer for ${c.name}`);
      continue;
    }
    const { a, i } = found;
    const row: Record<string, string | number> = { cadreId: c.cadreId };
    for (const d of DIMENSIONS) {
      const v = a[d];
      const label = DIMENSION_LABELS[d];
      if (v === undefined || v === "") {
        add(["answers", i, d], `「${c.name}」的「${label["zh-CN"]}」未评`, `${c.name}: ${label.en} is not answered`);
        continue;
      }
      if (doc.form.scores === "levels") {
        if (typeof v !== "string" || !levels.has(v))
          add(
            ["answers", i, d],
            `「${c.name}」的「${label["zh-CN"]}」须为以下之一：${[...levels].join("、")}`,
            `${c.name}: ${label.en} must be one of ${[...levels].join(", ")}`,
          );
        else row[d] = v;
        continue;
      }
      const n = typeof v === "number" ? v : /^\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : NaN;
      // Two decimals judged on the number's shortest text (0.29 * 100 is not 29 in binary).
      const twoDecimals = /^\d+(\.\d{1,2})?$/.test(String(n));
      if (!Number.isFinite(n) || n < doc.scale.min || n > doc.scale.max || !twoDecimals)
        add(
          ["answers", i, d],
          `「${c.name}」的「${label["zh-CN"]}」须为 ${doc.scale.min}–${doc.scale.max} 之间的分数（最多两位小数）`,
          `${c.name}: ${label.en} must be a score from ${doc.scale.min} to ${doc.scale.max} (at most 2 decimals)`,
        );
      else row[d] = n;
    }
    if (doc.form.gradeVote) {
      const g = a.gradeVote;
      if (g === undefined)
        add(
          ["answers", i, "gradeVote"],
          `「${c.name}」的等次未选（可选“弃权”）`,
          `${c.name}: no grade chosen (abstaining is a choice)`,
        );
      else if (g !== "" && !GRADE_VOTE_LABELS.some((l) => l.label === g))
        add(
          ["answers", i, "gradeVote"],
          `「${c.name}」的等次须为优秀、称职、基本称职、不称职或弃权`,
          `${c.name}: the grade must be excellent, competent, basically competent, incompetent or abstain`,
        );
      else row.gradeVote = g;
    } else if (a.gradeVote !== undefined && a.gradeVote !== "")
      add(["answers", i, "gradeVote"], "本次测评不含等次票", "this ballot has no grade vote");
    out.push(row);
  }
  if (errors.length > 0) {
    const first = errors[0]!.message;
    throw new ProblemError(
      422,
      "ballot-incomplete",
      {
        "zh-CN": `测评票未填完整或有误（${errors.length} 处），未提交；首处：${first["zh-CN"]}。请补全后再提交`,
        en: `the ballot is incomplete or wrong (${errors.length} problem(s)) and was not submitted; first: ${first.en}. Complete it and submit again`,
      },
      { errors: errors.slice(0, 100) },
    );
  }
  return out;
}
