/** What the input template holds: headers, validation rules and instructions. Pure. */
import { GRADES, GRADE_LABELS, type Policy } from "../../shared/index.ts";
import { BALLOT_HEADERS, CADRE_HEADERS, bilingualHeader } from "./headers.ts";
import type { Lang } from "./labels.ts";

export const CADRE_KEYS = ["cadreId", "name", "unit", "post"] as const;
export const BALLOT_KEYS = [
  "ballotId",
  "raterGroup",
  "cadreId",
  "morality",
  "ability",
  "diligence",
  "achievement",
  "integrity",
  "gradeVote",
] as const;
export const cadreHeaders = () => CADRE_KEYS.map((k) => bilingualHeader(k, CADRE_HEADERS));
export const ballotHeaders = () => BALLOT_KEYS.map((k) => bilingualHeader(k, BALLOT_HEADERS));

/** Validation covers this many data rows below the header (Excel's last row). */
export const LAST_ROW = 1_048_576;
/** Excel rejects a list source or validation formula longer than 255 characters. */
export const FORMULA_LIMIT = 255;

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

export interface ValidationSpec {
  rule: Record<string, unknown>;
  prompt: { showPrompt: boolean; title: string; message: string };
  errorAlert: { showAlert: boolean; style: "Stop" | "Warning" | "Information"; title: string; message: string };
}

/** A drop-down list; a list that would not fit Excel's limit becomes a prompt only, never a truncated list. */
export function listValidation(values: string[], title: string): ValidationSpec {
  const source = values.join(",");
  const fits = source.length <= FORMULA_LIMIT && values.every((v) => !v.includes(","));
  return {
    rule: fits ? { list: { inCellDropDown: true, source } } : {},
    // Excel caps an input message at 255 characters and an error message at 225.
    prompt: { showPrompt: true, title, message: `可选 choices: ${values.join("、")}`.slice(0, 255) },
    errorAlert: {
      showAlert: true,
      style: fits ? "Stop" : "Warning",
      title,
      message: `请从下拉列表中选择 Choose from the list: ${values.join("、")}`.slice(0, 225),
    },
  };
}

/**
 * A score: a number between the scale's min and max, or one of its level labels. List validation cannot do both,
 * so a custom formula checks either; if the levels make it too long, decimal validation plus a prompt naming them.
 * `cell` is the range's top-left cell, relative (e.g. "D2").
 */
export function scoreValidation(policy: Policy, cell: string): ValidationSpec {
  const { min, max, levels } = policy.scale;
  const names = Object.keys(levels);
  const levelText = names.map((n) => `${n}=${levels[n]}`).join("、");
  const numeric = `AND(ISNUMBER(${cell}),${cell}>=${min},${cell}<=${max})`;
  const formula = names.length ? `=OR(${numeric},${names.map((n) => `${cell}=${quote(n)}`).join(",")})` : `=${numeric}`;
  const message = `${min}–${max} 分（最多两位小数）或等级 ${levelText} | ${min}–${max} points (2 decimals at most) or a level: ${levelText}`;
  const rule =
    formula.length <= FORMULA_LIMIT
      ? { custom: { formula } }
      : { decimal: { formula1: min, formula2: max, operator: "Between" } };
  return {
    rule,
    prompt: { showPrompt: true, title: "评分 score", message: message.slice(0, 255) },
    errorAlert: { showAlert: true, style: "Stop", title: "评分 score", message: message.slice(0, 225) },
  };
}

export const postLabels = (p: Policy) => Object.values(p.posts).map((x) => x.label);
export const groupLabels = (p: Policy) => Object.values(p.raterGroups).map((x) => x.label);
export const gradeVoteLabels = () => GRADES.map((g) => GRADE_LABELS[g]["zh-CN"]);

/** The 说明 Instructions sheet: two columns, zh-CN and English, the UI language's column first. */
export function instructionRows(policy: Policy, lang: Lang): string[][] {
  const levels = Object.entries(policy.scale.levels)
    .map(([k, v]) => `${k}=${v}`)
    .join("、");
  const rows: [string, string][] = [
    ["考评 kaoping：年度考核测评表", "kaoping: annual assessment workbook"],
    [
      `方案：${policy.title}（${policy.id} 第 ${policy.version} 版）`,
      `Policy: ${policy.title} (${policy.id} version ${policy.version})`,
    ],
    [
      "「干部名单」每行一名被考核干部：编号、姓名、单位、岗位类别（下拉选择）",
      "Sheet 干部名单 (cadres): one cadre per row: id, name, unit, post category (drop-down)",
    ],
    [
      "「测评票」每行一张票对一名干部的评价：票号、测评主体、编号、德能勤绩廉五项评分、等次票",
      "Sheet 测评票 (ballots): one row per ballot per cadre: ballot id, rater group, cadre id, five scores, grade vote",
    ],
    [
      `评分：${policy.scale.min}–${policy.scale.max} 分（最多两位小数），或等级 ${levels}`,
      `Scores: ${policy.scale.min} to ${policy.scale.max} points (at most 2 decimals), or a level ${levels}`,
    ],
    [
      "等次票：优秀、称职、基本称职、不称职，或留空（弃权）",
      "Grade vote: 优秀 excellent, 称职 competent, 基本称职 basic, 不称职 incompetent, or blank (abstain)",
    ],
    [
      "有问题的单元格会标为浅红色；结果中的等次为建议等次，须经组织认定",
      "Cells with problems are shaded light red; grades in the results are proposals for the organisation to confirm",
    ],
  ];
  return [
    lang === "zh-CN" ? ["说明", "Instructions"] : ["Instructions", "说明"],
    ...rows.map(([zh, en]) => (lang === "zh-CN" ? [zh, en] : [en, zh])),
  ];
}
