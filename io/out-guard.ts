/** The CLI never destroys what the user gave it: an output that is an input, or that exists, is refused. */
import { access, realpath } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "./errors.ts";

/** The real path of a file, or of where it would be created (its folder's real path plus its name). */
async function realTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    try {
      return join(await realpath(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * Refuses each output that is the same file as an input (through links or another spelling of the path),
 * and each that already exists unless `force`.
 */
export async function guardOutputs(outputs: readonly string[], inputs: readonly string[], force: boolean) {
  const inputPaths = new Map(await Promise.all(inputs.map(async (p) => [await realTarget(p), p] as const)));
  for (const out of outputs) {
    const input = inputPaths.get(await realTarget(out));
    if (input !== undefined)
      throw new InputError("out_is_input", {
        "zh-CN": `输出文件「${out}」就是输入文件「${input}」，写入会覆盖您的干部名单和测评票：请用 --out 指定另一个文件名`,
        en: `the output ${out} is the input ${input}; writing it would destroy your cadre list and ballots: give --out another file name`,
      });
    if (!force && (await exists(out)))
      throw new InputError("output_exists", {
        "zh-CN": `输出文件「${out}」已存在，未作改动：请换一个文件名，或加 --force 覆盖它`,
        en: `the output ${out} already exists and was left as it is: choose another name, or add --force to overwrite it`,
      });
  }
}

/** Where the issues of a CSV result go: next to it, "scored.csv" -> "scored.issues.csv". */
export const issuesPathFor = (csvPath: string): string => csvPath.replace(/(\.csv)?$/i, ".issues.csv");
