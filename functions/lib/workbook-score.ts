import { z } from "zod";
import { scoreWithIdentity, type AssessmentResult, type Policy } from "../../shared/index.ts";
import { InputError, readWorkbook } from "../../io/index.ts";
import { PolicyIdParam, VersionParam } from "./params.ts";
import { resolvePolicy } from "./policy-ref.ts";
import { ProblemError, refusedInput } from "./problem.ts";

const Count = z
  .string()
  .regex(/^\d{1,7}$/, "须为非负整数 | must be a whole number, 0 or more")
  .transform(Number);

/** What a flow sets next to the uploaded workbook: the policy and the meeting counts, as the CLI's flags. */
export const WorkbookScoreQuery = z.object({
  policyId: PolicyIdParam.optional().meta({
    description: "考核方案编号，默认为内置方案 default / Policy id; default: the built-in default",
  }),
  version: VersionParam.optional().meta({
    description: "方案版本，默认为最新发布版本 / Policy version; default: the latest published",
  }),
  attendees: Count.optional().meta({ description: "实到人数 / Attendees (实到)" }),
  expected: Count.optional().meta({ description: "应到人数 / Expected attendees (应到)" }),
  issued: Count.optional().meta({ description: "发出票数 / Ballots issued (发出)" }),
  returned: Count.optional().meta({ description: "收回票数 / Ballots returned (收回)" }),
  gradeVotes: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v !== "false")
    .meta({
      description:
        "测评票是否设等次票；false 时不评价得票规则（同命令行 --no-votes）/ Whether the form carries grade votes; false: no vote rule is evaluated (the CLI's --no-votes)",
    }),
});
export type WorkbookScoreQuery = z.output<typeof WorkbookScoreQuery>;

/**
 * Scores an uploaded workbook through the CLI's reader and the shared engine, so a flow, the CLI and the
 * add-in get one answer for one file. Columns the reader did not know are returned, never dropped unsaid.
 */
export async function scoreUploadedWorkbook(
  file: Uint8Array,
  query: WorkbookScoreQuery,
): Promise<{
  policy: Policy;
  result: AssessmentResult;
  input: Awaited<ReturnType<typeof readWorkbook>>;
  ignoredColumns: { sheet: string; header: string }[];
}> {
  const { policy, identity } = await resolvePolicy({ policyId: query.policyId, version: query.version });
  let input;
  try {
    input = await readWorkbook(file, "upload.xlsx");
  } catch (e) {
    if (e instanceof InputError)
      throw new ProblemError(422, "unreadable-workbook", e.bilingual, {
        errors: e.details.map((message) => ({ pointer: "", path: [], message })),
      });
    throw e;
  }
  const meeting = {
    attendees: query.attendees,
    expected: query.expected,
    issued: query.issued,
    returned: query.returned,
  };
  let result: AssessmentResult;
  try {
    result = scoreWithIdentity(policy, identity, {
      cadres: input.cadres,
      ballots: input.ballots,
      sheets: input.sheets,
      meeting,
      gradeVotes: query.gradeVotes,
      voteColumn: input.voteColumn,
      ballotHeaders: input.ballotHeaders,
    });
  } catch (e) {
    // The whole form refused (no grade-vote column while the policy has vote rules): the user's to fix.
    return refusedInput(e);
  }
  return { policy, result, input, ignoredColumns: input.ignoredColumns };
}

/** Unknown columns, said in a header a flow can read (the JSON result keeps the section 8 shape). */
export const ignoredColumnsHeader = (ignored: { sheet: string; header: string }[]): Record<string, string> =>
  ignored.length
    ? { "X-Kaoping-Ignored-Columns": encodeURIComponent(ignored.map((c) => `${c.sheet}!${c.header}`).join(", ")) }
    : {};
