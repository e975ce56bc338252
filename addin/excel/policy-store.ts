/// <reference types="office-js" />
/** The workbook's own policy in the hidden _kaoping sheet, column E: chosen at 新建考核, used by every later step. */
import { z } from "zod";
import { PolicyIdentitySchema, PolicySchema, type Policy, type PolicyIdentity } from "../../shared/index.ts";
import { splitForCells } from "./chunks.ts";
import { KaopingExcelError } from "./errors.ts";
import { SyncBudget, writeRows } from "./excel-io.ts";
import { findSheets } from "./find.ts";
import { SHEETS } from "./labels.ts";
import { ensureStoreSheet } from "./store.ts";

export const POLICY_MARKER = "kaoping-policy v1";
/** Column E: the result JSON lives in column A and the issue marks in column C. */
export const POLICY_COLUMN = 4;
/** Cells per read sync: 40 cells of at most 30,000 characters stay under the payload budget. */
const CELLS_PER_READ = 40;

export interface StoredWorkbookPolicy {
  policy: Policy;
  identity: PolicyIdentity;
  /** Published on the server: the cloud is asked for exactly this version. */
  published: boolean;
}

const StoredSchema = z.object({ policy: PolicySchema, identity: PolicyIdentitySchema, published: z.boolean() });

/** Binds a policy to the workbook (replacing an earlier one). */
export async function writeWorkbookPolicy(stored: StoredWorkbookPolicy): Promise<void> {
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const [found] = await findSheets(context, [[SHEETS.store]]);
    const ws = found?.ws ?? ensureStoreSheet(sheets);
    const budget = new SyncBudget(context);
    ws.getRangeByIndexes(0, POLICY_COLUMN, 1_048_576, 1).clear("Contents");
    const parts = splitForCells(
      JSON.stringify({ policy: stored.policy, identity: stored.identity, published: stored.published }),
    );
    await writeRows(budget, ws, 0, POLICY_COLUMN, [[POLICY_MARKER], [parts.length], ...parts.map((p) => [p])]);
    await budget.flush();
  });
}

/** The workbook's policy, or null for a workbook made before policies were stored (today's behaviour then). */
export async function readWorkbookPolicy(): Promise<StoredWorkbookPolicy | null> {
  return Excel.run(async (context) => {
    const [found] = await findSheets(context, [[SHEETS.store]]);
    if (!found) return null;
    const head = found.ws.getRangeByIndexes(0, POLICY_COLUMN, 2, 1).load("values");
    await context.sync();
    if (head.values[0]?.[0] !== POLICY_MARKER) return null;
    const count = Number(head.values[1]?.[0]);
    const parts: string[] = [];
    for (let start = 0; start < count; start += CELLS_PER_READ) {
      const range = found.ws
        .getRangeByIndexes(2 + start, POLICY_COLUMN, Math.min(CELLS_PER_READ, count - start), 1)
        .load("values");
      await context.sync();
      for (const row of range.values) parts.push(String(row[0] ?? ""));
    }
    let parsed: ReturnType<typeof StoredSchema.safeParse> | null = null;
    try {
      parsed = StoredSchema.safeParse(JSON.parse(parts.join("")));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) {
      throw new KaopingExcelError(
        "stored_policy_invalid",
        {
          "zh-CN": `隐藏工作表「${SHEETS.store}」中保存的考核方案已损坏或被改动；请用「新建考核」重新创建考核表`,
          en: `The policy stored in the hidden sheet "${SHEETS.store}" is damaged or was edited; create the assessment sheets again with New assessment`,
        },
        { sheet: SHEETS.store },
      );
    }
    return parsed.data;
  });
}
