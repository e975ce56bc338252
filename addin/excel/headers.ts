/** The headers the add-in writes (the template): Chinese label first, then the JSON key, e.g. 「德 morality」. */
import { BALLOT_FIELDS, CADRE_FIELDS } from "../../shared/index.ts";

export type FieldLabels = Record<string, string>;

export const CADRE_HEADERS: FieldLabels = CADRE_FIELDS;
export const BALLOT_HEADERS: FieldLabels = BALLOT_FIELDS;

/** The bilingual header we write: Chinese label first, then the JSON key. */
export const bilingualHeader = (key: string, labels: FieldLabels): string => `${labels[key] ?? key} ${key}`;
