/** io's side of the shared reader: raw tables in, the engine's rows out, the reader's refusals as InputErrors. */
import { TableError, type AssessmentTables } from "../shared/index.ts";
import { InputError } from "./errors.ts";

export type ReadInput = AssessmentTables;

/** Runs a reader step; a table the reader refuses becomes the CLI's and the functions' InputError (exit 3, 4xx). */
export function asInputError<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof TableError) throw new InputError(e.code, e.bilingual, e.details);
    throw e;
  }
}
