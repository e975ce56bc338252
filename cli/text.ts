import type { Bilingual } from "../shared/index.ts";

/** Terminal columns a string takes: CJK and full-width characters are two wide. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

export const padEnd = (text: string, width: number) => text + " ".repeat(Math.max(0, width - displayWidth(text)));

/** A plain table with aligned columns; the first row is the header. */
export function formatTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, k) => Math.max(...rows.map((r) => displayWidth(r[k] ?? ""))));
  const line = (r: string[]) =>
    r
      .map((cell, k) => padEnd(cell, widths[k]!))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join("\n");
}

/** zh-CN first, English on the next line. */
export const bilingualLines = (m: Bilingual, indent = "") => `${indent}${m["zh-CN"]}\n${indent}${m.en}`;
