/// <reference types="office-js" />
/** Bulk reads and writes under the payload budget: the only place that decides when to sync. */
import {
  estimateRowBytes,
  jsonBytes,
  packIntoSyncs,
  planRowChunks,
  planWriteChunks,
  PAYLOAD_BUDGET,
} from "./chunks.ts";
import type { SheetBlock } from "./rows.ts";

/** Rows read first: enough to find the header and to estimate bytes per row for the rest. */
export const SAMPLE_ROWS = 100;

/** Queues writes and syncs only when the next one would push the pending request over the budget. */
export class SyncBudget {
  private pending = 0;
  constructor(
    readonly context: Excel.RequestContext,
    private readonly budget = PAYLOAD_BUDGET,
  ) {}

  async reserve(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    this.pending += bytes;
  }

  async flush(): Promise<void> {
    await this.context.sync();
    this.pending = 0;
  }
}

/** Each sheet's whole used range (values only), in as few syncs as the payload cap allows. */
export async function readBlocks(
  context: Excel.RequestContext,
  sheets: { name: string; ws: Excel.Worksheet }[],
): Promise<SheetBlock[]> {
  const used = sheets.map((s) => s.ws.getUsedRange(true).load(["rowIndex", "columnIndex", "rowCount", "columnCount"]));
  await context.sync();
  const dims = used.map((u) => ({ row: u.rowIndex, col: u.columnIndex, rows: u.rowCount, cols: u.columnCount }));
  const samples = sheets.map((s, i) =>
    s.ws
      .getRangeByIndexes(dims[i]!.row, dims[i]!.col, Math.min(SAMPLE_ROWS, dims[i]!.rows), dims[i]!.cols)
      .load("values"),
  );
  await context.sync();
  const blocks: SheetBlock[] = sheets.map((s, i) => ({
    sheet: s.name,
    rowIndex: dims[i]!.row,
    columnIndex: dims[i]!.col,
    values: samples[i]!.values.slice(),
  }));

  const pieces = sheets.flatMap((_, i) => {
    const d = dims[i]!;
    const sampled = Math.min(SAMPLE_ROWS, d.rows);
    const perRow = estimateRowBytes(blocks[i]!.values);
    return planRowChunks(d.rows - sampled, perRow).map((c) => ({
      sheet: i,
      start: sampled + c.start,
      count: c.count,
      bytes: c.count * perRow,
    }));
  });
  for (const batch of packIntoSyncs(pieces)) {
    const ranges = batch.map((p) =>
      sheets[p.sheet]!.ws.getRangeByIndexes(
        dims[p.sheet]!.row + p.start,
        dims[p.sheet]!.col,
        p.count,
        dims[p.sheet]!.cols,
      ).load("values"),
    );
    await context.sync();
    batch.forEach((p, k) => {
      const into = blocks[p.sheet]!.values;
      for (const row of ranges[k]!.values) into.push(row);
    });
  }
  return blocks;
}

/** Pads rows to one width: Excel wants a rectangle. */
export function rectangle<T>(rows: readonly (readonly T[])[], fill: T): T[][] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) =>
    r.length === width ? [...r] : [...r, ...Array.from({ length: width - r.length }, () => fill)],
  );
}

/** Writes a block of rows at (row0, col0), in chunks that each stay under the budget. */
export async function writeRows(
  budget: SyncBudget,
  ws: Excel.Worksheet,
  row0: number,
  col0: number,
  rows: readonly (readonly (string | number | boolean)[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const grid = rectangle(rows, "" as string | number | boolean);
  const width = grid[0]!.length;
  for (const c of planWriteChunks(grid)) {
    const slice = grid.slice(c.start, c.start + c.count);
    await budget.reserve(jsonBytes(slice));
    ws.getRangeByIndexes(row0 + c.start, col0, c.count, width).values = slice;
  }
}

/** One number format down a column: the payload is one string per cell, so it is chunked like values. */
export async function formatColumn(
  budget: SyncBudget,
  ws: Excel.Worksheet,
  row0: number,
  col: number,
  count: number,
  format: string,
): Promise<void> {
  const perRow = format.length + 5;
  for (const c of planRowChunks(count, perRow)) {
    await budget.reserve(c.count * perRow);
    ws.getRangeByIndexes(row0 + c.start, col, c.count, 1).numberFormat = Array.from({ length: c.count }, () => [
      format,
    ]);
  }
}
