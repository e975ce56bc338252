import { DIMENSION_LABELS, type Bilingual, type Dimension, type IssueCode } from "../../shared/index.ts";

/** The user's words for the core's keys: a field key or a rule code is never shown as it is. */

const OTHER_FIELDS: Record<string, Bilingual> = {
  ballotId: { "zh-CN": "票号", en: "Ballot no." },
  raterGroup: { "zh-CN": "测评主体", en: "Rater group" },
  cadreId: { "zh-CN": "编号", en: "Cadre no." },
  gradeVote: { "zh-CN": "等次", en: "Grade vote" },
  name: { "zh-CN": "姓名", en: "Name" },
  unit: { "zh-CN": "单位", en: "Unit" },
  post: { "zh-CN": "岗位类别", en: "Post category" },
  disciplinary: { "zh-CN": "违纪违法", en: "Disciplinary finding" },
  attendees: { "zh-CN": "实到人数", en: "Attendance" },
  expected: { "zh-CN": "应到人数", en: "Expected attendance" },
};

/** A sheet column by its key: 廉 for integrity, 测评主体 for raterGroup. */
export function fieldLabel(field: string): Bilingual {
  const dim = DIMENSION_LABELS[field as Dimension];
  return dim ?? OTHER_FIELDS[field] ?? { "zh-CN": "其他", en: "Other" };
}

export const ISSUE_LABELS: Record<IssueCode, Bilingual> = {
  unknown_cadre: { "zh-CN": "编号不在名单中", en: "Not in the cadre list" },
  unknown_group: { "zh-CN": "测评主体不符", en: "Unknown rater group" },
  missing_score: { "zh-CN": "缺少评分", en: "Score missing" },
  invalid_score: { "zh-CN": "分值无效", en: "Not a score" },
  out_of_range: { "zh-CN": "超出范围", en: "Out of range" },
  invalid_vote: { "zh-CN": "等次无效", en: "Not a grade" },
  duplicate: { "zh-CN": "重复的票", en: "Duplicate ballot" },
  unknown_post: { "zh-CN": "岗位类别不符", en: "Unknown post category" },
  duplicate_cadre: { "zh-CN": "编号重复", en: "Cadre listed twice" },
  missing_field: { "zh-CN": "必填项为空", en: "Required cell empty" },
};

export const issueLabel = (code: string): Bilingual =>
  ISSUE_LABELS[code as IssueCode] ?? { "zh-CN": "数据问题", en: "Data problem" };

/**
 * The core's issue sentence without the field key it carries for the sheet ("「廉/Integrity」" becomes "「廉」",
 * "row 86, integrity:" becomes "row 86, Integrity:"), so the pane shows the user's words only.
 */
export function plainIssueMessage(message: Bilingual, field: string): Bilingual {
  const label = fieldLabel(field);
  return {
    "zh-CN": message["zh-CN"].replace(/「([^「」/]+)\/[A-Za-z]+」/g, "「$1」"),
    en: message.en.replace(new RegExp(`(row \\d+, )${field}(?=:)`), `$1${label.en}`),
  };
}
