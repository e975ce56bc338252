import { access } from "node:fs/promises";
import { basename, extname, resolve } from "node:path";
import { realpath } from "node:fs/promises";
import {
  DEFAULT_SURVEY_POLICY,
  fieldProblems,
  ITEM_KIND_LABELS,
  scoreSurveyWithIdentity,
  SurveyPolicySchema,
  SurveyResultSchema,
  type SurveyPolicy,
  type SurveyResult,
} from "../shared/index.ts";
import { InputError } from "../io/index.ts";
import { readBytes, writeOutput } from "../io/files.ts";
import { readSurveyWorkbook, surveyToCsv, writeSurveyWorkbook } from "../io/survey/index.ts";
import { UsageError } from "./errors.ts";
import type { Output } from "./score.ts";
import { formatTable } from "./text.ts";

export interface SurveyOptions {
  positionals: string[];
  policy?: string;
  lastYear?: string;
  period?: string;
  out?: string;
  force?: boolean;
  json?: boolean;
}

/** A JSON file checked against a schema; each field problem listed with its path. */
async function readJsonFile<T>(
  path: string,
  schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: never } },
  what: { zh: string; en: string },
): Promise<T> {
  const text = Buffer.from(await readBytes(path)).toString("utf8");
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new InputError("invalid_policy", {
      "zh-CN": `${what.zh}「${path}」不是有效的 JSON：${(e as Error).message}`,
      en: `${what.en} ${path} is not valid JSON: ${(e as Error).message}`,
    });
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = fieldProblems(parsed.error);
  throw new InputError(
    "invalid_policy",
    {
      "zh-CN": `${what.zh}「${path}」有 ${problems.length} 处问题`,
      en: `${what.en} ${path} has ${problems.length} problem(s)`,
    },
    problems.map((p) => ({
      "zh-CN": `${p.pointer || "/"}：${p.message["zh-CN"]}`,
      en: `${p.pointer || "/"}: ${p.message.en}`,
    })),
  );
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );
const samePath = async (a: string, b: string) =>
  (await realpath(a).catch(() => resolve(a))) === (await realpath(b).catch(() => resolve(b)));

/** `kaoping survey <workbook>`: scores a 一报告两评议 survey; prints, --json, or --out a workbook/CSV. */
export async function surveyCommand(o: SurveyOptions, out: Output): Promise<number> {
  if (o.positionals.length !== 1)
    throw new UsageError(
      `请给出一个评议工作簿 .xlsx（收到 ${o.positionals.length} 个）`,
      `give one survey workbook .xlsx (got ${o.positionals.length})`,
    );
  const workbook = o.positionals[0]!;
  const format = o.out === undefined ? undefined : extname(o.out).toLowerCase();
  if (format !== undefined && format !== ".xlsx" && format !== ".csv")
    throw new UsageError(`--out 须以 .xlsx 或 .csv 结尾：${o.out}`, `--out must end in .xlsx or .csv: ${o.out}`);
  if (o.period !== undefined && !/^\d{4}$/.test(o.period))
    throw new UsageError(
      `--period 须为四位年份，如 2026：${o.period}`,
      `--period must be a four-digit year, e.g. 2026: ${o.period}`,
    );
  if (o.out !== undefined) {
    if (await samePath(o.out, workbook))
      throw new UsageError(
        `--out 不能是输入的工作簿本身「${o.out}」：请另取文件名，原始评议数据不会被覆盖`,
        `--out cannot be the input workbook itself (${o.out}): choose another name; the survey data is never overwritten`,
      );
    if (!o.force && (await exists(o.out)))
      throw new UsageError(
        `「${o.out}」已存在：如确要替换，请加 --force`,
        `${o.out} already exists: add --force to replace it`,
      );
  }
  const policy: SurveyPolicy =
    o.policy !== undefined
      ? await readJsonFile(o.policy, SurveyPolicySchema as never, { zh: "评议方案", en: "survey policy" })
      : DEFAULT_SURVEY_POLICY;
  const lastYear: SurveyResult | undefined =
    o.lastYear !== undefined
      ? await readJsonFile(o.lastYear, SurveyResultSchema as never, { zh: "上年评议结果", en: "last year's result" })
      : undefined;
  const tables = await readSurveyWorkbook(await readBytes(workbook), basename(workbook));
  for (const { sheet, header } of tables.ignoredColumns)
    out.stderr(
      `注意：「${sheet}」的列「${header}」不是已知字段，未读取\nNote: column "${header}" of ${sheet} is not a known field and was not read\n`,
    );
  const result = await scoreSurveyWithIdentity(tables, policy, {
    period: o.period,
    lastYear,
    sheets: tables.sheets,
  });
  if (o.out !== undefined) {
    const bytes = format === ".csv" ? surveyToCsv(result, policy) : await writeSurveyWorkbook(result, policy);
    await writeOutput(o.out, bytes);
    (o.json ? out.stderr : out.stdout)(
      `已写入 ${o.out}（${result.items.length} 个项目，${result.units.length} 个单位，${result.issues.length} 个问题）\nWrote ${o.out} (${result.items.length} items, ${result.units.length} units, ${result.issues.length} issues)\n`,
    );
  }
  if (o.json) out.stdout(JSON.stringify(result, null, 2) + "\n");
  else if (o.out === undefined) out.stdout(surveySummary(result));
  return 0;
}

const MAX_ISSUES_SHOWN = 20;

/** The terminal summary: one line per item and unit; withheld groups show only that they are withheld. */
export function surveySummary(result: SurveyResult): string {
  const fig = (s: SurveyResult["items"][number]["stats"]) =>
    "withheld" in s
      ? [String(s.answers), "不足3份 withheld", "—"]
      : [String(s.answers), s.positive ? `${s.positive.percent}%` : "—", s.index === null ? "—" : s.index.toFixed(2)];
  const change = (c: number | null | undefined) =>
    c === null || c === undefined ? "—" : (c > 0 ? "+" : "") + c.toFixed(2);
  const rows = [
    ["单位 Unit", "项目 Item", "答案 Answers", "好评率 Positive", "指数 Index", "较上年 Change", "标记 Flags"],
    ...result.items.map((i) => [
      i.unit,
      `${i.title}（${ITEM_KIND_LABELS[i.kind]["zh-CN"]}）`,
      ...fig(i.stats),
      change(i.lastYear?.change),
      i.flags.includes("verify") ? "须核实 verify" : "",
    ]),
    ...result.units.map((u) => [
      u.unit,
      `单位综合 overall（${u.respondents} 人）`,
      ...fig(u.stats),
      change(u.lastYear?.change),
      u.flags.includes("supervise") ? "重点督导 supervise" : "",
    ]),
  ];
  const flagged = [...result.items, ...result.units].flatMap((x) =>
    x.reasons
      .filter((r) => r.fired && r.rule !== "withheld")
      .map((r) => `  - ${r.message["zh-CN"]}\n    ${r.message.en}`),
  );
  const issues = result.issues.slice(0, MAX_ISSUES_SHOWN).map((i) => `  - ${i.message["zh-CN"]}\n    ${i.message.en}`);
  const more = result.issues.length - issues.length;
  return [
    formatTable(rows),
    "",
    flagged.length ? `标记 Flags:\n${flagged.join("\n")}` : "无标记 No flags",
    "",
    result.issues.length
      ? `问题 Issues (${result.issues.length}):\n${issues.join("\n")}${more > 0 ? `\n  … 另有 ${more} 个，见 --json 或 --out | ${more} more in --json or --out` : ""}`
      : "无问题 No issues",
    "",
  ].join("\n");
}
