import { stringify } from "csv-stringify/sync";
import { BALLOT_TABLE_FIELDS, CADRE_TABLE_FIELDS, type AssessmentResult } from "../shared/index.ts";

/** A column as the sheet's header names it, e.g. 「廉 integrity」, never a bare key. */
const columnName = (key: string): string => {
  const f = [...BALLOT_TABLE_FIELDS, ...CADRE_TABLE_FIELDS].find((x) => x.key === key);
  return f ? `${f.aliases[0]} ${key}` : key;
};

/** The issues of a result as CSV (UTF-8 with BOM, as Excel in China opens it): where, and what to fix, in both languages. */
export function issuesToCsv(result: AssessmentResult): string {
  const header = ["工作表 Sheet", "行 Row", "列 Column", "单元格内容 Value", "问题 Problem", "Problem (English)"];
  const rows = result.issues.map((i) => [
    i.sheet,
    i.row,
    columnName(i.field),
    i.value ?? "",
    i.message["zh-CN"],
    i.message.en,
  ]);
  return "\uFEFF" + stringify([header, ...rows], { record_delimiter: "\r\n" });
}
