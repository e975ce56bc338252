import { DEFAULT_POLICY, PolicySchema, type Policy } from "../../shared/index.ts";
import { defaultStore, STORAGE_KEYS, type KeyValueStore } from "./settings.ts";

/** The policy chosen on the New assessment page, kept so verdicts can be computed offline. */
export interface CachedPolicy {
  policy: Policy;
  /** Set when the policy came from the server: the cloud is asked for exactly this version. */
  published: boolean;
}

export function readCachedPolicy(store: KeyValueStore = defaultStore()): CachedPolicy {
  const text = store.getItem(STORAGE_KEYS.policy);
  if (text) {
    try {
      const stored = JSON.parse(text) as { policy?: unknown; published?: unknown };
      const parsed = PolicySchema.safeParse(stored.policy);
      if (parsed.success) return { policy: parsed.data, published: stored.published === true };
    } catch {
      // A damaged cache is ignored: the built-in policy is the honest fallback.
    }
  }
  return { policy: DEFAULT_POLICY, published: false };
}

export function saveCachedPolicy(cached: CachedPolicy, store: KeyValueStore = defaultStore()): void {
  store.setItem(STORAGE_KEYS.policy, JSON.stringify(cached));
}

/** Which policy the cloud should apply: the cached published one, else the server's default. */
export function policyRef(cached: CachedPolicy): { policyId?: string; version?: number } {
  return cached.published ? { policyId: cached.policy.id, version: cached.policy.version } : {};
}
