/** The meeting checks of spec section 3: counts that cannot be right make the cadre's result provisional. */
import type { Reason } from "../schemas/result.ts";
import { reasonMessages } from "../messages.ts";
import type { CompiledPolicy } from "./compile.ts";

export interface MeetingCounts {
  /** 实到 */
  attendees?: number;
  /** 应到 */
  expected?: number;
  /** 发出 */
  issued?: number;
  /** 收回 */
  returned?: number;
}

/**
 * Fired checks only (each makes the result provisional and reviewRequired): more valid ballots than attendees,
 * attendees above expected, returned above issued, and a meeting below the quorum (attendees * q.d < expected * q.n).
 */
export function meetingChecks(compiled: CompiledPolicy, ballots: number, m: MeetingCounts): Reason[] {
  const out: Reason[] = [];
  const fired = (rule: Parameters<typeof reasonMessages.meeting>[0], a: number, b: number, threshold?: string) =>
    out.push({
      rule,
      fraction: `${a}/${b}`,
      ...(threshold ? { threshold } : {}),
      fired: true,
      message: reasonMessages.meeting(rule, a, b, threshold),
    });
  if (m.attendees !== undefined && ballots > m.attendees) fired("ballots_exceed_attendees", ballots, m.attendees);
  if (m.attendees !== undefined && m.expected !== undefined) {
    if (m.attendees > m.expected) fired("attendance_exceeds_expected", m.attendees, m.expected);
    const q = compiled.thresholds.quorum;
    if (BigInt(m.attendees) * q.d < BigInt(m.expected) * q.n)
      fired("quorum_not_met", m.attendees, m.expected, q.d === 1n ? `${q.n}` : `${q.n}/${q.d}`);
  }
  if (m.issued !== undefined && m.returned !== undefined && m.returned > m.issued)
    fired("returned_exceeds_issued", m.returned, m.issued);
  return out;
}
