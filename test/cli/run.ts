import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Table } from "../../examples/tables.ts";
import { tablesToXlsx, tableToCsv } from "../../examples/write-tables.ts";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const FIXTURES = join(ROOT, "test/fixtures/workbooks");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command as a user would (tsx over bin/kaoping.ts) in a child process. */
export function runCli(args: string[], entry = "bin/kaoping.ts"): Promise<CliRun> {
  const argv = entry.endsWith(".ts") ? ["--import", "tsx", entry, ...args] : [entry, ...args];
  return new Promise((resolve) => {
    execFile(process.execPath, argv, { cwd: ROOT, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export const tempDir = () => mkdtemp(join(tmpdir(), "kaoping-cli-"));

/** Writes a two-sheet workbook; sheet names and header rows are the caller's choice. */
export async function writeWorkbook(
  dir: string,
  file: string,
  cadres: { name: string; table: Table },
  ballots: { name: string; table: Table },
) {
  const path = join(dir, file);
  await writeFile(path, await tablesToXlsx([cadres, ballots]));
  return path;
}

export async function writeCsv(dir: string, file: string, table: Table, bom = true) {
  const path = join(dir, file);
  await writeFile(path, tableToCsv(table, bom));
  return path;
}

/** No stack trace lines ("    at foo (file:1:2)") or Node error dumps reach the user. */
export const hasStackTrace = (text: string) =>
  /^\s+at .+[:(]/m.test(text) || /node:internal|triggerUncaughtException/.test(text);
