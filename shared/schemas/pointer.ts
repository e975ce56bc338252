import type { Bilingual } from "../vocabulary.ts";

/** One field's problem: its path, the same path as an RFC 6901 JSON pointer, and what is wrong. */
export interface FieldProblem {
  /** JSON path of the offending field, e.g. "ballots/3/integrity" is ["ballots", 3, "integrity"]. */
  path: (string | number)[];
  pointer: string;
  message: Bilingual;
}

/** RFC 6901: "~" is written "~0" and "/" is written "~1" inside a segment, so any key round-trips. */
export const jsonPointer = (path: readonly PropertyKey[]): string =>
  path.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");

/** A field problem at `path` (symbols, which zod may report, become their description text). */
export function fieldProblem(path: readonly PropertyKey[], message: Bilingual): FieldProblem {
  const plain = path.map((p) => (typeof p === "symbol" ? String(p) : p));
  return { path: plain, pointer: jsonPointer(plain), message };
}
