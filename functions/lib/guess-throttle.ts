import type { HttpRequest } from "@azure/functions";
import { ProblemError } from "./problem.ts";

/**
 * Code guessing is throttled per client and per session: after too many wrong codes in a minute,
 * further WRONG codes get 429 at once. A genuine code (one carrying its session's MAC) is never
 * throttled, so a rater behind the same hall Wi-Fi as a guesser is not locked out.
 */
export const PER_CLIENT_PER_MINUTE = 20;
export const PER_SESSION_PER_MINUTE = 200;
const WINDOW_MS = 60_000;

const failures = new Map<string, number[]>();

function recent(key: string, now: number): number[] {
  const list = (failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  if (list.length === 0) failures.delete(key);
  else failures.set(key, list);
  return list;
}

/**
 * The client's address as Azure's front end reports it: its own header, else the last X-Forwarded-For
 * hop (the one the nearest proxy appended; the first ones are whatever the client claimed).
 */
export function clientOf(req: HttpRequest): string {
  const azure = req.headers.get("x-azure-clientip")?.trim();
  const forwarded = req.headers.get("x-forwarded-for")?.split(",").pop()?.trim();
  return (azure || forwarded || "unknown").replace(/:\d+$/, "");
}

/** Throws 429 when this client or session has used up its wrong guesses for the minute. */
export function refuseIfThrottled(client: string, session: string | undefined, now = Date.now()): void {
  const overClient = recent(`c:${client}`, now).length >= PER_CLIENT_PER_MINUTE;
  const overSession = session !== undefined && recent(`s:${session}`, now).length >= PER_SESSION_PER_MINUTE;
  if (overClient || overSession)
    throw new ProblemError(
      429,
      "too-many-guesses",
      {
        "zh-CN": "错误的测评码输入过多，请一分钟后再试；请核对测评条上的码（扫码可避免输错）",
        en: "too many wrong codes; try again in a minute, and check the code on your slip (scanning avoids typing errors)",
      },
      { headers: { "Retry-After": "60" } },
    );
}

export function recordWrongCode(client: string, session: string | undefined, now = Date.now()): void {
  for (const key of [`c:${client}`, ...(session ? [`s:${session}`] : [])]) {
    const list = recent(key, now);
    list.push(now);
    failures.set(key, list);
  }
  // Bounded memory: an attacker rotating addresses cannot grow the map without limit.
  if (failures.size > 50_000) failures.clear();
}
