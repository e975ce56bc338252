import { z } from "zod";
import { BilingualSchema, ReasonSchema } from "./result.ts";

/** Inputs and results of 民主推荐, 公推公选 rounds and 票决 (spec section 6). */

const Name = z.string().trim().min(1).max(200);
const Count = z.number().int().nonnegative().max(10_000_000);
const MeetingLabel = {
  title: z.string().max(200).optional().meta({ description: "会议名称 meeting title, printed on the announcement" }),
  date: z.string().max(40).optional().meta({ description: "会议日期 meeting date as written, e.g. 2026-11-24" }),
};

export const HoldSchema = z.object({
  name: Name,
  reason: z.string().trim().min(1).max(500).meta({ description: "暂缓理由, e.g. 信访举报核查中" }),
});

export const RecommendationPostSchema = z.object({
  key: z.string().trim().min(1).max(64).meta({ description: "The post's key; ballots name candidates under it" }),
  label: z.string().trim().min(1).max(200).meta({ description: "岗位名称, e.g. 办公室主任" }),
  vacancies: z.number().int().min(1).max(1000),
  candidates: z.array(Name).max(10_000).meta({ description: "候选人 printed on the ballot for this post" }),
  holds: z.array(HoldSchema).max(10_000).optional().meta({ description: "三不: candidates held, with the reason" }),
});

export const VoterTypeSchema = z.object({
  key: z.string().trim().min(1).max(64),
  label: z.string().trim().min(1).max(200),
});

export const RecommendationBallotSchema = z.object({
  ballotId: z.union([z.string().max(200), z.number()]).optional(),
  row: z.number().int().positive().optional().meta({ description: "The sheet row, for messages" }),
  voterType: z.string().max(200).optional().meta({ description: "推荐主体: key or label" }),
  choices: z
    .record(z.string(), z.array(z.string().max(200)).max(1000))
    .meta({ description: "Per post key, the names this ballot recommends" }),
});

export const RecommendationMeetingObject = z.object({
  ...MeetingLabel,
  expected: z.number().int().positive().max(10_000_000),
  attendees: Count,
  posts: z.array(RecommendationPostSchema).min(1).max(200),
  voterTypes: z
    .array(VoterTypeSchema)
    .max(50)
    .optional()
    .meta({ description: "推荐主体 of this meeting, when the policy lists none" }),
  ballots: z.array(RecommendationBallotSchema).max(100_000),
  extra: z.number().int().min(1).max(3).optional().meta({ description: "差额: overrides the policy's extra" }),
});

type MeetingShape = z.output<typeof RecommendationMeetingObject>;

/** Ballots x posts of one meeting, and ballots over all rounds: far above any real meeting. */
export const MAX_BALLOT_POSTS = 200_000;

/** Cross-field checks a JSON schema cannot say: unique post keys, holds on listed candidates, known posts. */
export function refineMeeting(m: MeetingShape, ctx: z.RefinementCtx): void {
  // Every ballot is read once per post: the product bounds the work and the size of the answer.
  if (m.posts.length * m.ballots.length > MAX_BALLOT_POSTS)
    ctx.addIssue({
      code: "custom",
      path: ["ballots"],
      message: `推荐票张数乘以岗位数不能超过 ${MAX_BALLOT_POSTS}（现为 ${m.ballots.length} × ${m.posts.length}），请分场次计票 | ballots times posts must not exceed ${MAX_BALLOT_POSTS}; split the meeting`,
    });
  const keys = new Set<string>();
  m.posts.forEach((p, i) => {
    if (keys.has(p.key))
      ctx.addIssue({ code: "custom", path: ["posts", i, "key"], message: `岗位重复：${p.key} | duplicate post` });
    keys.add(p.key);
    const names = new Set(p.candidates.map(norm));
    p.holds?.forEach((h, j) => {
      if (!names.has(norm(h.name)))
        ctx.addIssue({
          code: "custom",
          path: ["posts", i, "holds", j, "name"],
          message: `暂缓人员「${h.name}」不在该岗位候选人名单中 | the held person is not a candidate of this post`,
        });
    });
  });
  m.ballots.forEach((b, i) => {
    for (const key of Object.keys(b.choices))
      if (!keys.has(key))
        ctx.addIssue({
          code: "custom",
          path: ["ballots", i, "choices", key],
          message: `推荐票中的岗位「${key}」不在会议岗位中 | the ballot names a post the meeting does not have`,
        });
  });
}

export const RecommendationInputSchema = RecommendationMeetingObject.superRefine(refineMeeting);
export type RecommendationInput = z.input<typeof RecommendationInputSchema>;
export type RecommendationMeeting = z.output<typeof RecommendationInputSchema>;

/** Names are compared after NFKC and trimming, so a full-width space or a stray blank is not a new person. */
export const norm = (s: string): string => s.normalize("NFKC").trim();

// ---- results ----

export const MeetingCheckSchema = z.object({
  code: z.enum([
    "quorum_not_met",
    "ballots_exceed_attendees",
    "attendance_exceeds_expected",
    "decision_quorum_not_met",
  ]),
  message: BilingualSchema,
});

export const QuorumViewSchema = z.object({
  valid: z.boolean(),
  attendees: z.number().int(),
  expected: z.number().int(),
  fraction: z.string(),
  percent: z.string(),
  threshold: z.string(),
  message: BilingualSchema,
});

export const TypeTallySchema = z.object({
  votes: z.number().int().optional(),
  validBallots: z.number().int(),
  fraction: z.string().optional(),
  percent: z.string().optional(),
  withheld: z.boolean().optional().meta({ description: "Fewer than 3 valid ballots of this type: not shown" }),
});

export const CandidateStatusSchema = z.enum([
  "shortlisted",
  "tie",
  "near_tie",
  "not_shortlisted",
  "below_floor",
  "no_votes",
  "held",
  "meeting_invalid",
]);
export type CandidateStatus = z.infer<typeof CandidateStatusSchema>;

export const CandidateTallySchema = z.object({
  name: z.string(),
  writeIn: z.boolean(),
  votes: z.number().int(),
  fraction: z.string().meta({ description: 'votes / valid ballots of the post, e.g. "21/40"' }),
  percent: z.string(),
  share: z
    .string()
    .meta({ description: "The ranking share as an exact fraction (weighted when the policy weights types)" }),
  sharePercent: z.string(),
  rank: z.number().int().meta({ description: "Competition rank by share (1, 2, 2, 4)" }),
  byType: z.record(z.string(), TypeTallySchema),
  status: CandidateStatusSchema,
  hold: z.string().optional(),
  reasons: z.array(ReasonSchema),
});

export const PostFlagSchema = z.object({
  code: z.enum(["no_competition", "tie", "near_tie", "hold", "no_valid_ballots"]),
  names: z.array(z.string()),
  message: BilingualSchema,
});

export const InvalidBallotSchema = z.object({
  row: z.number().int(),
  ballotId: z.string(),
  post: z.string().optional(),
  code: z.enum(["empty", "too_many", "repeated_name", "not_a_candidate", "unknown_voter_type"]),
  message: BilingualSchema,
});

export const PostResultSchema = z.object({
  key: z.string(),
  label: z.string(),
  vacancies: z.number().int(),
  candidatesOnBallot: z.number().int(),
  places: z.number().int().meta({ description: "v + extra: the shortlist's size" }),
  validBallots: z.number().int(),
  invalidBallots: z.number().int(),
  weights: z
    .record(z.string(), z.string())
    .optional()
    .meta({ description: "The voter-type weights used, renormalised over the types present, as fractions" }),
  types: z.array(
    z.object({ key: z.string(), label: z.string(), validBallots: z.number().int(), withheld: z.boolean() }),
  ),
  candidates: z.array(CandidateTallySchema),
  shortlist: z.array(z.string()),
  tied: z.array(z.string()),
  nearTie: z.array(z.string()),
  held: z.array(z.string()),
  flags: z.array(PostFlagSchema),
  reviewRequired: z.boolean(),
  message: BilingualSchema,
});
export type PostResult = z.infer<typeof PostResultSchema>;

export const RecommendationResultSchema = z.object({
  title: z.string().optional(),
  date: z.string().optional(),
  quorum: QuorumViewSchema,
  ballots: z.number().int(),
  meetingChecks: z.array(MeetingCheckSchema),
  provisional: z.boolean(),
  invalid: z.array(InvalidBallotSchema),
  posts: z.array(PostResultSchema),
  reviewRequired: z.boolean(),
  message: BilingualSchema,
});
export type RecommendationResult = z.infer<typeof RecommendationResultSchema>;

// ---- elimination rounds (公推公选) ----

export const RoundSchema = z.object({
  label: z.string().trim().max(200).optional().meta({ description: "e.g. 第一轮 民主推荐" }),
  advance: z.number().int().min(1).max(1000).meta({ description: "How many advance: a ballot names 1..advance" }),
  expected: z.number().int().positive().max(10_000_000),
  attendees: Count,
  ballots: z
    .array(
      z.object({
        ballotId: z.union([z.string().max(200), z.number()]).optional(),
        row: z.number().int().positive().optional(),
        voterType: z.string().max(200).optional(),
        names: z.array(z.string().max(200)).max(1000),
      }),
    )
    .max(100_000),
});

export const RoundsObject = z.object({
  ...MeetingLabel,
  post: z.string().trim().min(1).max(200).meta({ description: "岗位名称" }),
  vacancies: z.number().int().min(1).max(1000),
  candidates: z.array(Name).min(1).max(10_000),
  holds: z.array(HoldSchema).max(10_000).optional(),
  voterTypes: z.array(VoterTypeSchema).max(50).optional(),
  rounds: z.array(RoundSchema).min(1).max(20),
});

export function refineRounds(r: z.output<typeof RoundsObject>, ctx: z.RefinementCtx): void {
  const total = r.rounds.reduce((n, x) => n + x.ballots.length, 0);
  if (total > MAX_BALLOT_POSTS)
    ctx.addIssue({
      code: "custom",
      path: ["rounds"],
      message: `各轮选票合计不能超过 ${MAX_BALLOT_POSTS} 张（现为 ${total}）| the rounds' ballots must not exceed ${MAX_BALLOT_POSTS} in all`,
    });
}

export const RoundsInputSchema = RoundsObject.superRefine(refineRounds);
export type RoundsInput = z.input<typeof RoundsInputSchema>;

export const RoundResultSchema = z.object({
  round: z.number().int(),
  label: z.string(),
  status: z.enum(["done", "not_run"]),
  entered: z.array(z.string()),
  advanced: z.array(z.string()),
  eliminated: z.array(z.string()),
  quorum: QuorumViewSchema.optional(),
  meetingChecks: z.array(MeetingCheckSchema),
  invalid: z.array(InvalidBallotSchema),
  tally: PostResultSchema.optional(),
  reviewRequired: z.boolean(),
  message: BilingualSchema,
});

export const RoundsResultSchema = z.object({
  title: z.string().optional(),
  date: z.string().optional(),
  post: z.string(),
  vacancies: z.number().int(),
  rounds: z.array(RoundResultSchema),
  finalists: z.array(z.string()),
  flags: z.array(PostFlagSchema),
  reviewRequired: z.boolean(),
  message: BilingualSchema,
});
export type RoundsResult = z.infer<typeof RoundsResultSchema>;

// ---- decision vote (票决) ----

export const DecisionInputSchema = z.object({
  ...MeetingLabel,
  post: z.string().trim().max(200).optional(),
  vacancies: z.number().int().min(1).max(1000).optional(),
  members: z.number().int().positive().max(100_000).meta({ description: "应到: all members of the deciding body" }),
  attendees: Count,
  candidates: z
    .array(z.object({ name: Name, yes: Count, no: Count.default(0), abstain: Count.default(0) }))
    .min(1)
    .max(1000),
});
export type DecisionInput = z.input<typeof DecisionInputSchema>;

export const DecisionResultSchema = z.object({
  title: z.string().optional(),
  date: z.string().optional(),
  post: z.string().optional(),
  members: z.number().int(),
  attendees: z.number().int(),
  valid: z.boolean(),
  quorum: QuorumViewSchema,
  meetingChecks: z.array(MeetingCheckSchema),
  provisional: z.boolean(),
  candidates: z.array(
    z.object({
      name: z.string(),
      yes: z.number().int(),
      no: z.number().int(),
      abstain: z.number().int(),
      fraction: z.string().meta({ description: "yes / members (应到)" }),
      percent: z.string(),
      approved: z.boolean(),
      reasons: z.array(ReasonSchema),
    }),
  ),
  approved: z.array(z.string()),
  reviewRequired: z.boolean(),
  message: BilingualSchema,
});
export type DecisionResult = z.infer<typeof DecisionResultSchema>;
