import { z } from "zod";
import { DIMENSIONS } from "../vocabulary.ts";
import { BilingualSchema, GradeSchema, ReasonSchema, VerdictSchema } from "./result.ts";
import { PolicyIdentitySchema, PolicySchema } from "./policy.ts";

/** Contracts shared by the functions and their clients (add-in, custom functions). */

export const PolicyRefSchema = z
  .object({
    policyId: z.string().optional(),
    version: z.number().int().positive().optional(),
    policy: PolicySchema.optional().meta({ description: "An inline policy instead of a published one" }),
  })
  .meta({ description: "Which policy: a published id (latest or a version), or an inline policy; default: the built-in default" });

const count = z.number().int().nonnegative().max(1_000_000_000);
const score = z.union([z.number().finite().min(0).max(10_000), z.string().regex(/^\d+(\.\d+)?$/)]);

export const VerdictItemSchema = z.object({
  excellent: count,
  competent: count,
  basic: count,
  incompetent: count,
  blank: count.default(0),
  composite: score.optional(),
  dimensions: z.object(Object.fromEntries(DIMENSIONS.map((d) => [d, score.optional()])) as Record<(typeof DIMENSIONS)[number], z.ZodOptional<typeof score>>).optional(),
  disciplinary: z.boolean().optional(),
  attendees: count.optional(),
  expected: count.optional(),
});
export type VerdictItem = z.input<typeof VerdictItemSchema>;

export const VerdictRequestSchema = PolicyRefSchema.extend({
  items: z.array(VerdictItemSchema).min(1).max(10_000),
});
export type VerdictRequest = z.input<typeof VerdictRequestSchema>;

export const VerdictResultSchema = z.object({
  grade: GradeSchema.nullable(),
  verdict: VerdictSchema,
  reviewRequired: z.boolean(),
  provisional: z.boolean(),
  n: z.number().int(),
  reasons: z.array(ReasonSchema),
});
export type VerdictResultItem = z.infer<typeof VerdictResultSchema>;

export const VerdictResponseSchema = z.object({
  policy: PolicyIdentitySchema,
  results: z.array(VerdictResultSchema),
});
export type VerdictResponse = z.infer<typeof VerdictResponseSchema>;

export const QuorumRequestSchema = PolicyRefSchema.extend({
  attendees: count,
  expected: z.number().int().positive().max(1_000_000_000),
});
export const QuorumResponseSchema = z.object({
  policy: PolicyIdentitySchema,
  valid: z.boolean(),
  attendees: z.number().int(),
  expected: z.number().int(),
  fraction: z.string(),
  percent: z.string(),
  threshold: z.string(),
  message: BilingualSchema,
});
