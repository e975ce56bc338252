import { getSheet } from "../store/sheets.ts";
import { fileReply, XLSX } from "./files.ts";
import { sheetCsv, sheetXlsx } from "./sheet-view.ts";
import type { Reply } from "./operation.ts";
import { ProblemError } from "./problem.ts";

export type FoundSheet = NonNullable<Awaited<ReturnType<typeof getSheet>>>;

export async function sheetOrNotFound(id: string): Promise<FoundSheet> {
  const found = await getSheet(id);
  if (!found)
    throw new ProblemError(404, "sheet-not-found", {
      "zh-CN": `没有编号为 ${id} 的考评表：请在考评表列表中选择`,
      en: `no sheet with id ${id}: pick one from the list of sheets`,
    });
  return found;
}

/** A stored sheet as HR files it: the scored workbook the CLI writes, or CSV. */
export async function sheetFile({ summary, doc }: FoundSheet, format: "csv" | "xlsx"): Promise<Reply> {
  const name = `kaoping-${summary.unit}-${summary.period}-${summary.id.slice(0, 8)}.${format}`;
  const ascii = `kaoping-${summary.id}.${format}`;
  return format === "csv"
    ? fileReply(sheetCsv(summary, doc), "text/csv; charset=utf-8", ascii, name)
    : fileReply(await sheetXlsx(summary, doc), XLSX, ascii, name);
}
