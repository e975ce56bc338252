import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";
import type { Policy, SheetSummary } from "../../shared/index.ts";
import { resultToCsv, writeScoredWorkbook } from "../../io/write.ts";
import { getSheet, type StoredSheetDoc } from "../store/sheets.ts";
import { fileReply, XLSX } from "./files.ts";
import type { Reply } from "./operation.ts";
import { ProblemError } from "./problem.ts";

/**
 * What HR pulls, in each format. A sheet scored under an unpublished policy says so in words in
 * every one (zh-CN, then English), and its result names the unpublished identity, never the
 * published id and version the made-up policy borrowed.
 */
export function sheetJson(summary: SheetSummary, doc: StoredSheetDoc) {
  return { ...summary, result: { ...doc.result, policy: summary.policy } };
}

const shownPolicy = (summary: SheetSummary, policy: Policy): Policy =>
  summary.unpublished ? { ...policy, title: `【未发布方案 UNPUBLISHED】${policy.title}` } : policy;

export function sheetCsv(summary: SheetSummary, doc: StoredSheetDoc): string {
  const csv = resultToCsv({ ...doc.result, policy: summary.policy }, shownPolicy(summary, doc.policy));
  if (!summary.notice) return csv;
  // The notice is the first line, before the header, so no one reads the table without it.
  const notice = stringify([[summary.notice["zh-CN"]], [summary.notice.en]], { record_delimiter: "\r\n" });
  return "\uFEFF" + notice + csv.replace(/^\uFEFF/, "");
}

export async function sheetXlsx(summary: SheetSummary, doc: StoredSheetDoc): Promise<Buffer> {
  const bytes = await writeScoredWorkbook({ ...doc.result, policy: summary.policy }, shownPolicy(summary, doc.policy), {
    unit: summary.unit,
    period: summary.period,
  });
  if (!summary.notice) return bytes;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  // The notice has a sheet of its own and is printed in the header of every sheet; the policy's title says it too.
  const notice = workbook.addWorksheet("未发布方案 Unpublished", { properties: { tabColor: { argb: "FFC00000" } } });
  notice.addRow([summary.notice["zh-CN"]]);
  notice.addRow([summary.notice.en]);
  notice.getColumn(1).width = 120;
  notice.getColumn(1).alignment = { wrapText: true, vertical: "top" };
  notice.getRow(1).font = { bold: true, color: { argb: "FFC00000" } };
  const header = '&"-,Bold"&KC00000未发布方案，非正式结果 | unpublished policy, not an official result';
  for (const ws of workbook.worksheets) ws.headerFooter = { ...(ws.headerFooter ?? {}), oddHeader: header };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

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
