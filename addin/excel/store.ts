/// <reference types="office-js" />
/** The hidden _kaoping sheet: the result JSON in column A (split under the cell limit), marks in column C. */
import { AssessmentResultSchema, type AssessmentResult } from "../../shared/index.ts";
import { splitForCells } from "./chunks.ts";
import { KaopingExcelError } from "./errors.ts";
import { SyncBudget, writeRows } from "./excel-io.ts";
import { findSheets } from "./find.ts";
import { SHEETS } from "./labels.ts";

export const STORE_MARKER = "kaoping-result v1";
/** Cells per read sync: 40 cells of at most 30,000 characters stay under the budget even at 3 bytes each. */
const CELLS_PER_READ = 40;

export function ensureStoreSheet(sheets: Excel.WorksheetCollection): Excel.Worksheet {
  const ws = sheets.add(SHEETS.store);
  ws.visibility = "Hidden";
  return ws;
}

/** Queues the result JSON into column A of the store sheet (replacing the previous one). */
export async function storeResult(budget: SyncBudget, ws: Excel.Worksheet, result: AssessmentResult): Promise<void> {
  ws.getRange("A1:A1048576").clear("Contents");
  const parts = splitForCells(JSON.stringify(result));
  await writeRows(budget, ws, 0, 0, [[STORE_MARKER], [parts.length], ...parts.map((p) => [p])]);
}

export async function readStoredResult(): Promise<AssessmentResult | null> {
  return Excel.run(async (context) => {
    const [found] = await findSheets(context, [[SHEETS.store]]);
    if (!found) return null;
    const head = found.ws.getRange("A1:A2").load("values");
    await context.sync();
    if (head.values[0]?.[0] !== STORE_MARKER) return null;
    const count = Number(head.values[1]?.[0]);
    const parts: string[] = [];
    for (let start = 0; start < count; start += CELLS_PER_READ) {
      const n = Math.min(CELLS_PER_READ, count - start);
      const range = found.ws.getRangeByIndexes(2 + start, 0, n, 1).load("values");
      await context.sync();
      for (const row of range.values) parts.push(String(row[0] ?? ""));
    }
    const parsed = (() => {
      try {
        return AssessmentResultSchema.safeParse(JSON.parse(parts.join("")));
      } catch {
        return null;
      }
    })();
    if (!parsed?.success) {
      throw new KaopingExcelError(
        "stored_result_invalid",
        {
          "zh-CN": `隐藏工作表「${SHEETS.store}」中保存的结果已损坏或被改动，请重新计算`,
          en: `The result stored in the hidden sheet "${SHEETS.store}" is damaged or was edited; please score again`,
        },
        { sheet: SHEETS.store },
      );
    }
    return parsed.data;
  });
}
