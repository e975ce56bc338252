/** Chunk planning under Excel on the web's 5 MB payload cap: pure, so it is tested without Excel. */

/** Keep each request well under the 5 MB cap: headroom for the request envelope and our estimate's error. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;

const encoder = new TextEncoder();
export const jsonBytes = (v: unknown): number => encoder.encode(JSON.stringify(v) ?? "").length;

/** Bytes per row estimated from sample rows, with a margin for rows longer than the sample's. */
export function estimateRowBytes(sample: readonly unknown[][]): number {
  if (sample.length === 0) return 64;
  return Math.ceil((jsonBytes(sample) / sample.length) * 1.5) + 16;
}

export interface RowChunk {
  start: number; // first row, relative
  count: number;
}

/** Splits `total` rows into chunks of at most `budget` estimated bytes each (at least one row per chunk). */
export function planRowChunks(total: number, bytesPerRow: number, budget = PAYLOAD_BUDGET): RowChunk[] {
  const per = Math.max(1, Math.floor(budget / Math.max(1, bytesPerRow)));
  const chunks: RowChunk[] = [];
  for (let start = 0; start < total; start += per) chunks.push({ start, count: Math.min(per, total - start) });
  return chunks;
}

/** Splits rows we are about to write by their exact JSON size. */
export function planWriteChunks(rows: readonly unknown[][], budget = PAYLOAD_BUDGET): RowChunk[] {
  const chunks: RowChunk[] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    const b = jsonBytes(row) + 1;
    if (i > start && bytes + b > budget) {
      chunks.push({ start, count: i - start });
      start = i;
      bytes = 0;
    }
    bytes += b;
  });
  if (rows.length > start) chunks.push({ start, count: rows.length - start });
  return chunks;
}

/** Packs sized items into as few syncs as possible, each under the budget, keeping their order. */
export function packIntoSyncs<T extends { bytes: number }>(items: readonly T[], budget = PAYLOAD_BUDGET): T[][] {
  const syncs: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    if (current.length > 0 && bytes + item.bytes > budget) {
      syncs.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += item.bytes;
  }
  if (current.length) syncs.push(current);
  return syncs;
}

/** Splits text into pieces under Excel's 32,767-character cell limit, never between a surrogate pair. */
export function splitForCells(text: string, max = 30_000): string[] {
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + max, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(text.slice(i, end));
    i = end;
  }
  return parts;
}
