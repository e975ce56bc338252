import {
  compilePolicy,
  compositeOf,
  dimensionWeights,
  DIMENSION_LABELS,
  DIMENSIONS,
  parseScoreCell,
  rat,
  roundedNumber,
  toNumber,
  VERDICT_LABELS,
  type Bilingual,
  type Policy,
  type Rational,
  type VerdictItem,
  type VerdictResultItem,
} from "../../shared/index.ts";
import { t, type Lang } from "../i18n/index.ts";
import type { QuorumAnswer, QuorumQuestion } from "../api/rules.ts";

/** A bad argument: shown in the cell as #VALUE! with this message (both languages, zh-CN first). */
export class ArgumentProblem {
  readonly message: Bilingual;
  constructor(message: Bilingual) {
    this.message = message;
  }
  get text(): string {
    return `${this.message["zh-CN"]} | ${this.message.en}`;
  }
}

const problem = (zh: string, en: string) => new ArgumentProblem({ "zh-CN": zh, en });

/** The post's key from a key or a label (NFKC, trimmed), or a problem naming the choices. */
export function resolvePost(policy: Policy, post: unknown): string | ArgumentProblem {
  const text = typeof post === "string" ? post.normalize("NFKC").trim() : "";
  const key = compilePolicy(policy).postKey.get(text);
  if (key) return key;
  const choices = Object.entries(policy.posts).map(([k, p]) => `${p.label}(${k})`);
  return problem(
    `岗位类别「${String(post ?? "")}」不在方案「${policy.title}」中，可选：${choices.join("、")}`,
    `post "${String(post ?? "")}" is not in policy "${policy.id}"; choose one of: ${choices.join(", ")}`,
  );
}

/** The post's weights as exact fractions summing to 1 (a policy may state them in percent). */
export const postWeights = (policy: Policy, key: string): Rational[] => dimensionWeights(policy.posts[key]!.weights);

/** A row (or column) of exactly five cells, in 德能勤绩廉 order. */
function fiveCells(scores: unknown): unknown[] | ArgumentProblem {
  const bad = problem(
    "分数须为一行（或一列）五个单元格：德、能、勤、绩、廉",
    "scores must be one row (or column) of five cells: morality, ability, diligence, achievement, integrity",
  );
  if (!Array.isArray(scores)) return bad;
  const rows = scores as unknown[];
  const flat = rows.every((r) => Array.isArray(r)) ? (rows as unknown[][]) : [rows];
  const cells = flat.length === 1 ? flat[0]! : flat.every((r) => r.length === 1) ? flat.map((r) => r[0]) : null;
  return cells && cells.length === 5 ? cells : bad;
}

/** KAOPING.SCORE: sum of weight x score, exact, rounded half up to 2 decimals (spec 4.1 and 4.5). */
export function weightedScore(policy: Policy, scores: unknown, post: unknown): number | ArgumentProblem {
  const cells = fiveCells(scores);
  if (cells instanceof ArgumentProblem) return cells;
  const key = resolvePost(policy, post);
  if (key instanceof ArgumentProblem) return key;
  const compiled = compilePolicy(policy);
  const points: Rational[] = [];
  for (let k = 0; k < 5; k++) {
    const cell = parseScoreCell(cells[k], compiled);
    const label = DIMENSION_LABELS[DIMENSIONS[k]!];
    if (!cell.ok) {
      const shown = String(cells[k] ?? "");
      const why: Record<typeof cell.code, [string, string]> = {
        missing_score: ["缺少分数", "score is missing"],
        invalid_score: [
          `「${shown}」不是有效分值（最多两位小数的数字或量表等级）`,
          `"${shown}" is not a score (at most 2 decimals, or a level of the scale)`,
        ],
        out_of_range: [
          `${shown} 超出分值范围 ${policy.scale.min}–${policy.scale.max}`,
          `${shown} is outside the scale ${policy.scale.min}–${policy.scale.max}`,
        ],
      };
      const [zh, en] = why[cell.code];
      return problem(`第 ${k + 1} 个分数（${label["zh-CN"]}）：${zh}`, `score ${k + 1} (${label.en}): ${en}`);
    }
    points.push(rat(cell.hundredths, 100));
  }
  return roundedNumber(compositeOf(postWeights(policy, key), points));
}

/** KAOPING.WEIGHTS: the post's five weights as one row, as fractions of 1. */
export function weightsRow(policy: Policy, post: unknown): number[][] | ArgumentProblem {
  const key = resolvePost(policy, post);
  if (key instanceof ArgumentProblem) return key;
  return [postWeights(policy, key).map((w) => toNumber(w))];
}

const COUNT_NAMES: Record<string, [string, string]> = {
  excellent: ["优秀票数", "excellent votes"],
  competent: ["称职票数", "competent votes"],
  basic: ["基本称职票数", "basic votes"],
  incompetent: ["不称职票数", "incompetent votes"],
  blank: ["弃权票数", "blank (abstention) votes"],
  attendees: ["实到人数", "attendees"],
  expected: ["应到人数", "expected"],
};

function count(name: keyof typeof COUNT_NAMES, value: unknown): number | ArgumentProblem {
  const [zh, en] = COUNT_NAMES[name]!;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 1_000_000_000)
    return problem(
      `${zh}须为不小于 0 的整数，现为「${String(value ?? "")}」`,
      `${en} must be a whole number of at least 0, got "${String(value ?? "")}"`,
    );
  return value;
}

/**
 * KAOPING.VERDICT's arguments as a verdict item. Abstentions count in n (spec section 5), so a blank vote
 * never helps a cadre reach a threshold; an empty 5th argument means none.
 */
export function verdictItem(
  excellent: unknown,
  competent: unknown,
  basic: unknown,
  incompetent: unknown,
  blank: unknown = 0,
): VerdictItem | ArgumentProblem {
  const e = count("excellent", excellent);
  if (e instanceof ArgumentProblem) return e;
  const c = count("competent", competent);
  if (c instanceof ArgumentProblem) return c;
  const b = count("basic", basic);
  if (b instanceof ArgumentProblem) return b;
  const i = count("incompetent", incompetent);
  if (i instanceof ArgumentProblem) return i;
  const a = count("blank", blank === null || blank === undefined || blank === "" ? 0 : blank);
  if (a instanceof ArgumentProblem) return a;
  return { excellent: e, competent: c, basic: b, incompetent: i, blank: a };
}

export function quorumQuestion(attendees: unknown, expected: unknown): QuorumQuestion | ArgumentProblem {
  const a = count("attendees", attendees);
  if (a instanceof ArgumentProblem) return a;
  const x = count("expected", expected);
  if (x instanceof ArgumentProblem) return x;
  if (x === 0) return problem("应到人数须大于 0", "expected must be greater than 0");
  if (a > x) return problem(`实到人数 ${a} 多于应到人数 ${x}`, `attendees ${a} exceed expected ${x}`);
  return { attendees: a, expected: x };
}

/**
 * No ballot at all: the vote rules have nothing to decide (the engine's no_grade_votes). Abstentions alone are
 * ballots: (E + C)/n = 0 and the competency rule fires (spec section 5).
 */
export const noGradeVotes = (item: VerdictItem): boolean =>
  item.excellent + item.competent + item.basic + item.incompetent + (item.blank ?? 0) === 0;

export const noGradeVotesLabel = (lang: Lang): string => t(lang, "verdict.noGradeVotes");

export function verdictLabel(result: VerdictResultItem, lang: Lang): string {
  return VERDICT_LABELS[result.verdict][lang] + (result.provisional ? t(lang, "verdict.provisional") : "");
}

export function quorumLabel(answer: QuorumAnswer, lang: Lang): string {
  return (
    t(lang, answer.valid ? "quorum.valid" : "quorum.invalid") +
    (answer.provisional ? t(lang, "verdict.provisional") : "")
  );
}
