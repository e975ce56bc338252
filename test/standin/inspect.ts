/** Reads the stand-in's workbook back for assertions and benchmarks. */
import { boxAddress, parseAddress } from "./address.ts";
import {
  cellAt,
  fireSelectionChanged,
  type CellData,
  type CellValue,
  type SheetState,
  type WorkbookState,
} from "./state.ts";

export interface SyncStats {
  syncs: number;
  runs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalRequestBytes: number;
  totalResponseBytes: number;
}

export interface Inspector {
  sheetNames(): string[];
  sheet(name: string): SheetState;
  /** Values from A1 to the last used cell (formula cells read as their formula text). */
  values(name: string): CellValue[][];
  formulas(name: string): CellValue[][];
  cell(name: string, address: string): CellData | undefined;
  activeSheet(): string | null;
  selection(): { sheet: string; address: string } | null;
  /** A user clicking a cell or range: moves the selection and resolves once the sheet's handlers are done. */
  userSelect(sheet: string, address: string): Promise<void>;
  stats(): SyncStats;
  resetStats(): void;
}

export function createInspector(state: WorkbookState): Inspector {
  const sheet = (name: string) => {
    const s = state.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`stand-in: no sheet named ${name} (have: ${state.sheets.map((x) => x.name).join(", ")})`);
    return s;
  };
  const grid = (name: string, f: (c: CellData | undefined) => CellValue) => {
    const s = sheet(name);
    let rows = 0,
      cols = 0;
    for (const [r, cs] of s.rows)
      for (const [c, cell] of cs)
        if (cell.value !== "" || cell.formula !== undefined) {
          rows = Math.max(rows, r + 1);
          cols = Math.max(cols, c + 1);
        }
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(cellAt(s, r, c))));
  };
  return {
    sheetNames: () => state.sheets.map((s) => s.name),
    sheet,
    values: (name) => grid(name, (c) => (c ? (c.formula ?? c.value) : "")),
    formulas: (name) => grid(name, (c) => (c ? (c.formula ?? c.value) : "")),
    cell: (name, address) => {
      const { box } = parseAddress(address);
      return cellAt(sheet(name), box.row, box.col);
    },
    activeSheet: () => state.sheets.find((s) => s.id === state.activeSheetId)?.name ?? null,
    selection: () => {
      const sel = state.selection;
      const s = sel && state.sheets.find((x) => x.id === sel.sheetId);
      return sel && s ? { sheet: s.name, address: boxAddress(parseAddress(sel.address).box) } : null;
    },
    userSelect: async (name, address) => {
      const s = sheet(name);
      const normal = boxAddress(parseAddress(address).box);
      state.activeSheetId = s.id;
      state.selection = { sheetId: s.id, address: normal };
      await fireSelectionChanged(state, s.id, normal);
    },
    stats: () => ({
      syncs: state.syncs,
      runs: state.runs,
      maxRequestBytes: Math.max(0, ...state.requests.map((r) => r.request)),
      maxResponseBytes: Math.max(0, ...state.requests.map((r) => r.response)),
      totalRequestBytes: state.requests.reduce((a, r) => a + r.request, 0),
      totalResponseBytes: state.requests.reduce((a, r) => a + r.response, 0),
    }),
    resetStats: () => {
      state.syncs = 0;
      state.runs = 0;
      state.requests = [];
    },
  };
}
