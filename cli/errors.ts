// The error types alone, not io/index.ts: `kaoping --help` must not load exceljs.
import { EXIT, InputError } from "../io/errors.ts";
import { bilingualLines } from "./text.ts";

/** The command line itself is wrong (exit 2). */
export class UsageError extends InputError {
  constructor(zh: string, en: string) {
    super("usage", { "zh-CN": zh, en }, [], EXIT.usage);
    this.name = "UsageError";
  }
}

/** Everything that reaches the top is printed as a bilingual message, never as a stack trace. */
export function reportError(error: unknown, write: (text: string) => void): number {
  if (error instanceof InputError) {
    const hint = error instanceof UsageError ? "\n用法见 kaoping --help\nSee kaoping --help" : "";
    const details = error.details.map((d) => `  - ${d["zh-CN"]}\n    ${d.en}`).join("\n");
    write(
      `错误：${error.bilingual["zh-CN"]}\nError: ${error.bilingual.en}\n${details ? details + "\n" : ""}${hint ? hint.slice(1) + "\n" : ""}`,
    );
    return error.exitCode;
  }
  const why = error instanceof Error ? error.message : String(error);
  write(
    bilingualLines({
      "zh-CN": `内部错误：${why}（请将此信息报告给维护者）`,
      en: `internal error: ${why} (please report this to the maintainers)`,
    }) + "\n",
  );
  return 1;
}
