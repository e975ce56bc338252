import { parseArgs } from "node:util";
import { reportError, UsageError } from "./errors.ts";
import { HELP } from "./help.ts";
import { scoreCommand, type Output } from "./score.ts";
import { startCommand } from "./start.ts";
import { slipsCommand } from "./slips.ts";

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" },
  out: { type: "string", short: "o" },
  policy: { type: "string" },
  "policy-id": { type: "string" },
  cadres: { type: "string" },
  ballots: { type: "string" },
  attendees: { type: "string" },
  expected: { type: "string" },
  session: { type: "string" },
  group: { type: "string", multiple: true },
  api: { type: "string" },
} as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const option = /'(-[^' ]*)/.exec(why)?.[1] ?? "";
    const code = (e as { code?: string }).code;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
      throw new UsageError(`命令行参数有误：未知选项 ${option}`, `invalid arguments: unknown option ${option}`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
      throw new UsageError(
        `命令行参数有误：选项 ${option} 缺少取值或取值无效`,
        `invalid arguments: option ${option} needs a value`,
      );
    throw new UsageError(`命令行参数有误：${why}`, `invalid arguments: ${why}`);
  }
}

/** Runs the command and returns its exit code; every failure is printed bilingually, never thrown. */
export async function main(
  argv: string[],
  out: Output = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) },
): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    const [command, ...rest] = positionals;
    if (values.help || command === "help") {
      out.stdout(HELP);
      return 0;
    }
    switch (command) {
      case "score":
        return await scoreCommand(
          {
            positionals: rest,
            cadres: values.cadres,
            ballots: values.ballots,
            policy: values.policy,
            policyId: values["policy-id"],
            out: values.out,
            json: values.json,
            attendees: values.attendees,
            expected: values.expected,
          },
          out,
        );
      case "slips":
        return await slipsCommand(
          { session: values.session, groups: values.group ?? [], out: values.out, api: values.api },
          out,
        );
      case "start":
        if (rest.length > 0)
          throw new UsageError(`start 不接受参数：${rest.join(" ")}`, `start takes no arguments: ${rest.join(" ")}`);
        return await startCommand();
      case undefined:
        out.stdout(HELP);
        return 2;
      default:
        throw new UsageError(
          `未知命令「${command}」，可用：score、slips、start`,
          `unknown command "${command}"; use score, slips or start`,
        );
    }
  } catch (error) {
    return reportError(error, out.stderr);
  }
}
