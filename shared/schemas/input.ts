import { z } from "zod";

/** A cell as it arrives from a sheet, CSV or JSON: rows are validated by the engine, which reports, never drops. */
const Cell = z.union([z.number(), z.string(), z.null()]).optional();
const Id = z.union([z.string().max(200), z.number()]).transform((v) => String(v).trim());

export const CadreRowSchema = z.object({
  cadreId: Id,
  name: z.string().max(200),
  unit: z.string().max(200).default(""),
  post: z.string().max(200).meta({ description: "岗位类别: key or label" }),
  /** A recorded disciplinary finding (一票否决). */
  disciplinary: z.boolean().optional(),
  /** Per-cadre meeting counts when voteRules.base is attendees or expected. */
  attendees: z.number().int().nonnegative().optional(),
  expected: z.number().int().nonnegative().optional(),
  /** Ballots issued (发出) and returned (收回) for this cadre's meeting: returned above issued is an error of the meeting. */
  issued: z.number().int().nonnegative().optional(),
  returned: z.number().int().nonnegative().optional(),
  /** The sheet row (header is row 1); defaults to position + 2. */
  row: z.number().int().positive().optional(),
});
export type CadreRow = z.input<typeof CadreRowSchema>;

export const BallotRowSchema = z.object({
  ballotId: Id,
  raterGroup: z.string().max(200).meta({ description: "测评主体: key or label" }),
  cadreId: Id,
  morality: Cell,
  ability: Cell,
  diligence: Cell,
  achievement: Cell,
  integrity: Cell,
  gradeVote: Cell,
  row: z.number().int().positive().optional(),
});
export type BallotRow = z.input<typeof BallotRowSchema>;

export const MeetingSchema = z.object({
  attendees: z.number().int().nonnegative().optional(),
  expected: z.number().int().nonnegative().optional(),
  issued: z.number().int().nonnegative().optional(),
  returned: z.number().int().nonnegative().optional(),
});

export const AssessmentInputSchema = z.object({
  cadres: z.array(CadreRowSchema).max(100_000),
  ballots: z.array(BallotRowSchema).max(2_000_000),
  meeting: MeetingSchema.optional(),
  /** false: the ballot form carries no grade votes (CLI --no-votes); no vote rule is evaluated (spec section 2). */
  gradeVotes: z.boolean().optional().meta({
    description:
      "false: the ballot form has no grade-vote column (等次); no vote rule is evaluated and each result says so. Otherwise, with a vote rule on, ballots without any gradeVote field are refused (no_vote_column).",
  }),
});
export type AssessmentInput = z.input<typeof AssessmentInputSchema>;
