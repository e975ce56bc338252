import { extname } from "node:path";
import { score, type Policy } from "../shared/index.ts";
import { builtInPolicy, resultToCsv, writeScoredWorkbook } from "../io/index.ts";
import { readInputFiles, readPolicyFile, writeOutput, type InputFiles } from "../io/files.ts";
import { UsageError } from "./errors.ts";
import { summaryText } from "./summary.ts";

export interface ScoreOptions {
  positionals: string[];
  cadres?: string;
  ballots?: string;
  policy?: string;
  policyId?: string;
  out?: string;
  json?: boolean;
  /** Meeting counts (实到/应到) when the policy's vote base is attendees or expected. */
  attendees?: string;
  expected?: string;
}

function meetingCount(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()))
    throw new UsageError(
      `--${option} 须为非负整数：${value}`,
      `--${option} must be a whole number, 0 or more: ${value}`,
    );
  return Number(value);
}

export interface Output {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

function inputFiles(o: ScoreOptions): InputFiles {
  const csv = o.cadres !== undefined || o.ballots !== undefined;
  if (o.positionals.length > 1)
    throw new UsageError(
      `只能给出一个工作簿，收到 ${o.positionals.length} 个`,
      `give one workbook, got ${o.positionals.length}`,
    );
  const [workbook] = o.positionals;
  if (workbook !== undefined && csv)
    throw new UsageError(
      "请给出工作簿，或 --cadres 与 --ballots，二者不可同时使用",
      "give a workbook or --cadres with --ballots, not both",
    );
  if (workbook !== undefined) return { workbook };
  if (o.cadres === undefined || o.ballots === undefined) {
    throw new UsageError(
      "缺少输入：请给出工作簿 .xlsx，或同时给出 --cadres 和 --ballots",
      "missing input: give a .xlsx workbook, or both --cadres and --ballots",
    );
  }
  return { cadres: o.cadres, ballots: o.ballots };
}

async function choosePolicy(o: ScoreOptions): Promise<Policy> {
  if (o.policy !== undefined && o.policyId !== undefined)
    throw new UsageError("--policy 与 --policy-id 只能选一个", "use --policy or --policy-id, not both");
  return o.policy !== undefined ? readPolicyFile(o.policy) : builtInPolicy(o.policyId ?? "default");
}

export async function scoreCommand(o: ScoreOptions, out: Output): Promise<number> {
  const files = inputFiles(o);
  const format = o.out === undefined ? undefined : extname(o.out).toLowerCase();
  if (format !== undefined && format !== ".xlsx" && format !== ".csv") {
    throw new UsageError(`--out 须以 .xlsx 或 .csv 结尾：${o.out}`, `--out must end in .xlsx or .csv: ${o.out}`);
  }
  const meeting = { attendees: meetingCount("attendees", o.attendees), expected: meetingCount("expected", o.expected) };
  const policy = await choosePolicy(o);
  const input = await readInputFiles(files);
  // Columns we did not read are said out loud: nothing the user typed disappears silently.
  for (const { sheet, header } of input.ignoredColumns) {
    out.stderr(
      `注意：「${sheet}」的列「${header}」不是已知字段，未读取\nNote: column "${header}" of ${sheet} is not a known field and was not read\n`,
    );
  }
  const result = await score(policy, { cadres: input.cadres, ballots: input.ballots, sheets: input.sheets, meeting });

  if (o.out !== undefined) {
    const bytes =
      format === ".csv" ? resultToCsv(result, policy) : await writeScoredWorkbook(result, policy, { input });
    await writeOutput(o.out, bytes);
    const note = `已写入 ${o.out}（${result.cadres.length} 名干部，${result.issues.length} 个问题）\nWrote ${o.out} (${result.cadres.length} cadres, ${result.issues.length} issues)\n`;
    (o.json ? out.stderr : out.stdout)(note);
  }
  if (o.json) out.stdout(JSON.stringify(result, null, 2) + "\n");
  else if (o.out === undefined) out.stdout(summaryText(result, policy));
  return 0;
}
