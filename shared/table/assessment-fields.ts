/** The assessment workbook's sheets and columns (spec section 2), shared by the table readers. */
import type { FieldSpec } from "./headers.ts";

/** Sheet names of spec section 2, Chinese first (the template's own). */
export const ASSESSMENT_SHEETS = {
  cadres: ["干部名单", "Cadres"],
  ballots: ["测评票", "Ballots"],
} as const;

/** The grade-vote column's names (spec section 2): 等次 and the headers forms use for it. */
export const GRADE_VOTE_ALIASES = ["等次", "测评等次", "评定等次", "等级", "总体评价"] as const;

export const MEETING_COUNTS = ["attendees", "expected", "issued", "returned"] as const;
export type MeetingCount = (typeof MEETING_COUNTS)[number];

export const CADRE_TABLE_FIELDS: readonly FieldSpec[] = [
  { key: "cadreId", aliases: ["编号"], required: true },
  { key: "name", aliases: ["姓名"], required: true },
  { key: "unit", aliases: ["单位"] },
  { key: "post", aliases: ["岗位类别"], required: true },
  { key: "disciplinary", aliases: ["违纪记录"] },
  { key: "attendees", aliases: ["实到"] },
  { key: "expected", aliases: ["应到"] },
  { key: "issued", aliases: ["发出"] },
  { key: "returned", aliases: ["收回"] },
];

export const BALLOT_TABLE_FIELDS: readonly FieldSpec[] = [
  { key: "ballotId", aliases: ["票号"], required: true },
  { key: "raterGroup", aliases: ["测评主体"], required: true },
  { key: "cadreId", aliases: ["编号"], required: true },
  { key: "morality", aliases: ["德"], required: true },
  { key: "ability", aliases: ["能"], required: true },
  { key: "diligence", aliases: ["勤"], required: true },
  { key: "achievement", aliases: ["绩"], required: true },
  { key: "integrity", aliases: ["廉"], required: true },
  { key: "gradeVote", aliases: GRADE_VOTE_ALIASES },
];
