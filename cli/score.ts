import { extname } from "node:path";
import { score, ScoreRefusal, type AssessmentResult, type Policy } from "../shared/index.ts";
import { builtInPolicy, InputError, resultToCsv, writeScoredWorkbook } from "../io/index.ts";
import { readInputFiles, readPolicyFile, writeOutput, type InputFiles } from "../io/files.ts";
import { guardOutputs, issuesPathFor } from "../io/out-guard.ts";
import { issuesToCsv } from "../io/issues-csv.ts";
import { UsageError } from "./errors.ts";
import { summaryText } from "./summary.ts";
import { PHASES, progressBar, type ProgressMode } from "./progress.ts";

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
  issued?: string;
  returned?: string;
  /** The ballot form carries no grade votes: no vote rule is evaluated (spec section 2). */
  noVotes?: boolean;
  /** Overwrite an existing --out file (never an input). */
  force?: boolean;
  /** The progress bar on stderr: auto (a terminal and a long run), on or off. */
  progress?: ProgressMode;
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
  /** Whether stderr is a terminal (a progress bar may be drawn there). */
  stderrIsTerminal?: boolean;
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
  const meeting = {
    attendees: meetingCount("attendees", o.attendees),
    expected: meetingCount("expected", o.expected),
    issued: meetingCount("issued", o.issued),
    returned: meetingCount("returned", o.returned),
  };
  const outputs = o.out === undefined ? [] : format === ".csv" ? [o.out, issuesPathFor(o.out)] : [o.out];
  const inputs = [...Object.values(files), ...(o.policy === undefined ? [] : [o.policy])];
  // Before anything is read or computed: the user's files are never overwritten by mistake.
  await guardOutputs(outputs, inputs, o.force === true);
  const policy = await choosePolicy(o);
  const bar = progressBar(out.stderr, o.progress ?? "auto", out.stderrIsTerminal === true);
  const input = await readInputFiles(files, (done, total) => bar.update(PHASES.reading, done, total)).finally(() =>
    bar.finish(),
  );
  // Columns we did not read are said out loud: nothing the user typed disappears silently.
  for (const { sheet, header } of input.ignoredColumns) {
    out.stderr(
      `注意：「${sheet}」的列「${header}」不是已知字段，未读取\nNote: column "${header}" of ${sheet} is not a known field and was not read\n`,
    );
  }
  const result = await scoreOrRefuse(policy, {
    cadres: input.cadres,
    ballots: input.ballots,
    sheets: input.sheets,
    meeting,
    gradeVotes: !o.noVotes,
    voteColumn: input.voteColumn,
    ballotHeaders: input.ballotHeaders,
    onProgress: (done, total) => bar.update(PHASES.scoring, done, total),
  }).finally(() => bar.finish());

  if (o.out !== undefined) {
    const counts = {
      zh: `${result.cadres.length} 名干部，${result.issues.length} 个问题`,
      en: `${result.cadres.length} cadres, ${result.issues.length} issues`,
    };
    let note: string;
    if (format === ".csv") {
      // A CSV holds one table: the issues go to a second file, named here, never left out.
      const issuesPath = issuesPathFor(o.out);
      await writeOutput(o.out, resultToCsv(result, policy));
      await writeOutput(issuesPath, issuesToCsv(result));
      note = `已写入 ${o.out}（${counts.zh}），问题清单写入 ${issuesPath}\nWrote ${o.out} (${counts.en}); the issues are in ${issuesPath}\n`;
    } else {
      await writeOutput(o.out, await writeScoredWorkbook(result, policy, { input }));
      note = `已写入 ${o.out}（${counts.zh}）\nWrote ${o.out} (${counts.en})\n`;
    }
    (o.json ? out.stderr : out.stdout)(note);
  }
  if (o.json) out.stdout(JSON.stringify(result, null, 2) + "\n");
  else if (o.out === undefined) out.stdout(summaryText(result, policy));
  return 0;
}

/** The engine's refusal of the whole input (no_vote_column) is the user's to fix: exit 3, bilingual. */
async function scoreOrRefuse(policy: Policy, input: Parameters<typeof score>[1]): Promise<AssessmentResult> {
  try {
    return await score(policy, input);
  } catch (e) {
    if (e instanceof ScoreRefusal) throw new InputError(e.code, e.bilingual);
    throw e;
  }
}
