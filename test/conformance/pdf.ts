/** Reading a printed PDF as a reviewer would: page sizes, text, and the font sizes each page sets (poppler-utils). */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";
import { join } from "node:path";

/** Fails loudly (never skips) when poppler-utils is missing: scripts/setup.sh installs it. */
export function requirePoppler(): void {
  const probe = spawnSync("pdfinfo", ["-v"], { encoding: "utf8" });
  if (probe.error)
    throw new Error(
      `poppler-utils is required (pdfinfo, pdftotext, pdfseparate, pdftoppm): apt-get install poppler-utils`,
    );
}

export function pageCount(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
}

/** Each page's size in points, as pdfinfo reports it. */
export function pageSizes(pdf: string, first: number, last: number): { page: number; width: number; height: number }[] {
  const text = execFileSync("pdfinfo", ["-f", String(first), "-l", String(last), pdf], { encoding: "utf8" });
  return [...text.matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({
    page: Number(m[1]),
    width: Number(m[2]),
    height: Number(m[3]),
  }));
}

export function pageText(pdf: string, page: number): string {
  return execFileSync("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" });
}

/**
 * The font sizes a page's text is set in: every `Tf` operator of its content streams (LibreOffice writes text
 * unscaled, so the operand is the printed size in points).
 */
export function fontSizes(pdf: string, page: number, workDir: string): number[] {
  const single = join(workDir, `page-${page}.pdf`);
  execFileSync("pdfseparate", ["-f", String(page), "-l", String(page), pdf, single]);
  const buf = readFileSync(single);
  const raw = buf.toString("latin1");
  const sizes: number[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    let text: string;
    try {
      text = inflateSync(buf.subarray(start, end)).toString("latin1");
    } catch {
      continue; // not a deflated stream (an image, a font program)
    }
    for (const t of text.matchAll(/\/[\w.+-]+\s+([\d.]+)\s+Tf/g)) sizes.push(Number(t[1]));
  }
  return sizes;
}

/** Renders one page to PNG (pdftoppm), at `dpi`. */
export function pagePng(pdf: string, page: number, outBase: string, dpi = 80): void {
  execFileSync("pdftoppm", [
    "-f",
    String(page),
    "-l",
    String(page),
    "-r",
    String(dpi),
    "-png",
    "-singlefile",
    pdf,
    outBase,
  ]);
}
