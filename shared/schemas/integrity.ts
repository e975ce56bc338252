import { z } from "zod";
import { BilingualSchema } from "./result.ts";

/**
 * Text a person typed that must not deceive another: control characters, and the invisible ones
 * (zero-width, bidirectional overrides) that make two ids look alike or reorder what is shown.
 */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/u;
export const INVISIBLE_CHARS = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]/u;

/** The form two ids are compared in: NFC, without invisible characters, trimmed. */
export const normaliseId = (s: string): string =>
  s.normalize("NFC").replace(new RegExp(INVISIBLE_CHARS.source, "gu"), "").trim();

/** Why a text (or an id, which also may not hold invisible characters) is refused, "中文 | English". */
export function textProblem(value: string, kind: "text" | "id"): string | undefined {
  if (CONTROL_CHARS.test(value))
    return "不能含控制字符（如换行、制表符），请删去后重试 | must not contain control characters (line breaks, tabs and the like); remove them and retry";
  if (kind === "id" && INVISIBLE_CHARS.test(value))
    return "不能含不可见字符（零宽字符或文字方向控制符），请重新输入此编号 | must not contain invisible characters (zero-width or text-direction controls); retype this id";
  return undefined;
}

/** A zod refinement refusing what textProblem refuses. */
export const plainText =
  (kind: "text" | "id") =>
  (value: string, ctx: z.RefinementCtx): void => {
    const message = textProblem(value, kind);
    if (message) ctx.addIssue({ code: "custom", message });
  };

// ---- signed checkpoints of the audit chain ----

export const CheckpointSchema = z
  .object({
    seq: z.number().int().min(-1).meta({ description: "the last entry covered (-1: the empty chain)" }),
    head: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .meta({ description: "that entry's hash" }),
    at: z.string().max(40).meta({ description: "ISO 8601 time the checkpoint was signed" }),
    keyId: z.string().max(40).meta({ description: "which chain key signed it" }),
    signature: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .meta({ description: "HMAC-SHA256 over seq, head, at and keyId" }),
  })
  .meta({ description: "A signed checkpoint of the audit chain, to be filed outside the system" });
export type Checkpoint = z.infer<typeof CheckpointSchema>;

export const CheckpointCheckSchema = z.object({
  ok: z.boolean(),
  checkpoint: CheckpointSchema,
  message: BilingualSchema,
});
