/** A1 references for formulas and addresses we write. Pure. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based (row, col) -> "C5"; absolute -> "$C$5". */
export const cellRef = (row: number, col: number, absolute = false): string =>
  absolute ? `$${columnLetters(col)}$${row + 1}` : `${columnLetters(col)}${row + 1}`;

export const rangeRef = (row: number, col: number, rows: number, cols: number, absolute = false): string =>
  `${cellRef(row, col, absolute)}:${cellRef(row + rows - 1, col + cols - 1, absolute)}`;

/** A sheet name as a formula prefix: always quoted, since ours are Chinese. */
export const sheetRef = (name: string): string => `'${name.replace(/'/g, "''")}'!`;
