/** A1 addresses for the stand-in. No Node or DOM APIs. */
import { columnLetters } from "../../addin/excel/a1.ts";

export { columnLetters };

export interface Box {
  row: number; // 0-based
  col: number;
  rows: number;
  cols: number;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Sheet names with spaces or non-ASCII are quoted, as Excel writes them. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function boxAddress(b: Box): string {
  const tl = `${columnLetters(b.col)}${b.row + 1}`;
  if (b.rows === 1 && b.cols === 1) return tl;
  return `${tl}:${columnLetters(b.col + b.cols - 1)}${b.row + b.rows}`;
}

/** Parses "A1", "B2:D9", "Sheet!A1:B2", "'名单 1'!C3"; returns the sheet part too when present. */
export function parseAddress(address: string): { sheet?: string; box: Box } {
  let sheet: string | undefined;
  let ref = address;
  const bang = address.lastIndexOf("!");
  if (bang >= 0) {
    sheet = address
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
    ref = address.slice(bang + 1);
  }
  const parts = ref.replace(/\$/g, "").split(":");
  const cell = (p: string) => {
    const m = /^([A-Za-z]+)(\d+)$/.exec(p);
    if (!m) throw new Error(`Invalid address: ${address}`);
    return { col: columnIndex(m[1]!), row: Number(m[2]) - 1 };
  };
  const a = cell(parts[0]!);
  const b = parts[1] ? cell(parts[1]) : a;
  const box = {
    row: Math.min(a.row, b.row),
    col: Math.min(a.col, b.col),
    rows: Math.abs(b.row - a.row) + 1,
    cols: Math.abs(b.col - a.col) + 1,
  };
  return sheet === undefined ? { box } : { sheet, box };
}
