import { execFile, spawnSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";

/** Calc's "recalculate on load" for OOXML: 0 = always, so no cached value can stand in for a formula. */
const ALWAYS_RECALC = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Fails loudly (never skips) when LibreOffice is missing: CI installs libreoffice-calc-nogui. */
export function requireSoffice(): void {
  const probe = spawnSync("soffice", ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      "LibreOffice is required for the conformance tests but `soffice` could not be run " +
        `(${probe.error?.message ?? `exit ${probe.status}`}). Install it: apt-get install libreoffice-calc-nogui`,
    );
  }
}

/**
 * Opens each workbook in headless LibreOffice Calc with its own profile, recalculates every formula,
 * and saves the first sheet as UTF-8 CSV with values as displayed (number formats applied).
 */
export async function recalculateToCsv(workDir: string, xlsxPaths: string[]): Promise<Map<string, string[][]>> {
  const profile = join(workDir, "lo-profile");
  await mkdir(join(profile, "user"), { recursive: true });
  await writeFile(join(profile, "user", "registrymodifications.xcu"), ALWAYS_RECALC);
  const outDir = join(workDir, "lo-out");
  await mkdir(outDir, { recursive: true });
  const args = [
    "--headless",
    "--norestore",
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    "--convert-to",
    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true",
    "--outdir",
    outDir,
    ...xlsxPaths,
  ];
  await new Promise<void>((resolve, reject) => {
    execFile("soffice", args, { timeout: 120_000 }, (error, _stdout, stderr) =>
      error ? reject(new Error(`soffice failed: ${error.message}\n${stderr}`)) : resolve(),
    );
  });
  const tables = new Map<string, string[][]>();
  for (const path of xlsxPaths) {
    const csv = join(outDir, basename(path).replace(/\.xlsx$/, ".csv"));
    tables.set(path, parse(await readFile(csv, "utf8"), { relax_column_count: true }) as string[][]);
  }
  return tables;
}

/** Prints a workbook to PDF in headless LibreOffice (every sheet, with its own page setup); returns the PDF's path. */
export async function printToPdf(workDir: string, xlsxPath: string): Promise<string> {
  const profile = join(workDir, "lo-pdf-profile");
  await mkdir(join(profile, "user"), { recursive: true });
  const outDir = join(workDir, "lo-pdf");
  await mkdir(outDir, { recursive: true });
  const args = [
    "--headless",
    "--norestore",
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    "--convert-to",
    "pdf",
    "--outdir",
    outDir,
    xlsxPath,
  ];
  await new Promise<void>((resolve, reject) => {
    execFile("soffice", args, { timeout: 120_000 }, (error, _stdout, stderr) =>
      error ? reject(new Error(`soffice failed: ${error.message}\n${stderr}`)) : resolve(),
    );
  });
  return join(outDir, basename(xlsxPath).replace(/\.xlsx$/, ".pdf"));
}
