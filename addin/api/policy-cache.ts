import { DEFAULT_POLICY, PolicySchema, type Policy, type PolicyIdentity } from "../../shared/index.ts";
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

/** Which policy the cloud should apply: a published one by id and version, else the document itself (inline). */
export function policyRef(cached: CachedPolicy): { policyId?: string; version?: number; policy?: Policy } {
  return cached.published ? { policyId: cached.policy.id, version: cached.policy.version } : { policy: cached.policy };
}

/** The policy bound to a workbook when 新建考核 created it (kept in the hidden _kaoping sheet). */
export interface WorkbookPolicy extends CachedPolicy {
  identity: PolicyIdentity;
}

/** Same document: id, version and content hash all agree. */
export const sameIdentity = (a: PolicyIdentity, b: PolicyIdentity): boolean =>
  a.id === b.id && a.version === b.version && a.sha256 === b.sha256;
