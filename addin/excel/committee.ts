/**
 * The committee's entries on 考核结果 (组织认定等次 and 备注): read before re-scoring and written back by cadre id,
 * so a new order of cadres, or a cadre leaving the result, never loses what the committee wrote. Pure.
 */
import { REPORT_HEADERS, REPORT_COL } from "../../shared/report/index.ts";

export type EntryValue = string | number | boolean;
export interface CommitteeEntry {
  name: string;
  confirmed: EntryValue;
  note: EntryValue;
}

const headerWord = (h: string) => h.split("\n")[0]!;
const ID = headerWord(REPORT_HEADERS[REPORT_COL.id]);
const NAME = headerWord(REPORT_HEADERS[2]);
const CONFIRMED = headerWord(REPORT_HEADERS[REPORT_COL.confirmed]);
const NOTE = headerWord(REPORT_HEADERS[REPORT_COL.note]);

const filled = (v: unknown) => v !== "" && v !== null && v !== undefined;

/**
 * Entries by cadre id from a sheet's values (any offset: the header is found by its words, so a column the user
 * inserted does not mislead it). Rows without an id or without an entry are skipped.
 */
export function readCommitteeEntries(values: readonly (readonly unknown[])[]): Map<string, CommitteeEntry> {
  const entries = new Map<string, CommitteeEntry>();
  const at = values.findIndex((row) => row.some((v) => typeof v === "string" && v.startsWith(CONFIRMED)));
  if (at < 0) return entries;
  const header = values[at]!.map((v) => (typeof v === "string" ? headerWord(v) : ""));
  const col = (word: string) => header.findIndex((h) => h.startsWith(word));
  const [id, name, confirmed, note] = [col(ID), col(NAME), col(CONFIRMED), col(NOTE)];
  if (id < 0) return entries;
  for (const row of values.slice(at + 1)) {
    const key = String(row[id] ?? "").trim();
    const c = confirmed >= 0 ? row[confirmed] : "";
    const n = note >= 0 ? row[note] : "";
    if (!key || (!filled(c) && !filled(n))) continue;
    entries.set(key, {
      name: String(row[name] ?? ""),
      confirmed: filled(c) ? (c as EntryValue) : "",
      note: filled(n) ? (n as EntryValue) : "",
    });
  }
  return entries;
}
