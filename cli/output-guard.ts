import { access } from "node:fs/promises";
import { resolve } from "node:path";
import { UsageError } from "./errors.ts";

/** The results never replace an input file, and replace an existing file only when asked (--force). */
export async function guardOutput(out: string, inputs: readonly string[], force: boolean | undefined): Promise<void> {
  if (inputs.some((i) => resolve(i) === resolve(out)))
    throw new UsageError(
      `--out 不能是输入文件本身：${out}（请换一个文件名，以免覆盖原始票据）`,
      `--out cannot be an input file: ${out} (choose another name so the ballots are kept)`,
    );
  if (force) return;
  const exists = await access(out).then(
    () => true,
    () => false,
  );
  if (exists)
    throw new UsageError(
      `「${out}」已存在；如要覆盖请加 --force，或换一个文件名`,
      `${out} already exists; add --force to replace it, or choose another name`,
    );
}
