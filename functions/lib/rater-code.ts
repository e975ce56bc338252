import type { HttpRequest } from "@azure/functions";
import { ProblemError } from "./problem.ts";
import { clientOf, recordWrongCode, refuseIfThrottled } from "./guess-throttle.ts";
import { closedProblem, readDoc, readMeta, unusedCode, type SessionDoc } from "../store/sessions.ts";
import { codeIsGenuine, normaliseCode, sessionOfCode } from "../store/session-codes.ts";

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
  etag: string;
}

/**
 * From a code as typed or scanned to its open session and unused code row; refuses, in this order:
 * a guess (429 once the client or session has guessed too often, else 404), a closed session (410),
 * a burnt code (409). A genuine code is never throttled.
 */
export async function resolveCode(req: HttpRequest, text: string): Promise<ResolvedCode> {
  const client = clientOf(req);
  const code = normaliseCode(text);
  const id = sessionOfCode(code);
  const secret = id ? await secretOf(id) : null;
  if (!id || !secret || !codeIsGenuine(code, secret)) {
    refuseIfThrottled(client, id);
    recordWrongCode(client, id);
    throw unknownCode();
  }
  // One round trip: the session's status and the code's row are read together.
  const [meta, doc, row] = await Promise.all([readMeta(id), readDoc(id), unusedCode(id, code)]);
  if (!meta || !doc) throw unknownCode();
  if (meta.status !== "open") throw closedProblem();
  if (!row) {
    // Between the status read and now the session may have closed (closing deletes unused codes).
    const again = await readMeta(id);
    if (again?.status !== "open") throw closedProblem();
    throw usedCode();
  }
  return { code, id, doc, group: row.group, etag: row.etag };
}
