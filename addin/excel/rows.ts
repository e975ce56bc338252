/** Sheet values -> the shared reader's raw table, each row carrying its real sheet row number. Pure. */
import {
  BALLOT_TABLE_FIELDS,
  CADRE_TABLE_FIELDS,
  locateHeader,
  type RawCell,
  type RawTable,
} from "../../shared/index.ts";

/** A block of sheet values and where it sits: `rowIndex` is the 0-based sheet row of values[0]. */
export interface SheetBlock {
  sheet: string;
  rowIndex: number;
  /** 0-based sheet column of values[r][0]. */
  columnIndex: number;
  values: unknown[][];
}

/** Excel hands cells as string | number | boolean ("" when empty); the reader takes them as they are. */
export function blockTable(block: SheetBlock): RawTable {
  return {
    sheet: block.sheet,
    rows: block.values.map((values, r) => ({ row: block.rowIndex + r + 1, cells: values as RawCell[] })),
  };
}

/** Column (0-based, sheet coordinates) of a field on a sheet, for marking and selecting cells. */
export function fieldColumns(block: SheetBlock): Map<string, number> {
  for (const fields of [BALLOT_TABLE_FIELDS, CADRE_TABLE_FIELDS]) {
    try {
      const header = locateHeader(blockTable(block), fields);
      return new Map([...header.columns].map(([k, c]) => [k, c + block.columnIndex]));
    } catch {
      // Not this table (or not readable): try the other; marks then fall back to whole rows.
    }
  }
  return new Map();
}
