import {
  checkQuorum,
  parseFraction,
  verdictBatch,
  type Bilingual,
  type Policy,
  type VerdictItem,
  type VerdictResultItem,
} from "../../shared/index.ts";
import type { ApiClient } from "./client.ts";
import { createBatcher, type Batched } from "./batcher.ts";
import { fallsBackLocally } from "./errors.ts";
import { policyRef, type CachedPolicy } from "./policy-cache.ts";

export interface QuorumAnswer {
  valid: boolean;
  fraction: string;
  percent: string;
  message: Bilingual;
  /** Computed locally from the cached policy because the service could not answer. */
  provisional: boolean;
}

export interface QuorumQuestion {
  attendees: number;
  expected: number;
}

export interface RulesServiceOptions {
  client: ApiClient;
  /** The policy to ask for and to fall back on (read on every batch, so a new choice applies at once). */
  policy: () => CachedPolicy;
  windowMs?: number;
  timeoutMs?: number;
}

export interface RulesService {
  verdict: Batched<VerdictItem, VerdictResultItem>;
  quorum: Batched<QuorumQuestion, QuorumAnswer>;
  /** All cadres' verdicts in one request (10,000 per request); local and provisional when the cloud fails. */
  verdictsForAll(
    items: VerdictItem[],
  ): Promise<{ results: VerdictResultItem[]; provisional: boolean; error?: unknown }>;
}

/** The shared engine's verdicts, each marked provisional; a bad item fails alone. */
export function localVerdicts(policy: Policy, items: readonly VerdictItem[]): (VerdictResultItem | Error)[] {
  return items.map((item) => {
    try {
      return { ...verdictBatch(policy, [item])[0]!, provisional: true };
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  });
}

const asError = (why: unknown): Error => (why instanceof Error ? why : new Error(String(why)));

export function localQuorum(policy: Policy, q: QuorumQuestion): QuorumAnswer {
  const r = checkQuorum(q.attendees, q.expected, parseFraction(policy.quorum)!);
  return { valid: r.valid, fraction: r.fraction, percent: r.percent, message: r.message, provisional: true };
}

export function createRulesService(opts: RulesServiceOptions): RulesService {
  const { client } = opts;
  const timeoutMs = opts.timeoutMs ?? 5000;

  const verdict = createBatcher<VerdictItem, VerdictResultItem>({
    windowMs: opts.windowMs,
    timeoutMs,
    maxItems: 10_000,
    send: async (items, signal) => {
      // A cell shows only the verdict: the brief answer is a tenth of the bytes.
      const res = await client.verdict({ ...policyRef(opts.policy()), items, detail: "brief" }, { signal, timeoutMs });
      return res.results;
    },
    // A refused call (401/403/other 4xx) is shown in the cell as an error, never as a provisional verdict.
    fallback: (items, why) =>
      fallsBackLocally(why) ? localVerdicts(opts.policy().policy, items) : items.map(() => asError(why)),
  });

  // Like VERDICT: every QUORUM cell of one recalculation goes out as one request.
  const quorum = createBatcher<QuorumQuestion, QuorumAnswer>({
    windowMs: opts.windowMs,
    timeoutMs,
    maxItems: 10_000,
    send: async (items, signal) => {
      const res = await client.quorumBatch({ ...policyRef(opts.policy()), items }, { signal, timeoutMs });
      return res.results.map((r) => ({
        valid: r.valid,
        fraction: r.fraction,
        percent: r.percent,
        message: r.message,
        provisional: false,
      }));
    },
    fallback: (items, why) =>
      fallsBackLocally(why) ? items.map((q) => localQuorum(opts.policy().policy, q)) : items.map(() => asError(why)),
  });

  const verdictsForAll: RulesService["verdictsForAll"] = async (items) => {
    if (items.length === 0) return { results: [], provisional: false };
    const cached = opts.policy();
    try {
      const results: VerdictResultItem[] = [];
      for (let i = 0; i < items.length; i += 10_000) {
        const res = await client.verdict(
          { ...policyRef(cached), items: items.slice(i, i + 10_000), detail: "brief" },
          { timeoutMs: Math.max(timeoutMs, 15_000) },
        );
        results.push(...res.results);
      }
      return { results, provisional: false };
    } catch (error) {
      // Only an unreachable or failing service means offline; an expired token or a bad request is the user's to see.
      if (!fallsBackLocally(error)) throw error;
      const local = localVerdicts(cached.policy, items);
      const failed = local.find((r) => r instanceof Error);
      if (failed) throw failed;
      return { results: local as VerdictResultItem[], provisional: true, error };
    }
  };

  return { verdict, quorum, verdictsForAll };
}
