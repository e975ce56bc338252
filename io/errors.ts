import type { Bilingual } from "../shared/index.ts";

/** Exit codes of the `kaoping` command (and the status families the functions map them to). */
export const EXIT = { ok: 0, usage: 2, input: 3 } as const;

export type InputErrorCode =
  | "file_not_found"
  | "not_a_workbook"
  | "not_csv"
  | "missing_sheet"
  | "missing_header"
  | "duplicate_header"
  | "merged_header"
  | "two_row_header"
  | "no_vote_column"
  | "out_is_input"
  | "output_exists"
  | "invalid_cell"
  | "invalid_policy"
  | "cannot_write"
  | "usage"
  | "service";

/** A problem with what the user gave us: always explained in both languages, never a stack trace. */
export class InputError extends Error {
  readonly bilingual: Bilingual;
  readonly code: InputErrorCode;
  readonly exitCode: number;
  /** Extra lines (e.g. each field problem of a policy), already bilingual. */
  readonly details: Bilingual[];

  constructor(code: InputErrorCode, message: Bilingual, details: Bilingual[] = [], exitCode: number = EXIT.input) {
    super(`${message["zh-CN"]} | ${message.en}`);
    this.name = "InputError";
    this.code = code;
    this.bilingual = message;
    this.details = details;
    this.exitCode = exitCode;
  }
}
