import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";

const run = (cmd: string, args: string[]) =>
  new Promise<string>((resolve, reject) =>
    execFile(cmd, args, { timeout: 180_000, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${cmd} failed: ${error.message}\n${stderr}`)) : resolve(stdout),
    ),
  );

/** Prints a workbook to PDF with headless LibreOffice (its own profile), as a user's "Export as PDF" would. */
export async function workbookToPdf(workDir: string, xlsxPath: string): Promise<string> {
  const profile = join(workDir, "lo-profile-pdf");
  await mkdir(join(profile, "user"), { recursive: true });
  await writeFile(join(profile, "user", "registrymodifications.xcu"), "");
  const outDir = join(workDir, "pdf-out");
  await mkdir(outDir, { recursive: true });
  await run("soffice", [
    "--headless",
    "--norestore",
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    "--convert-to",
    "pdf",
    "--outdir",
    outDir,
    xlsxPath,
  ]);
  return join(outDir, basename(xlsxPath).replace(/\.xlsx$/, ".pdf"));
}

/** The PDF's text in reading layout (poppler-utils' pdftotext), one string per page. */
export async function pdfPages(pdf: string): Promise<string[]> {
  const text = await run("pdftotext", ["-layout", "-enc", "UTF-8", pdf, "-"]);
  return text.split("\f").filter((p) => p.trim().length > 0);
}

/** Each page's size in points, from pdfinfo. */
export async function pdfPageSizes(pdf: string): Promise<{ width: number; height: number }[]> {
  const info = await run("pdfinfo", ["-f", "1", "-l", "999", pdf]);
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}
