import { parseArgs } from "node:util";
import { reportError, UsageError } from "./errors.ts";
import { HELP } from "./help.ts";
import type { Output } from "./score.ts";
import { VERSION } from "../shared/version.ts";

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
  json: { type: "boolean" },
  out: { type: "string", short: "o" },
  policy: { type: "string" },
  "policy-id": { type: "string" },
  cadres: { type: "string" },
  ballots: { type: "string" },
  attendees: { type: "string" },
  expected: { type: "string" },
  issued: { type: "string" },
  returned: { type: "string" },
  "no-votes": { type: "boolean" },
  posts: { type: "string" },
  votes: { type: "string" },
  members: { type: "string" },
  title: { type: "string" },
  date: { type: "string" },
  force: { type: "boolean" },
  progress: { type: "boolean" },
  "no-progress": { type: "boolean" },
  "last-year": { type: "string" },
  period: { type: "string" },
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
  out: Output = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stderrIsTerminal: process.stderr.isTTY,
  },
): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    const [command, ...rest] = positionals;
    if (values.version) {
      out.stdout(`kaoping ${VERSION}\n`);
      return 0;
    }
    if (values.help || command === "help") {
      out.stdout(HELP);
      return 0;
    }
    switch (command) {
      // Commands load their code when run, so `--help` and a typo answer at once (no exceljs, no engine).
      case "score": {
        const { scoreCommand } = await import("./score.ts");
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
            issued: values.issued,
            returned: values.returned,
            noVotes: values["no-votes"],
            force: values.force,
            progress: values["no-progress"] ? "off" : values.progress ? "on" : "auto",
          },
          out,
        );
      }
      case "recommend":
      case "decide": {
        const options = {
          positionals: rest,
          posts: values.posts,
          ballots: values.ballots,
          votes: values.votes,
          expected: values.expected,
          attendees: values.attendees,
          members: values.members,
          title: values.title,
          date: values.date,
          policy: values.policy,
          policyId: values["policy-id"],
          out: values.out,
          json: values.json,
          force: values.force,
        };
        const { decideCommand, recommendCommand } = await import("./recommend.ts");
        return command === "recommend" ? await recommendCommand(options, out) : await decideCommand(options, out);
      }
      case "survey": {
        const { surveyCommand } = await import("./survey.ts");
        return await surveyCommand(
          {
            positionals: rest,
            policy: values.policy,
            lastYear: values["last-year"],
            period: values.period,
            out: values.out,
            force: values.force,
            json: values.json,
          },
          out,
        );
      }
      case "slips": {
        const { slipsCommand } = await import("./slips.ts");
        return await slipsCommand(
          { session: values.session, groups: values.group ?? [], out: values.out, api: values.api },
          out,
        );
      }
      case "start": {
        if (rest.length > 0)
          throw new UsageError(`start 不接受参数：${rest.join(" ")}`, `start takes no arguments: ${rest.join(" ")}`);
        const { startCommand } = await import("./start.ts");
        return await startCommand();
      }
      case undefined:
        out.stdout(HELP);
        return 2;
      default:
        throw new UsageError(
          `未知命令「${command}」，可用：score、recommend、decide、survey、slips、start`,
          `unknown command "${command}"; use score, recommend, decide, survey, slips or start`,
        );
    }
  } catch (error) {
    return reportError(error, out.stderr);
  }
}
