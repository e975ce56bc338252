import { z } from "zod";
import { DIMENSIONS } from "../vocabulary.ts";
import { BilingualSchema } from "./result.ts";
import { PolicyIdentitySchema } from "./policy.ts";

/** Electronic ballot sessions (扫码测评, spec section 10): the contracts of the owner's and the rater's endpoints. */

const Text = (max: number) => z.string().trim().min(1).max(max);
const GroupKey = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
    "测评主体键名：字母开头 | rater group key: a letter, then letters, digits, _ or -",
  );

export const SessionCadreSchema = z.object({
  cadreId: Text(64),
  name: Text(100),
  unit: z.string().max(200).default(""),
  post: Text(100),
});
export type SessionCadre = z.infer<typeof SessionCadreSchema>;

export const BallotFormSchema = z.object({
  scores: z
    .enum(["numeric", "levels"])
    .meta({ description: "numeric: points on the policy's scale; levels: the policy's level labels (好, 较好 …)" }),
  gradeVote: z.boolean().meta({ description: "Whether the ballot carries the overall grade vote (等次票)" }),
});
export type BallotForm = z.infer<typeof BallotFormSchema>;

export const SessionOpenSchema = z.object({
  title: Text(200).meta({ description: "The meeting's name, printed on every slip" }),
  policyId: z.string().min(1).max(64),
  version: z.number().int().positive().optional().meta({ description: "Default: the latest published version" }),
  cadres: z.array(SessionCadreSchema).min(1).max(500),
  groups: z
    .array(GroupKey)
    .min(1)
    .max(20)
    .optional()
    .meta({ description: "Rater groups invited; default: every group of the policy" }),
  form: BallotFormSchema,
  expected: z
    .number()
    .int()
    .nonnegative()
    .max(100_000)
    .optional()
    .meta({ description: "应到: raters expected at the meeting (for the 4/5 attendance of spec section 6)" }),
});
export type SessionOpen = z.input<typeof SessionOpenSchema>;

export const GroupProgressSchema = z.object({
  group: z.string(),
  label: z.string(),
  issued: z.number().int(),
  returned: z.number().int(),
});

export const SessionSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(["open", "closing", "closed"]),
  policy: PolicyIdentitySchema,
  form: BallotFormSchema,
  cadres: z.number().int(),
  expected: z.number().int().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  issued: z.number().int(),
  returned: z.number().int(),
  groups: z.array(GroupProgressSchema),
});
export type SessionSummary = z.infer<typeof SessionSummarySchema>;
export const SessionListSchema = z.object({ items: z.array(SessionSummarySchema) });

export const IssueCodesSchema = z.object({
  group: GroupKey,
  count: z.number().int().min(1).max(1000),
});
export const IssuedCodesSchema = z.object({
  group: z.string(),
  label: z.string(),
  title: z.string(),
  codes: z.array(z.string()).meta({ description: "Shown once: the service keeps only their hashes" }),
  issued: z.number().int().meta({ description: "Codes issued to this group so far, these included" }),
});
export type IssuedCodes = z.infer<typeof IssuedCodesSchema>;

const Code = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .meta({ description: "The one-time code from the slip (dashes and case do not matter)" });

export const FormRequestSchema = z.object({ code: Code });

/** What the phone shows: the meeting, the cadres, the dimensions and how to score them. */
export const RaterFormSchema = z.object({
  session: z.string(),
  title: z.string(),
  group: z.object({ key: z.string(), label: z.string() }),
  cadres: z.array(z.object({ cadreId: z.string(), name: z.string(), unit: z.string() })),
  dimensions: z.array(z.object({ key: z.enum(DIMENSIONS), label: BilingualSchema })),
  scores: z.enum(["numeric", "levels"]),
  scale: z.object({ min: z.number(), max: z.number() }),
  levels: z.array(z.object({ label: z.string(), points: z.number() })),
  gradeVote: z.boolean(),
  grades: z.array(z.object({ label: z.string(), en: z.string() })),
});
export type RaterForm = z.infer<typeof RaterFormSchema>;

const Score = z.union([z.number().finite(), z.string().max(20)]);
export const BallotAnswerSchema = z.object({
  cadreId: z.string().max(64),
  morality: Score.optional(),
  ability: Score.optional(),
  diligence: Score.optional(),
  achievement: Score.optional(),
  integrity: Score.optional(),
  gradeVote: z.string().max(20).optional().meta({ description: "优秀, 称职, 基本称职, 不称职, or empty (abstain)" }),
});
export type BallotAnswer = z.infer<typeof BallotAnswerSchema>;

export const BallotSubmitSchema = z.object({ code: Code, answers: z.array(BallotAnswerSchema).max(500) });
export type BallotSubmit = z.infer<typeof BallotSubmitSchema>;

export const ReceiptSchema = z.object({
  receipt: z.string().meta({
    description: "sha256 of the ballot's canonical content with a random salt; appears in the published list",
  }),
  session: z.string(),
});

export const SessionCloseSchema = z.object({
  id: z.string(),
  returned: z.number().int(),
  receiptsSha256: z.string().meta({ description: "sha256 of the canonical JSON of the sorted receipts list" }),
  auditSeq: z.number().int(),
});

export const ReceiptListSchema = z.object({
  session: z.string(),
  title: z.string(),
  closedAt: z.string(),
  receipts: z.array(z.string()),
  receiptsSha256: z.string(),
});

/** The closed session's ballots as rows of the ballot table (spec section 2), ballotId = receipt. */
export const SessionBallotsSchema = z.object({
  session: z.string(),
  policy: PolicyIdentitySchema,
  form: BallotFormSchema,
  rows: z.array(
    z.object({
      ballotId: z.string(),
      raterGroup: z.string(),
      cadreId: z.string(),
      morality: z.union([z.number(), z.string()]),
      ability: z.union([z.number(), z.string()]),
      diligence: z.union([z.number(), z.string()]),
      achievement: z.union([z.number(), z.string()]),
      integrity: z.union([z.number(), z.string()]),
      gradeVote: z.string().optional(),
    }),
  ),
});
export type SessionBallots = z.infer<typeof SessionBallotsSchema>;
