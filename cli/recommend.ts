import { basename, extname } from "node:path";
import { ZodError } from "zod";
import {
  decideVote,
  decisionAnnouncement,
  decisionFromGrid,
  GridError,
  meetingFromGrid,
  RECOMMENDATION_SHEETS,
  recommendationAnnouncements,
  roundAnnouncements,
  roundSheetNames,
  roundsFromGrids,
  runRounds,
  tallyRecommendation,
  type Grid,
  type Policy,
} from "../shared/index.ts";
import { builtInPolicy, InputError } from "../io/index.ts";
import { readBytes, readPolicyFile, writeOutput } from "../io/files.ts";
import { csvGrid, readGrids } from "../io/read-recommendation.ts";
import {
  decisionDetails,
  recommendationDetails,
  roundsDetails,
  writeResultsWorkbook,
} from "../io/write-recommendation.ts";
import { UsageError } from "./errors.ts";
import { guardOutput } from "./output-guard.ts";
import { decisionText, recommendationText, roundsText } from "./recommend-text.ts";
import type { Output } from "./score.ts";

export interface RecommendOptions {
  positionals: string[];
  posts?: string;
  ballots?: string;
  votes?: string;
  expected?: string;
  attendees?: string;
  members?: string;
  title?: string;
  date?: string;
  policy?: string;
  policyId?: string;
  out?: string;
  json?: boolean;
  force?: boolean;
}

async function choosePolicy(o: RecommendOptions): Promise<Policy> {
  if (o.policy !== undefined && o.policyId !== undefined)
    throw new UsageError("--policy 与 --policy-id 只能选一个", "use --policy or --policy-id, not both");
  return o.policy !== undefined ? readPolicyFile(o.policy) : builtInPolicy(o.policyId ?? "default");
}

/** Grid and zod refusals as the CLI's bilingual input errors, naming the field. */
function asInputError(e: unknown): unknown {
  if (e instanceof GridError) return new InputError("invalid_cell", e.bilingual);
  if (e instanceof ZodError)
    return new InputError(
      "invalid_cell",
      { "zh-CN": "推荐票数据不符合要求", en: "the ballot data is not acceptable" },
      e.issues.map((i) => ({ "zh-CN": `${i.path.join(".")}：${i.message}`, en: `${i.path.join(".")}: ${i.message}` })),
    );
  return e;
}

function checkOut(out: string | undefined) {
  if (out !== undefined && extname(out).toLowerCase() !== ".xlsx")
    throw new UsageError(`--out 须以 .xlsx 结尾：${out}`, `--out must end in .xlsx: ${out}`);
}

function oneWorkbook(o: RecommendOptions): string | undefined {
  if (o.positionals.length > 1)
    throw new UsageError(
      `只能给出一个工作簿，收到 ${o.positionals.length} 个`,
      `give one workbook, got ${o.positionals.length}`,
    );
  return o.positionals[0];
}

/** Meeting counts and labels given on the command line, as the rows the grid reader expects. */
function flagRows(o: RecommendOptions, counts: ("expected" | "attendees" | "members")[]): unknown[][] {
  const labels = { expected: "应到", attendees: "实到", members: "应到" } as const;
  const rows: unknown[][] = [];
  if (o.title) rows.push(["会议名称", o.title]);
  if (o.date) rows.push(["会议日期", o.date]);
  for (const k of counts) {
    if (o[k] === undefined) throw new UsageError(`用 CSV 时须给出 --${k}`, `with CSV files give --${k}`);
    rows.push([labels[k], o[k]]);
  }
  return rows;
}

const have = (grids: Map<string, Grid>, name: string) => grids.get(name);

async function emit(
  out: Output,
  o: RecommendOptions,
  inputs: string[],
  text: string,
  json: unknown,
  write: () => Promise<Uint8Array>,
  sheets: number,
) {
  if (o.out !== undefined) {
    await guardOutput(o.out, inputs, o.force);
    await writeOutput(o.out, await write());
    (o.json ? out.stderr : out.stdout)(
      `已写入 ${o.out}（${sheets} 张现场公布表）\nWrote ${o.out} (${sheets} announcement sheets)\n`,
    );
  }
  out.stdout(o.json ? JSON.stringify(json, null, 2) + "\n" : text);
}

/** kaoping recommend: a 民主推荐 meeting (sheet 民主推荐 or --posts/--ballots CSV), or the rounds of a 公推公选. */
export async function recommendCommand(o: RecommendOptions, out: Output): Promise<number> {
  checkOut(o.out);
  const workbook = oneWorkbook(o);
  const policy = await choosePolicy(o);
  try {
    if (workbook !== undefined) {
      if (o.posts !== undefined || o.ballots !== undefined)
        throw new UsageError(
          "请给出工作簿，或 --posts 与 --ballots，二者不可同时使用",
          "give a workbook or --posts with --ballots, not both",
        );
      const grids = await readGrids(await readBytes(workbook), basename(workbook));
      const meeting = have(grids, RECOMMENDATION_SHEETS.meeting);
      if (meeting) {
        const r = tallyRecommendation(policy, meetingFromGrid(meeting));
        const a = recommendationAnnouncements(r);
        await emit(
          out,
          o,
          [workbook],
          recommendationText(r),
          r,
          () => writeResultsWorkbook(a, recommendationDetails(r)),
          a.length,
        );
        return 0;
      }
      const selection = have(grids, RECOMMENDATION_SHEETS.selection);
      if (selection) {
        const rounds = roundSheetNames([...grids.keys()]).map((name) => ({ name, grid: grids.get(name)! }));
        if (rounds.length === 0)
          throw new InputError("missing_sheet", {
            "zh-CN": `「${basename(workbook)}」有「公推公选」表，但没有「第1轮」等轮次工作表`,
            en: `${basename(workbook)} has a 公推公选 sheet but no round sheets (第1轮 …)`,
          });
        const r = runRounds(policy, roundsFromGrids(selection, rounds));
        const a = roundAnnouncements(r);
        await emit(out, o, [workbook], roundsText(r), r, () => writeResultsWorkbook(a, roundsDetails(r)), a.length);
        return 0;
      }
      throw new InputError("missing_sheet", {
        "zh-CN": `「${basename(workbook)}」中没有「民主推荐」或「公推公选」工作表。现有：${[...grids.keys()].map((n) => `「${n}」`).join(" ")}`,
        en: `${basename(workbook)} has no 民主推荐 or 公推公选 sheet. Sheets found: ${[...grids.keys()].join(", ")}`,
      });
    }
    if (o.posts === undefined || o.ballots === undefined)
      throw new UsageError(
        "缺少输入：请给出工作簿 .xlsx，或同时给出 --posts 和 --ballots",
        "missing input: give a .xlsx workbook, or both --posts and --ballots",
      );
    const head = flagRows(o, ["expected", "attendees"]);
    const posts = csvGrid(await readBytes(o.posts), basename(o.posts));
    const ballots = csvGrid(await readBytes(o.ballots), basename(o.ballots));
    // The CSV files stacked as one sheet; ballot rows are then given back their own line numbers.
    const offset = head.length + posts.length + 1;
    const input = meetingFromGrid([...head, ...posts, [], ...ballots], basename(o.ballots));
    input.ballots = input.ballots.map((b) => ({ ...b, row: (b.row ?? 0) - offset }));
    const r = tallyRecommendation(policy, input);
    const a = recommendationAnnouncements(r);
    await emit(
      out,
      o,
      [o.posts, o.ballots],
      recommendationText(r),
      r,
      () => writeResultsWorkbook(a, recommendationDetails(r)),
      a.length,
    );
    return 0;
  } catch (e) {
    throw asInputError(e);
  }
}

/** kaoping decide: a 票决 (sheet 票决, or --votes CSV with --members and --attendees). */
export async function decideCommand(o: RecommendOptions, out: Output): Promise<number> {
  checkOut(o.out);
  const workbook = oneWorkbook(o);
  try {
    let grid: Grid;
    let inputs: string[];
    if (workbook !== undefined) {
      const grids = await readGrids(await readBytes(workbook), basename(workbook));
      const found = have(grids, RECOMMENDATION_SHEETS.decision);
      if (!found)
        throw new InputError("missing_sheet", {
          "zh-CN": `「${basename(workbook)}」中没有「票决」工作表。现有：${[...grids.keys()].map((n) => `「${n}」`).join(" ")}`,
          en: `${basename(workbook)} has no 票决 sheet. Sheets found: ${[...grids.keys()].join(", ")}`,
        });
      grid = found;
      inputs = [workbook];
    } else {
      if (o.votes === undefined)
        throw new UsageError(
          "缺少输入：请给出含「票决」表的工作簿，或 --votes 票数.csv 与 --members、--attendees",
          "missing input: give a workbook with a 票决 sheet, or --votes votes.csv with --members and --attendees",
        );
      grid = [...flagRows(o, ["members", "attendees"]), [], ...csvGrid(await readBytes(o.votes), basename(o.votes))];
      inputs = [o.votes];
    }
    const r = decideVote(decisionFromGrid(grid));
    const a = [decisionAnnouncement(r)];
    await emit(out, o, inputs, decisionText(r), r, () => writeResultsWorkbook(a, decisionDetails(r)), 1);
    return 0;
  } catch (e) {
    throw asInputError(e);
  }
}
