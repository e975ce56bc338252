import type { Bilingual } from "../vocabulary.ts";

export type TableErrorCode =
  "missing_sheet" | "missing_header" | "duplicate_header" | "merged_header" | "two_row_header" | "invalid_cell";

/** A table the reader cannot read as it stands; the message says what to change in the sheet. */
export class TableError extends Error {
  constructor(
    readonly code: TableErrorCode,
    readonly bilingual: Bilingual,
    readonly details: Bilingual[] = [],
    /** Where, for callers that mark the sheet: its name and (when known) the header row. */
    readonly where: { sheet: string; row?: number; columns?: string[] } = { sheet: "" },
  ) {
    super(`${bilingual["zh-CN"]} | ${bilingual.en}`);
    this.name = "TableError";
  }
}
