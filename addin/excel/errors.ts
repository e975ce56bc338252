/** Typed errors of the Excel layer; every message is zh-CN first, then English. */
import type { Bilingual } from "../../shared/index.ts";

export type ExcelErrorCode =
  "sheet_exists" | "sheet_missing" | "missing_columns" | "stored_result_invalid" | "stored_policy_invalid";

export class KaopingExcelError extends Error {
  constructor(
    readonly code: ExcelErrorCode,
    readonly bilingual: Bilingual,
    readonly detail: { sheet?: string; columns?: string[] } = {},
  ) {
    super(`${bilingual["zh-CN"]} | ${bilingual.en}`);
    this.name = "KaopingExcelError";
  }
}

/** The UI catches this and asks the user before anything is replaced. */
export class SheetExistsError extends KaopingExcelError {
  constructor(readonly sheets: string[]) {
    super("sheet_exists", {
      "zh-CN": `工作表「${sheets.join("」「")}」已存在，未作任何改动；请先确认是否替换或改名`,
      en: `Worksheet ${sheets.map((s) => `"${s}"`).join(", ")} already exists; nothing was changed. Confirm replacing it or rename it first`,
    });
  }
}

export const sheetMissing = (names: readonly string[]) =>
  new KaopingExcelError(
    "sheet_missing",
    {
      "zh-CN": `找不到工作表「${names.join("」或「")}」`,
      en: `No worksheet named ${names.map((s) => `"${s}"`).join(" or ")}`,
    },
    { sheet: names[0]! },
  );
