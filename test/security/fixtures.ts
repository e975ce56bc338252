import { expect } from "vitest";
import type { Stack } from "../integration/harness.ts";

export const ballot = (ballotId: string, raterGroup: string, cadreId: string, s: number, gradeVote = "称职") => ({
  ballotId,
  raterGroup,
  cadreId,
  morality: s,
  ability: s,
  diligence: s,
  achievement: s,
  integrity: s,
  gradeVote,
});

export interface Scored {
  policy: { id: string; version: number; sha256: string };
  cadres: {
    cadreId: string;
    name: string;
    unit: string;
    post: string;
    composite: number | null;
    groups: Record<string, unknown>;
  }[];
  issues: unknown[];
}

/** Scores two cadres under the published default policy (or the inline one given). */
export async function scoreTwo(
  stack: Stack,
  opts: { policy?: unknown; names?: [string, string] } = {},
): Promise<Scored> {
  const [n1, n2] = opts.names ?? ["张三", "李四"];
  const res = await stack.call("assessor", "/score", {
    method: "POST",
    json: {
      ...(opts.policy ? { policy: opts.policy } : { policyId: "default" }),
      cadres: [
        { cadreId: "C001", name: n1, unit: "财政局", post: "principal" },
        { cadreId: "C002", name: n2, unit: "财政局", post: "deputy" },
      ],
      ballots: [
        ballot("1", "superior", "C001", 92),
        ballot("2", "peer", "C001", 89.5),
        ballot("3", "subordinate", "C001", 90),
        ballot("1", "superior", "C002", 78),
        ballot("2", "peer", "C002", 81),
      ],
    },
  });
  expect(res.status).toBe(200);
  return res.json();
}

export async function submit(
  stack: Stack,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
  role: "assessor" | string = "assessor",
): Promise<Response> {
  if (role === "assessor") return stack.call("assessor", "/sheets", { method: "POST", json: body, headers });
  return fetch(`${stack.apiBase}/sheets`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${role}`, ...headers },
    body: JSON.stringify(body),
  });
}

/** Every page of a paged list. */
export async function allPages<T>(stack: Stack, path: string, role: "hr" | "admin" = "hr"): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const sep = path.includes("?") ? "&" : "?";
    const res = await stack.call(role, `${path}${token ? `${sep}continuationToken=${encodeURIComponent(token)}` : ""}`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: T[]; continuationToken?: string };
    items.push(...page.items);
    token = page.continuationToken;
    if (!token) break;
  }
  return items;
}
