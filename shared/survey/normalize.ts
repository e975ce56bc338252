import { foldLabel } from "../table/han.ts";

/**
 * How a cell's text is compared with a label: trimmed, inner spaces and full-width forms folded,
 * lower case, and the traditional characters of the survey's own vocabulary read as simplified
 * (滿意 is 满意), so a form printed in either script is read the same.
 */
const TRADITIONAL: Record<string, string> = {
  滿: "满",
  認: "认",
  較: "较",
  評: "评",
  議: "议",
  項: "项",
  單: "单",
  幹: "干",
  層: "层",
  員: "员",
  號: "号",
  編: "编",
  類: "类",
  價: "价",
  選: "选",
  舉: "举",
  體: "体",
  這: "这",
  會: "会",
  導: "导",
  眾: "众",
  級: "级",
  題: "题",
  稱: "称",
  職: "职",
  別: "别",
  風: "风",
  拔: "拔",
  對: "对",
  劃: "划",
  問: "问",
  卷: "卷",
  歷: "历",
  年: "年",
  結: "结",
  果: "果",
  覆: "复",
  綜: "综",
  總: "总",
  據: "据",
};

export function normalizeLabel(value: string): string {
  let out = "";
  for (const ch of foldLabel(value)) {
    if (/\s/.test(ch)) continue;
    out += TRADITIONAL[ch] ?? ch;
  }
  return out;
}

/** A cell as text: numbers as written, blanks as "". */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return String(value).trim();
}
