import type { Bilingual } from "../vocabulary.ts";
import type { SurveyIssueCode } from "../schemas/survey.ts";

/** Every sentence the survey engine says, zh-CN first; each says what happens and what to do. */

const FIELD_LABELS: Record<string, { zh: string; en: string }> = {
  itemId: { zh: "编号", en: "item id" },
  unit: { zh: "单位", en: "unit" },
  title: { zh: "评议项目", en: "item" },
  kind: { zh: "类别", en: "kind" },
  scale: { zh: "量表", en: "scale" },
  respondentId: { zh: "票号", en: "form number" },
  layer: { zh: "身份", en: "layer" },
  answer: { zh: "评价", en: "answer" },
};

export function surveyIssueMessage(
  code: SurveyIssueCode,
  ctx: { sheet: string; row: number; field: string; value?: string; other?: number; accepted?: string },
): Bilingual {
  const f = FIELD_LABELS[ctx.field] ?? { zh: ctx.field, en: ctx.field };
  const at = { zh: `${ctx.sheet} 第 ${ctx.row} 行「${f.zh}」`, en: `${ctx.sheet} row ${ctx.row}, ${f.en}` };
  const v = ctx.value ?? "";
  const accepted = ctx.accepted
    ? { zh: `（可填：${ctx.accepted}）`, en: ` (accepted: ${ctx.accepted})` }
    : { zh: "", en: "" };
  switch (code) {
    case "missing_field":
      return {
        "zh-CN": `${at.zh}：必填项为空，此行不计入；请补填后重新计算`,
        en: `${at.en}: required field is empty; the row is not counted; fill it in and score again`,
      };
    case "duplicate_item":
      return {
        "zh-CN": `${at.zh}：项目编号「${v}」重复（另见第 ${ctx.other} 行），仅第一行有效；请改用不同编号`,
        en: `${at.en}: item id "${v}" is listed twice (see also row ${ctx.other}); only the first row counts; give it its own id`,
      };
    case "unknown_kind":
      return {
        "zh-CN": `${at.zh}：「${v}」不是评议类别${accepted.zh}，此项目不计分`,
        en: `${at.en}: "${v}" is not an item kind${accepted.en}; the item is not scored`,
      };
    case "unknown_scale":
      return {
        "zh-CN": `${at.zh}：量表「${v}」不在本方案中${accepted.zh}，此项目不计分`,
        en: `${at.en}: scale "${v}" is not in the policy${accepted.en}; the item is not scored`,
      };
    case "unknown_item":
      return {
        "zh-CN": `${at.zh}：项目编号「${v}」不在评议项目表中或该项目行有误，此答案不计分；请核对编号或先更正评议项目表`,
        en: `${at.en}: item "${v}" is not on the items sheet or its row there is refused; the answer is not counted; check the id or fix the items sheet first`,
      };
    case "unknown_layer":
      return {
        "zh-CN": `${at.zh}：「${v}」不是本方案的评议人身份${accepted.zh}，此答案不计分`,
        en: `${at.en}: "${v}" is not a respondent layer of the policy${accepted.en}; the answer is not counted`,
      };
    case "invalid_answer":
      return {
        "zh-CN": `${at.zh}：「${v}」不是该项目量表的答案${accepted.zh}，此答案不计分`,
        en: `${at.en}: "${v}" is not an answer of the item's scale${accepted.en}; the answer is not counted`,
      };
    case "duplicate_answer":
      return {
        "zh-CN": `${at.zh}：票号「${v}」对同一项目重复作答（另见第 ${ctx.other} 行），重复各行均不计分，该项目结果为暂定；请核对原始评议票`,
        en: `${at.en}: form "${v}" answers the same item more than once (see also row ${ctx.other}); all copies excluded and the item is provisional; check the paper forms`,
      };
  }
}

export const surveyReasons = {
  withheld: (answers: number, min: number): Bilingual => ({
    "zh-CN": `有效答案 ${answers} 份，少于 ${min} 份：为保护评议人，不单独显示`,
    en: `${answers} answer(s), fewer than ${min}: withheld to protect the respondents`,
  }),
  negative: (fraction: string, percent: string, threshold: string, fired: boolean): Bilingual =>
    fired
      ? {
          "zh-CN": `不认同（负面）评价 ${fraction}（${percent}%）超过 ${threshold}：须核实，由组织部门研究处理`,
          en: `Negative answers ${fraction} (${percent}%) exceed ${threshold}: to be verified (核实); the organisation department decides`,
        }
      : {
          "zh-CN": `不认同（负面）评价 ${fraction}（${percent}%）未超过 ${threshold}`,
          en: `Negative answers ${fraction} (${percent}%) do not exceed ${threshold}`,
        },
  floor: (index: string, exact: string, floor: string, fired: boolean): Bilingual =>
    fired
      ? {
          "zh-CN": `满意度指数 ${index}（精确值 ${exact}）低于 ${floor}：列为重点督导单位`,
          en: `Satisfaction index ${index} (exact ${exact}) is below ${floor}: focused supervision (重点督导)`,
        }
      : {
          "zh-CN": `满意度指数 ${index}（精确值 ${exact}）不低于 ${floor}`,
          en: `Satisfaction index ${index} (exact ${exact}) is not below ${floor}`,
        },
  fall: (last: string, now: string, drop: string, step: string, fired: boolean): Bilingual =>
    fired
      ? {
          "zh-CN": `满意度指数由上年 ${last} 降至 ${now}，下降 ${drop}，超过 ${step}：列为重点督导单位`,
          en: `Index fell from ${last} last year to ${now}, by ${drop}, more than ${step}: focused supervision (重点督导)`,
        }
      : {
          "zh-CN": `满意度指数上年 ${last}，今年 ${now}，变化 ${drop.startsWith("-") ? `上升 ${drop.slice(1)}` : `下降 ${drop}`}，未超过 ${step}`,
          en: `Index ${last} last year, ${now} this year, ${drop.startsWith("-") ? `up ${drop.slice(1)}` : `down ${drop}`}, not more than ${step}`,
        },
  noBase: (): Bilingual => ({
    "zh-CN": "所有答案均为“不了解”：无法计算满意度",
    en: "Every answer is “don't know”: no satisfaction figure",
  }),
  multiYear: (label: Bilingual, years: string[], consequence: Bilingual): Bilingual => ({
    "zh-CN": `${years.join("、")} 年度${label["zh-CN"]}：${consequence["zh-CN"]}`,
    en: `${label.en} (${years.join(", ")}): ${consequence.en}`,
  }),
};
