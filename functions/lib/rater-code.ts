import type { HttpRequest } from "@azure/functions";
import { ProblemError } from "./problem.ts";
import { clientOf, recordWrongCode, refuseIfThrottled } from "./guess-throttle.ts";
import { closedProblem, readDoc, readMeta, unusedCode, type SessionDoc } from "../store/sessions.ts";
import { codeIsGenuine, groupIndexOfCode, normaliseCode, sessionOfCode } from "../store/session-codes.ts";

// A session's MAC secret never changes: one read per session and process.
const secrets = new Map<string, string | null>();
async function secretOf(id: string): Promise<string | null> {
  if (!secrets.has(id)) {
    const meta = await readMeta(id);
    if (!meta) return null; // not cached: the session may be opened later
    secrets.set(id, meta.secret);
  }
  return secrets.get(id)!;
}

export const unknownCode = () =>
  new ProblemError(404, "code-unknown", {
    "zh-CN": "测评码无效：请核对测评条上的码，或重新扫码",
    en: "this code is not valid: check the code on your slip, or scan it again",
  });
export const usedCode = () =>
  new ProblemError(409, "code-used", {
    "zh-CN": "此测评码已投过票，每个码只能投一次；如非本人所投，请告知会议组织者",
    en: "this code has already voted; each code votes once. If it was not you, tell the meeting's organiser",
  });

export interface ResolvedCode {
  code: string;
  id: string;
  doc: SessionDoc;
  group: string;
}

// A session's status, read at most once a second per process on the submit path. Safe: a submit that
// slips past a close it has not seen yet fails its transaction, because closing deletes the code rows first.
const statusSeen = new Map<string, { status: string; at: number }>();
async function recentStatus(id: string): Promise<string | undefined> {
  const seen = statusSeen.get(id);
  if (seen && (seen.status === "closed" || Date.now() - seen.at < 1000)) return seen.status;
  const meta = await readMeta(id);
  if (meta) statusSeen.set(id, { status: meta.status, at: Date.now() });
  return meta?.status;
}

/**
 * From a code as typed or scanned to its open session and rater group; refuses, in this order: a guess
 * (429 once the client or session has guessed too often, else 404), a closed session (410) and, when
 * `checkUnused` (loading the form), a burnt code (409). A genuine code is never throttled. The submit
 * path skips the code row: its transaction fails on a burnt code anyway.
 */
export async function resolveCode(req: HttpRequest, text: string, checkUnused: boolean): Promise<ResolvedCode> {
  const client = clientOf(req);
  const code = normaliseCode(text);
  const id = sessionOfCode(code);
  const secret = id ? await secretOf(id) : null;
  if (!id || !secret || !codeIsGenuine(code, secret)) {
    refuseIfThrottled(client, id);
    recordWrongCode(client, id);
    throw unknownCode();
  }
  const doc = await readDoc(id);
  const group = doc?.groups[groupIndexOfCode(code)];
  if (!doc || !group) throw unknownCode();
  if (!checkUnused) {
    if ((await recentStatus(id)) !== "open") throw closedProblem();
    return { code, id, doc, group: group.key };
  }
  // One round trip: the session's status and the code's row are read together.
  const [meta, row] = await Promise.all([readMeta(id), unusedCode(id, code)]);
  if (!meta) throw unknownCode();
  if (meta.status !== "open") throw closedProblem();
  if (!row) {
    // Between the status read and now the session may have closed (closing deletes unused codes).
    const again = await readMeta(id);
    if (again?.status !== "open") throw closedProblem();
    throw usedCode();
  }
  return { code, id, doc, group: group.key };
}
