/** A sheet (or CSV file) as cells: what io/ and the add-in hand to the reader. */
export type RawCell = string | number | boolean | null | undefined | Date;

export interface RawRow {
  /** The sheet's own row number (1-based), the one a person sees in Excel; for CSV, the line number. */
  row: number;
  cells: readonly RawCell[];
}

export interface RawTable {
  /** The sheet's (or file's) name as the user sees it. */
  sheet: string;
  rows: readonly RawRow[];
}

export const isBlankCell = (c: RawCell): boolean =>
  c === undefined || c === null || (typeof c === "string" && c.trim() === "");

/** A cell as text the way a person reads it: dates as yyyy-mm-dd, booleans as TRUE/FALSE. */
export function cellAsText(c: RawCell): string {
  if (isBlankCell(c)) return "";
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  if (typeof c === "boolean") return c ? "TRUE" : "FALSE";
  return String(c);
}
