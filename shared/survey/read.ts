/**
 * The survey workbook's two tables (评议项目 / Items, 评议票 / Answers) -> the engine's input rows,
 * through the one shared table reader: headers in Chinese, English or both, title rows above them,
 * traditional spellings; every data row kept with its sheet row so nothing is dropped silently.
 */
import type { SurveyAnswerRow, SurveyInput, SurveyItem } from "../schemas/survey.ts";
import { dataRows, locateHeader, type FieldSpec } from "../table/headers.ts";
import { cellAsText, type RawTable } from "../table/raw.ts";

export const SURVEY_SHEETS = {
  items: ["评议项目", "Items"],
  answers: ["评议票", "Answers"],
} as const;

export const ITEM_TABLE_FIELDS: readonly FieldSpec[] = [
  { key: "itemId", aliases: ["编号", "项目编号", "item id"], required: true },
  { key: "unit", aliases: ["单位"], required: true },
  { key: "title", aliases: ["评议项目", "评议内容", "项目名称", "item", "title"], required: true },
  { key: "kind", aliases: ["类别", "评议类别", "kind"], required: true },
  { key: "scale", aliases: ["量表", "scale"] },
];

export const ANSWER_TABLE_FIELDS: readonly FieldSpec[] = [
  { key: "respondentId", aliases: ["票号", "问卷编号", "form"], required: true },
  { key: "layer", aliases: ["身份", "评议人身份", "层次", "layer"], required: true },
  { key: "itemId", aliases: ["项目编号", "编号", "item id", "item"], required: true },
  { key: "answer", aliases: ["评价", "答案", "选项", "answer"], required: true },
];

export interface SurveyTables extends Required<Pick<SurveyInput, "items" | "answers">> {
  items: SurveyItem[];
  answers: SurveyAnswerRow[];
  /** Columns whose header names no field: not read, and the caller says so. */
  ignoredColumns: { sheet: string; header: string }[];
}

function rowsOf<K extends string>(table: RawTable, fields: readonly FieldSpec[]) {
  const header = locateHeader(table, fields);
  const rows = dataRows(table, header).map((r) => {
    const out: Record<string, string | number> = { row: r.row };
    for (const [key, col] of header.columns) out[key] = cellAsText(r.cells[col]).trim();
    return out as Record<K, string> & { row: number };
  });
  return { rows, ignored: header.ignored.map((h) => ({ sheet: table.sheet, header: h })) };
}

/** Throws TableError (from the shared reader) when a header cannot be found; otherwise reads every row. */
export function readSurveyTables(items: RawTable, answers: RawTable): SurveyTables {
  const i = rowsOf<"itemId" | "unit" | "title" | "kind" | "scale">(items, ITEM_TABLE_FIELDS);
  const a = rowsOf<"respondentId" | "layer" | "itemId" | "answer">(answers, ANSWER_TABLE_FIELDS);
  return {
    items: i.rows.map((r) => ({
      itemId: r.itemId,
      unit: r.unit,
      title: r.title,
      kind: r.kind,
      ...(r.scale ? { scale: r.scale } : {}),
      row: r.row,
    })),
    answers: a.rows.map((r) => ({
      respondentId: r.respondentId,
      layer: r.layer,
      itemId: r.itemId,
      answer: r.answer,
      row: r.row,
    })),
    ignoredColumns: [...i.ignored, ...a.ignored],
  };
}
