import { execFile, spawnSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";

/** Fails loudly (never skips) when poppler-utils is missing: scripts/setup.sh installs it. */
export function requirePoppler(): void {
  const probe = spawnSync("pdfinfo", ["-v"], { encoding: "utf8" });
  if (probe.error) throw new Error("pdfinfo (poppler-utils) is required: apt-get install poppler-utils");
}

const run = (cmd: string, args: string[]) =>
  new Promise<string>((resolve, reject) =>
    execFile(cmd, args, { timeout: 120_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${cmd} failed: ${error.message}\n${stderr}`)) : resolve(stdout),
    ),
  );

/** Prints workbooks to PDF with headless LibreOffice, as a user's 打印 would; returns the PDF paths. */
export async function printToPdf(workDir: string, xlsxPaths: string[]): Promise<string[]> {
  const profile = join(workDir, "lo-profile-pdf");
  await mkdir(profile, { recursive: true });
  const outDir = join(workDir, "pdf");
  await run("soffice", [
    "--headless",
    "--norestore",
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    "--convert-to",
    "pdf",
    "--outdir",
    outDir,
    ...xlsxPaths,
  ]);
  return xlsxPaths.map((p) => join(outDir, basename(p).replace(/\.xlsx$/, ".pdf")));
}

export async function pdfPages(pdf: string): Promise<number> {
  const info = await run("pdfinfo", [pdf]);
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

export async function pdfPageText(pdf: string, page: number): Promise<string> {
  return run("pdftotext", ["-f", String(page), "-l", String(page), "-layout", pdf, "-"]);
}

export async function pdfPageSize(pdf: string): Promise<string> {
  return /^Page size:\s+(.+)$/m.exec(await run("pdfinfo", [pdf]))?.[1] ?? "";
}
