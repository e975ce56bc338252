import { DIMENSIONS, GRADE_LABELS, VERDICT_LABELS, type Bilingual, type Dimension } from "../vocabulary.ts";
import type { Policy } from "../schemas/policy.ts";
import type { AssessmentResult, CadreResult } from "../schemas/result.ts";
import { fieldProblem, type FieldProblem } from "../schemas/pointer.ts";
import {
  cmp,
  rat,
  reduce,
  roundedNumber,
  roundedRational,
  toFractionString,
  ZERO,
  type Rational,
} from "../rational.ts";
import { compilePolicy, type CompiledPolicy } from "./compile.ts";
import { decideVerdict } from "./rules.ts";
import { applyPolicyQuota, quotaScope, type QuotaEntry } from "./quota.ts";
import { compositeOf, dimensionWeights } from "../policy/weights.ts";
import { competitionRanksWithin } from "./rank.ts";

/**
 * Everything in a submitted result that follows from its own numbers and the policy, re-derived
 * (spec sections 4.5, 4.6 and 5): rounding, the composite from the dimensions, vote totals,
 * verdict and grade, the quota and the ranks. What needs the ballots (the means themselves)
 * cannot be checked here. Returns one problem per mismatch, with its JSON path; empty when clean.
 */
export function verifyResult(
  policy: Policy,
  result: AssessmentResult,
  prefix: (string | number)[] = ["result"],
): FieldProblem[] {
  const compiled = compilePolicy(policy);
  const problems: FieldProblem[] = [];
  const report = (i: number, field: (string | number)[], message: Bilingual) => {
    problems.push(fieldProblem([...prefix, "cadres", i, ...field], message));
  };
  const composites: (Rational | null)[] = [];
  const entries: QuotaEntry[] = [];
  result.cadres.forEach((c, i) => {
    const exact = checkCadre(compiled, c, (field, message) => report(i, field, message));
    composites.push(exact?.composite ?? null);
    entries.push({ scope: quotaScope(policy, c), composite: exact?.composite ?? null, grade: exact?.grade ?? null });
  });

  // The quota over the same scopes, from the re-derived grades: a forged "excellent" cannot take a place.
  const quotaReasons = applyPolicyQuota(entries, policy, compiled.thresholds.quota);
  const ranks = competitionRanksWithin(composites, (i) => result.cadres[i]!.post);
  result.cadres.forEach((c, i) => {
    const who = cadreName(c);
    const grade = entries[i]!.grade;
    if (c.grade !== grade && c.composite === null)
      report(i, ["grade"], {
        "zh-CN": `${who.zh}未计分（综合得分为空），建议等次须为空`,
        en: `${who.en} is not scored (composite is null), so grade must be null`,
      });
    else if (c.grade !== grade)
      report(i, ["grade"], {
        "zh-CN": `${who.zh}的建议等次为「${gradeText(c.grade, "zh-CN")}」，但按其票数、得分与方案（含优秀名额）应为「${gradeText(grade, "zh-CN")}」`,
        en: `${who.en}: grade is "${gradeText(c.grade, "en")}" but its votes, scores and the policy (with the excellent quota) give "${gradeText(grade, "en")}"`,
      });
    const tie = quotaReasons.get(entries[i]!)?.fired === true && grade === "quota_tie";
    if (tie && !c.reviewRequired)
      report(i, ["reviewRequired"], {
        "zh-CN": `${who.zh}与优秀名额边界并列，须标记为需组织复核`,
        en: `${who.en} is tied at the quota cut and must be marked for review`,
      });
    if (entries[i]!.unsettled && !c.provisional)
      report(i, ["provisional"], {
        "zh-CN": `${who.zh}所在范围内有未计分的干部，其优秀名额结果须标记为暂定`,
        en: `${who.en}: its quota scope has unscored cadres, so its quota outcome must be marked provisional`,
      });
    if (c.rank !== ranks.overall[i])
      report(i, ["rank"], {
        "zh-CN": `${who.zh}的排名为 ${String(c.rank)}，按精确综合得分应为 ${String(ranks.overall[i])}`,
        en: `${who.en}: rank is ${String(c.rank)} but the exact composites give ${String(ranks.overall[i])}`,
      });
    if (c.rankInPost !== ranks.within[i])
      report(i, ["rankInPost"], {
        "zh-CN": `${who.zh}的岗位内排名为 ${String(c.rankInPost)}，按精确综合得分应为 ${String(ranks.within[i])}`,
        en: `${who.en}: rank in post is ${String(c.rankInPost)} but the exact composites give ${String(ranks.within[i])}`,
      });
  });
  return problems;
}

type Report = (field: (string | number)[], message: Bilingual) => void;

/** One cadre's own consistency; returns its exact composite and pre-quota grade (null when unscored or unusable). */
function checkCadre(
  compiled: CompiledPolicy,
  c: CadreResult,
  report: Report,
): { composite: Rational | null; grade: QuotaEntry["grade"] } | null {
  const who = cadreName(c);
  const { excellent, competent, basic, incompetent, blank, n } = c.votes;
  const total = excellent + competent + basic + incompetent + blank;
  if (n !== total)
    report(["votes", "n"], {
      "zh-CN": `${who.zh}的有效票数 n 为 ${n}，但五项票数之和为 ${total}`,
      en: `${who.en}: votes.n is ${n} but the five counts add up to ${total}`,
    });

  if (c.composite === null) {
    // Unscored: nothing may claim a score or a verdict (the grade is checked with the quota below).
    const claimed = (["compositeExact", "verdict"] as const).filter((k) => c[k] !== null);
    for (const k of claimed)
      report([k], {
        "zh-CN": `${who.zh}未计分（综合得分为空），${k} 须为空`,
        en: `${who.en} is not scored (composite is null), so ${k} must be null`,
      });
    return null;
  }
  const exact = c.compositeExact === null ? undefined : parseExact(c.compositeExact);
  if (!exact) {
    report(["compositeExact"], {
      "zh-CN": `${who.zh}的精确综合得分须为最简分数（如 "1747/20"）`,
      en: `${who.en}: compositeExact must be a fraction in lowest terms (e.g. "1747/20")`,
    });
    return null;
  }
  const shown = roundedNumber(exact);
  if (c.composite !== shown)
    report(["composite"], {
      "zh-CN": `${who.zh}的综合得分为 ${c.composite}，但精确值 ${c.compositeExact} 四舍五入到两位小数为 ${shown}`,
      en: `${who.en}: composite is ${c.composite} but compositeExact ${c.compositeExact} rounds half up to ${shown}`,
    });

  const post = compiled.postKey.get(c.post);
  if (post === undefined) {
    report(["post"], {
      "zh-CN": `${who.zh}的岗位类别「${c.post}」不在方案中，无法核对`,
      en: `${who.en}: post "${c.post}" is not in the policy, so the result cannot be checked`,
    });
    // Still ranked by its exact composite, so the others' ranks are not reported as well.
    return { composite: exact, grade: null };
  }
  const dims = checkDimensions(compiled, post, c, exact, report);

  // The vote base the cadre was judged on: the n its competency reason names (attendees / expected).
  const base = compiled.policy.voteRules.base;
  // Without vote reasons (no grade votes) n changes nothing; only a recorded missing base must stay missing.
  const baseMissing = c.reasons.some((r) => r.rule === "vote_base" && r.fired);
  const n0 = base === "ballots" ? undefined : (reasonDenominator(c) ?? (baseMissing ? undefined : c.votes.n));
  const decision = decideVerdict(compiled, {
    votes: c.votes,
    composite: roundedRational(exact),
    dimensions: dims,
    disciplinary: c.reasons.some((r) => r.rule === "disciplinary" && r.fired),
    attendees: base === "attendees" ? n0 : undefined,
    expected: base === "expected" ? n0 : undefined,
    gradeVotes: !c.reasons.some((r) => r.rule === "votes_not_asked"),
  });
  if (c.verdict !== decision.verdict)
    report(["verdict"], {
      "zh-CN": `${who.zh}的结论为「${verdictText(c.verdict, "zh-CN")}」，但按其等次票应为「${verdictText(decision.verdict, "zh-CN")}」`,
      en: `${who.en}: verdict is "${verdictText(c.verdict, "en")}" but its grade votes give "${verdictText(decision.verdict, "en")}"`,
    });
  if (decision.provisional && !c.provisional)
    report(["provisional"], {
      "zh-CN": `${who.zh}缺少计票基数（${base}），结果须标记为暂定`,
      en: `${who.en}: the vote base (${base}) is missing, so the result must be marked provisional`,
    });
  if (decision.reviewRequired && !c.reviewRequired)
    report(["reviewRequired"], {
      "zh-CN": `${who.zh}有票决规则或一票否决触发，须标记为需组织复核`,
      en: `${who.en}: a vote rule or veto fired, so it must be marked for review`,
    });
  return { composite: exact, grade: decision.grade };
}

/** D(d) rounds to the shown dimension, and S is exactly the post's weights times D; returns the rounded D for the vetoes. */
function checkDimensions(
  compiled: CompiledPolicy,
  post: string,
  c: CadreResult,
  composite: Rational,
  report: Report,
): Partial<Record<Dimension, Rational>> | null {
  const who = cadreName(c);
  if (!c.dimensions || !c.dimensionsExact) {
    report([c.dimensions ? "dimensionsExact" : "dimensions"], {
      "zh-CN": `${who.zh}已计分，须给出各要素得分及其精确值`,
      en: `${who.en} is scored, so dimensions and dimensionsExact must be given`,
    });
    return null;
  }
  const rounded: Partial<Record<Dimension, Rational>> = {};
  const exacts: Rational[] = [];
  let complete = true;
  for (const d of DIMENSIONS) {
    const text = c.dimensionsExact[d];
    const exact = parseExact(text);
    if (!exact) {
      report(["dimensionsExact", d], {
        "zh-CN": `${who.zh}的要素精确值 ${d} 须为最简分数`,
        en: `${who.en}: dimensionsExact.${d} must be a fraction in lowest terms`,
      });
      complete = false;
      continue;
    }
    const shown = roundedNumber(exact);
    if (c.dimensions[d] !== shown)
      report(["dimensions", d], {
        "zh-CN": `${who.zh}的要素得分 ${d} 为 ${c.dimensions[d]}，但精确值 ${text} 四舍五入为 ${shown}`,
        en: `${who.en}: dimensions.${d} is ${c.dimensions[d]} but dimensionsExact ${text} rounds half up to ${shown}`,
      });
    rounded[d] = roundedRational(exact);
    exacts.push(exact);
  }
  const sum = complete ? compositeOf(dimensionWeights(compiled.policy.posts[post]!.weights), exacts) : ZERO;
  if (complete && cmp(sum, composite) !== 0)
    report(["compositeExact"], {
      "zh-CN": `${who.zh}的精确综合得分 ${c.compositeExact} 不等于岗位权重乘各要素精确值之和 ${toFractionString(sum)}`,
      en: `${who.en}: compositeExact ${c.compositeExact} is not the post's weights times dimensionsExact, ${toFractionString(sum)}`,
    });
  return complete ? rounded : null;
}

/** "a/b" or "a" in lowest terms, as the engine writes it; bounded so a giant string costs nothing. */
function parseExact(text: string): Rational | undefined {
  const m = /^(-?\d{1,4000})(?:\/(\d{1,4000}))?$/.exec(text);
  if (!m || (m[2] !== undefined && /^0+$/.test(m[2]))) return undefined;
  const x = rat(BigInt(m[1]!), BigInt(m[2] ?? "1"));
  return toFractionString(reduce(x)) === text ? x : undefined;
}

/** n from a vote reason's fraction ("20/30" -> 30): the attendees or expected count the cadre was judged on. */
function reasonDenominator(c: CadreResult): number | undefined {
  for (const rule of ["competency", "incompetent_share", "excellent_eligibility"]) {
    const fraction = c.reasons.find((r) => r.rule === rule)?.fraction;
    const m = fraction ? /^\d+\/(\d{1,15})$/.exec(fraction) : null;
    if (m) return Number(m[1]);
  }
  return undefined;
}

const cadreName = (c: CadreResult) => ({ zh: `干部 ${c.cadreId}（${c.name}）`, en: `cadre ${c.cadreId} (${c.name})` });
const gradeText = (g: CadreResult["grade"], lang: "zh-CN" | "en") =>
  g === null ? (lang === "zh-CN" ? "空" : "none") : (GRADE_LABELS[g]?.[lang] ?? String(g));
const verdictText = (v: CadreResult["verdict"], lang: "zh-CN" | "en") =>
  v === null ? (lang === "zh-CN" ? "空" : "none") : (VERDICT_LABELS[v]?.[lang] ?? String(v));
