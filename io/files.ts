import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Policy } from "../shared/index.ts";
import { InputError } from "./errors.ts";
import { parsePolicy } from "./policy.ts";
import { readCsvPair, type ReadProgress } from "./read-csv.ts";
import { readWorkbook } from "./read-xlsx.ts";
import type { ReadInput } from "./tables.ts";

/** Node-only file access; the readers themselves take bytes so the functions can reuse them. */
export async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new InputError("file_not_found", { "zh-CN": `找不到文件「${path}」`, en: `file not found: ${path}` });
    if (code === "EISDIR")
      throw new InputError("file_not_found", {
        "zh-CN": `「${path}」是文件夹，不是文件`,
        en: `${path} is a folder, not a file`,
      });
    throw new InputError("file_not_found", {
      "zh-CN": `无法读取文件「${path}」（${code ?? "?"}）`,
      en: `cannot read ${path} (${code ?? "?"})`,
    });
  }
}

/** Writes an output file; a path the user cannot write to is their mistake to fix, said in both languages. */
export async function writeOutput(path: string, bytes: Uint8Array | string): Promise<void> {
  try {
    await writeFile(path, bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? { zh: "所在文件夹不存在", en: "its folder does not exist" }
        : code === "EISDIR"
          ? { zh: "这是一个文件夹", en: "it is a folder" }
          : code === "EACCES" || code === "EPERM"
            ? { zh: "没有写入权限", en: "permission denied" }
            : code === "EBUSY"
              ? { zh: "文件正被占用（是否在 Excel 中打开？）", en: "the file is in use (open in Excel?)" }
              : { zh: `系统错误 ${code ?? "?"}`, en: `system error ${code ?? "?"}` };
    throw new InputError("cannot_write", {
      "zh-CN": `无法写入「${path}」：${why.zh}`,
      en: `cannot write ${path}: ${why.en}`,
    });
  }
}

export type InputFiles = { workbook: string } | { cadres: string; ballots: string };

export async function readInputFiles(files: InputFiles, onProgress?: ReadProgress): Promise<ReadInput> {
  if ("workbook" in files) return readWorkbook(await readBytes(files.workbook), basename(files.workbook), onProgress);
  const [cadres, ballots] = await Promise.all([readBytes(files.cadres), readBytes(files.ballots)]);
  return readCsvPair(
    { bytes: cadres, name: basename(files.cadres) },
    { bytes: ballots, name: basename(files.ballots) },
    onProgress,
  );
}

export async function readPolicyFile(path: string): Promise<Policy> {
  return parsePolicy(new TextDecoder().decode(await readBytes(path)), basename(path));
}
