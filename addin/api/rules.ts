import { checkQuorum, parseFraction, verdictBatch, type Bilingual, type Policy, type VerdictItem, type VerdictResultItem } from "../../shared/index.ts";
import type { ApiClient } from "./client.ts";
import { createBatcher, type Batched } from "./batcher.ts";
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
  /** Quorum has no batch endpoint: at most this many distinct questions in flight at once. */
  quorumConcurrency?: number;
}

export interface RulesService {
  verdict: Batched<VerdictItem, VerdictResultItem>;
  quorum: Batched<QuorumQuestion, QuorumAnswer>;
  /** All cadres' verdicts in one request (10,000 per request); local and provisional when the cloud fails. */
  verdictsForAll(items: VerdictItem[]): Promise<{ results: VerdictResultItem[]; provisional: boolean; error?: unknown }>;
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

export function localQuorum(policy: Policy, q: QuorumQuestion): QuorumAnswer {
  const r = checkQuorum(q.attendees, q.expected, parseFraction(policy.quorum)!);
  return { valid: r.valid, fraction: r.fraction, percent: r.percent, message: r.message, provisional: true };
}

async function pool<T, R>(items: T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await run(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function createRulesService(opts: RulesServiceOptions): RulesService {
  const { client } = opts;
  const timeoutMs = opts.timeoutMs ?? 5000;

  const verdict = createBatcher<VerdictItem, VerdictResultItem>({
    windowMs: opts.windowMs,
    timeoutMs,
    maxItems: 10_000,
    send: async (items, signal) => {
      const res = await client.verdict({ ...policyRef(opts.policy()), items }, { signal, timeoutMs });
      return res.results;
    },
    fallback: (items) => localVerdicts(opts.policy().policy, items),
  });

  const quorum = createBatcher<QuorumQuestion, QuorumAnswer>({
    windowMs: opts.windowMs,
    timeoutMs,
    send: async (items, signal) => {
      // Identical questions (a column of the same meeting) become one request.
      const keyOf = (q: QuorumQuestion) => `${q.attendees}/${q.expected}`;
      const unique = [...new Map(items.map((q) => [keyOf(q), q])).values()];
      const ref = policyRef(opts.policy());
      const answers = await pool(unique, opts.quorumConcurrency ?? 6, async (q) => {
        const r = await client.quorum({ ...ref, ...q }, { signal, timeoutMs });
        return [keyOf(q), { valid: r.valid, fraction: r.fraction, percent: r.percent, message: r.message, provisional: false }] as const;
      });
      const byKey = new Map(answers);
      return items.map((q) => byKey.get(keyOf(q))!);
    },
    fallback: (items) => items.map((q) => localQuorum(opts.policy().policy, q)),
  });

  const verdictsForAll: RulesService["verdictsForAll"] = async (items) => {
    if (items.length === 0) return { results: [], provisional: false };
    const cached = opts.policy();
    try {
      const results: VerdictResultItem[] = [];
      for (let i = 0; i < items.length; i += 10_000) {
        const res = await client.verdict({ ...policyRef(cached), items: items.slice(i, i + 10_000) }, { timeoutMs: Math.max(timeoutMs, 15_000) });
        results.push(...res.results);
      }
      return { results, provisional: false };
    } catch (error) {
      const local = localVerdicts(cached.policy, items);
      const failed = local.find((r) => r instanceof Error);
      if (failed) throw failed;
      return { results: local as VerdictResultItem[], provisional: true, error };
    }
  };

  return { verdict, quorum, verdictsForAll };
}
