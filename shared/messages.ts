import type { Bilingual } from "./vocabulary.ts";
import { DIMENSION_LABELS, GRADE_LABELS, type Dimension, type Grade } from "./vocabulary.ts";
import type { IssueCode } from "./schemas/result.ts";

/** Every user-facing sentence of the core, zh-CN first. Callers pick the language; nothing else formats text. */

/** A field in the user's words (the sheet's header), never its key: messages are shown and printed as they are. */
const FIELD_LABELS: Record<string, Bilingual> = {
  cadreId: { "zh-CN": "编号", en: "Cadre ID" },
  ballotId: { "zh-CN": "票号", en: "Ballot no." },
  raterGroup: { "zh-CN": "测评主体", en: "Rater group" },
  gradeVote: { "zh-CN": "等次", en: "Grade vote" },
  name: { "zh-CN": "姓名", en: "Name" },
  unit: { "zh-CN": "单位", en: "Unit" },
  post: { "zh-CN": "岗位类别", en: "Post" },
};
const fieldLabel = (field: string): Bilingual =>
  DIMENSION_LABELS[field as Dimension] ?? FIELD_LABELS[field] ?? { "zh-CN": field, en: field };

export function issueMessage(
  code: IssueCode,
  ctx: { sheet: string; row: number; field: string; value?: unknown; min?: number; max?: number; other?: string },
): Bilingual {
  const label = fieldLabel(ctx.field);
  const at = {
    zh: `${ctx.sheet} 第 ${ctx.row} 行「${label["zh-CN"]}」`,
    en: `${ctx.sheet} row ${ctx.row}, ${label.en}`,
  };
  const v = ctx.value === undefined || ctx.value === null ? "" : String(ctx.value);
  // An empty id or group is often the lower part of a merged cell: Excel keeps the value in the first cell only.
  const blank = {
    "zh-CN": `${at.zh}：为空（若是合并单元格，请取消合并并在每一行填写），此票不计分`,
    en: `${at.en}: is empty (if it is part of merged cells, unmerge them and fill in every row); ballot not scored`,
  };
  switch (code) {
    case "unknown_cadre":
      if (v.trim() === "") return blank;
      return ctx.other
        ? {
            "zh-CN": `${at.zh}：编号「${v}」不在干部名单中，是否应为「${ctx.other}」？请改正编号，此票暂不计分`,
            en: `${at.en}: cadre "${v}" is not in the cadre list; did you mean "${ctx.other}"? Correct the id; ballot not scored`,
          }
        : {
            "zh-CN": `${at.zh}：编号「${v}」不在干部名单中，此票不计分`,
            en: `${at.en}: cadre "${v}" is not in the cadre list; ballot not scored`,
          };
    case "unknown_group":
      if (v.trim() === "") return blank;
      return {
        "zh-CN": `${at.zh}：测评主体「${v}」不是本方案的测评主体，此票不计分`,
        en: `${at.en}: rater group "${v}" is not in the policy; ballot not scored`,
      };
    case "missing_score":
      return { "zh-CN": `${at.zh}：缺少评分，此票不计分`, en: `${at.en}: score is missing; ballot not scored` };
    case "invalid_score":
      return {
        "zh-CN": `${at.zh}：「${v}」不是有效分值（须为最多两位小数的数字或量表等级），此票不计分`,
        en: `${at.en}: "${v}" is not a score (a number with at most 2 decimals, or a level of the scale); ballot not scored`,
      };
    case "out_of_range":
      return {
        "zh-CN": `${at.zh}：${v} 超出分值范围 ${ctx.min}–${ctx.max}，此票不计分`,
        en: `${at.en}: ${v} is outside the scale ${ctx.min}–${ctx.max}; ballot not scored`,
      };
    case "invalid_vote":
      return {
        "zh-CN": `${at.zh}：「${v}」不是有效等次（优秀、称职、基本称职、不称职或留空），此票不计分`,
        en: `${at.en}: "${v}" is not a grade vote (excellent, competent, basic, incompetent or blank); ballot not scored`,
      };
    case "duplicate":
      return {
        "zh-CN": `${at.zh}：票号「${v}」对同一干部重复出现（另见第 ${ctx.other} 行），重复各行均不计分，该干部结果为暂定`,
        en: `${at.en}: ballot "${v}" appears more than once for the same cadre (see also row ${ctx.other}); all copies excluded and the cadre's result is provisional`,
      };
    case "unknown_post":
      return {
        "zh-CN": `${at.zh}：岗位类别「${v}」不在本方案中，该干部未计分`,
        en: `${at.en}: post category "${v}" is not in the policy; cadre not scored`,
      };
    case "duplicate_cadre":
      return {
        "zh-CN": `${at.zh}：编号「${v}」在干部名单中重复（另见第 ${ctx.other} 行），仅第一行有效`,
        en: `${at.en}: cadre id "${v}" is listed twice (see also row ${ctx.other}); only the first row counts`,
      };
    case "missing_field":
      return { "zh-CN": `${at.zh}：必填项为空`, en: `${at.en}: required field is empty` };
  }
}

const gradeText = (g: Grade) => GRADE_LABELS[g];
/** A share is shown only when the count is within its base; "8/5" stays a fraction (spec section 3). */
const pctZh = (percent: string | undefined) => (percent === undefined ? "（多于基数，不是比例）" : `（${percent}%）`);
const pctEn = (percent: string | undefined) =>
  percent === undefined ? " (more than the base: not a share)" : ` (${percent}%)`;

export const reasonMessages = {
  competency: (fraction: string, percent: string | undefined, threshold: string, fired: boolean): Bilingual =>
    fired
      ? {
          "zh-CN": `优秀和称职票 ${fraction}${pctZh(percent)}低于 ${threshold}：建议认定为不胜任现职，等次至多基本称职，须经组织考核认定`,
          en: `Excellent + competent votes ${fraction}${pctEn(percent)} are below ${threshold}: proposed unfit for post, grade at most basic; needs organisational confirmation`,
        }
      : {
          "zh-CN": `优秀和称职票 ${fraction}${pctZh(percent)}达到 ${threshold}`,
          en: `Excellent + competent votes ${fraction}${pctEn(percent)} reach ${threshold}`,
        },
  incompetentShare: (fraction: string, percent: string | undefined, threshold: string, fired: boolean): Bilingual =>
    fired
      ? {
          "zh-CN": `不称职票 ${fraction}${pctZh(percent)}超过 ${threshold}：建议等次为不称职，须经组织考核认定`,
          en: `Incompetent votes ${fraction}${pctEn(percent)} exceed ${threshold}: proposed grade incompetent; needs organisational confirmation`,
        }
      : {
          "zh-CN": `不称职票 ${fraction}${pctZh(percent)}未超过 ${threshold}`,
          en: `Incompetent votes ${fraction}${pctEn(percent)} do not exceed ${threshold}`,
        },
  excellentEligibility: (
    fraction: string,
    percent: string | undefined,
    threshold: string,
    eligible: boolean,
  ): Bilingual =>
    eligible
      ? {
          "zh-CN": `优秀票 ${fraction}${pctZh(percent)}达到 ${threshold}，可评优秀`,
          en: `Excellent votes ${fraction}${pctEn(percent)} reach ${threshold}: eligible for excellent`,
        }
      : {
          "zh-CN": `优秀票 ${fraction}${pctZh(percent)}未达到 ${threshold}，不能评为优秀`,
          en: `Excellent votes ${fraction}${pctEn(percent)} are below ${threshold}: cannot be excellent`,
        },
  band: (composite: string, grade: Grade, threshold: string | undefined): Bilingual => ({
    "zh-CN": threshold
      ? `综合得分 ${composite} ≥ ${threshold}：分档为${gradeText(grade)["zh-CN"]}`
      : `综合得分 ${composite} 低于基本称职线：分档为${gradeText(grade)["zh-CN"]}`,
    en: threshold
      ? `Composite ${composite} ≥ ${threshold}: band ${gradeText(grade).en}`
      : `Composite ${composite} is below the basic band: band ${gradeText(grade).en}`,
  }),
  veto: (dimension: Dimension, value: string, below: string, fired: boolean): Bilingual => {
    const l = DIMENSION_LABELS[dimension];
    return fired
      ? {
          "zh-CN": `${l["zh-CN"]}得分 ${value} 低于 ${below}：一票否决，建议等次为不称职，须经组织考核认定`,
          en: `${l.en} ${value} is below ${below}: veto, proposed grade incompetent; needs organisational confirmation`,
        }
      : { "zh-CN": `${l["zh-CN"]}得分 ${value} 不低于 ${below}`, en: `${l.en} ${value} is not below ${below}` };
  },
  disciplinary: (): Bilingual => ({
    "zh-CN": "有违纪违法处理记录：一票否决，建议等次为不称职",
    en: "A disciplinary finding is recorded: veto, proposed grade incompetent",
  }),
  quota: (places: number, inScope: number, share: string, outcome: "kept" | "demoted" | "tie"): Bilingual => {
    const head = {
      zh: `优秀名额 ${places} 个（${inScope} 人 × ${share}）`,
      en: `${places} excellent place(s) (${inScope} cadres × ${share})`,
    };
    if (outcome === "kept") return { "zh-CN": `${head.zh}：在名额内`, en: `${head.en}: within the quota` };
    if (outcome === "demoted")
      return {
        "zh-CN": `${head.zh}：超出名额，建议等次为称职`,
        en: `${head.en}: beyond the quota, proposed grade competent`,
      };
    return {
      "zh-CN": `${head.zh}：得分与名额边界并列，须由考核委员会决定`,
      en: `${head.en}: tied with the quota cut; the committee decides`,
    };
  },
  quotaUnsettled: (): Bilingual => ({
    "zh-CN": "同一名额范围内有干部尚未计分（数据有误）：优秀名额的结果为暂定，数据更正后须重新计分",
    en: "A cadre in the same quota scope is not scored yet (bad data): the excellent-quota outcome is provisional until the data is fixed and rescored",
  }),
  renormalised: (missing: string[]): Bilingual => ({
    "zh-CN": `测评主体 ${missing.join("、")} 无有效票：其余主体权重按比例折算`,
    en: `No valid ballots from ${missing.join(", ")}: the present groups' weights are renormalised`,
  }),
  noGradeVotes: (): Bilingual => ({
    "zh-CN": "无有效测评票：未执行得票规则",
    en: "No valid ballots: vote rules not evaluated",
  }),
  votesNotAsked: (): Bilingual => ({
    "zh-CN": "已说明测评票不设等次栏（--no-votes）：未执行得票规则（两个三分之二、三分之一不称职、优秀票过半）",
    en: "The ballot form carries no grade votes (--no-votes): vote rules (two thirds, one third incompetent, excellent half) not evaluated",
  }),
  meeting: (
    rule: "ballots_exceed_attendees" | "attendance_exceeds_expected" | "returned_exceeds_issued" | "quorum_not_met",
    a: number,
    b: number,
    threshold?: string,
  ): Bilingual => {
    const tail = {
      zh: "：结果为暂定，须经组织复核会议记录",
      en: ": the result is provisional and the meeting record needs review",
    };
    switch (rule) {
      case "ballots_exceed_attendees":
        return {
          "zh-CN": `有效测评票 ${a} 张多于实到 ${b} 人${tail.zh}`,
          en: `${a} valid ballots but only ${b} attendees${tail.en}`,
        };
      case "attendance_exceeds_expected":
        return {
          "zh-CN": `实到 ${a} 人多于应到 ${b} 人${tail.zh}`,
          en: `${a} attendees but only ${b} expected${tail.en}`,
        };
      case "returned_exceeds_issued":
        return {
          "zh-CN": `收回 ${a} 张多于发出 ${b} 张${tail.zh}`,
          en: `${a} ballots returned but only ${b} issued${tail.en}`,
        };
      case "quorum_not_met":
        return {
          "zh-CN": `实到 ${a} 人 / 应到 ${b} 人，未达到 ${threshold} 的到会要求，会议无效${tail.zh}`,
          en: `${a} of ${b} attended, below the ${threshold} quorum: the meeting is not valid${tail.en}`,
        };
    }
  },
  notScored: (why: "no_ballots" | "unknown_post" | "no_weight"): Bilingual =>
    ({
      no_ballots: { "zh-CN": "无有效测评票，未计分", en: "No valid ballots: not scored" },
      unknown_post: { "zh-CN": "岗位类别不在方案中，未计分", en: "Post category not in the policy: not scored" },
      no_weight: {
        "zh-CN": "有票的测评主体权重均为 0，未计分",
        en: "Every group with ballots has weight 0: not scored",
      },
    })[why],
  baseMissing: (base: string): Bilingual => ({
    "zh-CN": `得票基数为「${base === "attendees" ? "实到人数" : "应到人数"}」但未提供，暂按有效票数计算，结果为暂定`,
    en: `The vote base is ${base} but it was not given; valid ballots are used and the result is provisional`,
  }),
};
