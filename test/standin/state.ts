/** The stand-in's in-memory workbook: plain data, no proxies. */
import type { Box } from "./address.ts";

export type CellValue = string | number | boolean;

export interface CellData {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  fill?: string;
  fontBold?: boolean;
  fontColor?: string;
  fontSize?: number;
  fontName?: string;
  wrap?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
}

/** What a worksheet's pageLayout was given (office.js ExcelApi 1.9), for tests of the printed page. */
export interface PageLayoutRecord {
  orientation?: string;
  paperSize?: string;
  zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  margins: Record<string, number>;
  centerHorizontally?: boolean;
  printTitleRows?: string;
  printArea?: string;
  footer?: { left?: string; center?: string; right?: string };
}

export interface ValidationRecord {
  address: string;
  rule: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
}
export interface ConditionalFormatRecord {
  address: string;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
}
export interface ChartRecord {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  xAxisValues?: string;
  position?: { start: string; end?: string };
}
export interface TableRecord {
  name: string;
  address: string;
  hasHeaders: boolean;
  style?: string;
}

export interface SheetState {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  rows: Map<number, Map<number, CellData>>;
  frozenRows: number;
  frozenColumns: number;
  validations: ValidationRecord[];
  conditionalFormats: ConditionalFormatRecord[];
  charts: ChartRecord[];
  tables: TableRecord[];
  columnWidths: Map<number, number>;
  /** Row heights in points, by 0-based row. */
  rowHeights: Map<number, number>;
  /** Merged areas as A1 addresses. */
  merges: string[];
  pageLayout: PageLayoutRecord;
}

export interface RequestStats {
  /** Bytes sent to Excel (values, formulas and other arguments written). */
  request: number;
  /** Bytes Excel sends back (loaded values). */
  response: number;
}

/** A worksheet's onSelectionChanged handler, as office.js calls it. */
export type SelectionHandler = (event: { type: string; worksheetId: string; address: string }) => unknown;

export interface WorkbookState {
  sheets: SheetState[];
  /** onSelectionChanged handlers by worksheet id: fired when a range is selected (by code or a user). */
  selectionHandlers: { sheetId: string; handler: SelectionHandler }[];
  activeSheetId: string | null;
  selection: { sheetId: string; address: string } | null;
  nextId: number;
  syncs: number;
  runs: number;
  requests: RequestStats[];
  /** Excel on the web rejects a request or response over 5 MB. */
  payloadLimit: number;
}

export function newWorkbookState(payloadLimit = 5 * 1024 * 1024): WorkbookState {
  return {
    sheets: [],
    selectionHandlers: [],
    activeSheetId: null,
    selection: null,
    nextId: 1,
    syncs: 0,
    runs: 0,
    requests: [],
    payloadLimit,
  };
}

export function newSheet(wb: WorkbookState, name: string): SheetState {
  const s: SheetState = {
    id: `{standin-${wb.nextId++}}`,
    name,
    visibility: "Visible",
    rows: new Map(),
    frozenRows: 0,
    frozenColumns: 0,
    validations: [],
    conditionalFormats: [],
    charts: [],
    tables: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    merges: [],
    pageLayout: { margins: {} },
  };
  wb.sheets.push(s);
  return s;
}

export function cellAt(sheet: SheetState, row: number, col: number): CellData | undefined {
  return sheet.rows.get(row)?.get(col);
}

export function cellFor(sheet: SheetState, row: number, col: number): CellData {
  let r = sheet.rows.get(row);
  if (!r) sheet.rows.set(row, (r = new Map()));
  let c = r.get(col);
  if (!c) r.set(col, (c = { value: "" }));
  return c;
}

/** Visits existing cells inside a box (sparse: never walks a whole column). */
export function forEachCell(sheet: SheetState, box: Box, fn: (cell: CellData, row: number, col: number) => void): void {
  for (const [r, cols] of sheet.rows) {
    if (r < box.row || r >= box.row + box.rows) continue;
    for (const [c, cell] of cols) if (c >= box.col && c < box.col + box.cols) fn(cell, r, c);
  }
}

const hasContent = (c: CellData) => c.value !== "" || c.formula !== undefined;

/** The bounding box of cells holding a value or formula (valuesOnly) or any data at all. */
export function usedBox(sheet: SheetState, valuesOnly: boolean): Box | null {
  let minR = Infinity,
    maxR = -1,
    minC = Infinity,
    maxC = -1;
  for (const [r, cols] of sheet.rows) {
    for (const [c, cell] of cols) {
      if (valuesOnly && !hasContent(cell)) continue;
      if (r < minR) minR = r;
      if (r > maxR) maxR = r;
      if (c < minC) minC = c;
      if (c > maxC) maxC = c;
    }
  }
  return maxR < 0 ? null : { row: minR, col: minC, rows: maxR - minR + 1, cols: maxC - minC + 1 };
}

/** Calls the sheet's selection handlers, as Excel does after the selection moves; resolves when they finish. */
export async function fireSelectionChanged(wb: WorkbookState, sheetId: string, address: string): Promise<void> {
  const handlers = wb.selectionHandlers.filter((h) => h.sheetId === sheetId && wb.sheets.some((s) => s.id === sheetId));
  await Promise.all(
    handlers.map((h) => h.handler({ type: "WorksheetSelectionChanged", worksheetId: sheetId, address })),
  );
}
