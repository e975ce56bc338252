import type { Bilingual } from "../vocabulary.ts";
import { percentString, type Rational } from "../rational.ts";

export interface QuorumResult {
  valid: boolean;
  attendees: number;
  expected: number;
  fraction: string;
  percent: string;
  threshold: string;
  message: Bilingual;
}

/** 五分之四: a meeting is valid iff attendees / expected >= threshold; the exact boundary is valid. */
export function checkQuorum(attendees: number, expected: number, threshold: Rational): QuorumResult {
  const valid = BigInt(attendees) * threshold.d >= BigInt(expected) * threshold.n;
  const t = `${threshold.n}/${threshold.d}`;
  const fraction = `${attendees}/${expected}`;
  const percent = percentString(attendees, expected);
  return {
    valid,
    attendees,
    expected,
    fraction,
    percent,
    threshold: t,
    message: valid
      ? {
          "zh-CN": `实到 ${attendees} 人 / 应到 ${expected} 人（${percent}%），达到 ${t}，会议有效`,
          en: `${attendees} of ${expected} attended (${percent}%), reaching ${t}: the meeting is valid`,
        }
      : {
          "zh-CN": `实到 ${attendees} 人 / 应到 ${expected} 人（${percent}%），未达到 ${t}，会议无效`,
          en: `${attendees} of ${expected} attended (${percent}%), below ${t}: the meeting is not valid`,
        },
  };
}
