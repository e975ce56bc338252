import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Policy } from "../shared/index.ts";
import { InputError } from "./errors.ts";
import { parsePolicy } from "./policy.ts";
import { readCsvPair } from "./read-csv.ts";
import { readWorkbook } from "./read-xlsx.ts";
import type { ReadInput } from "./rows.ts";

/** Node-only file access; the readers themselves take bytes so the functions can reuse them. */
export async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError("file_not_found", { "zh-CN": `找不到文件「${path}」`, en: `file not found: ${path}` });
    if (code === "EISDIR") throw new InputError("file_not_found", { "zh-CN": `「${path}」是文件夹，不是文件`, en: `${path} is a folder, not a file` });
    throw new InputError("file_not_found", { "zh-CN": `无法读取文件「${path}」（${code ?? "?"}）`, en: `cannot read ${path} (${code ?? "?"})` });
  }
}

export type InputFiles = { workbook: string } | { cadres: string; ballots: string };

export async function readInputFiles(files: InputFiles): Promise<ReadInput> {
  if ("workbook" in files) return readWorkbook(await readBytes(files.workbook), basename(files.workbook));
  const [cadres, ballots] = await Promise.all([readBytes(files.cadres), readBytes(files.ballots)]);
  return readCsvPair({ bytes: cadres, name: basename(files.cadres) }, { bytes: ballots, name: basename(files.ballots) });
}

export async function readPolicyFile(path: string): Promise<Policy> {
  return parsePolicy(new TextDecoder().decode(await readBytes(path)), basename(path));
}
