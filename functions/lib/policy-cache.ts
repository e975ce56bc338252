import { policyIdentity, type Policy, type PolicyIdentity, type PublishedPolicy } from "../../shared/index.ts";
import { clients } from "../store/clients.ts";
import { latestPolicy, policyVersion } from "../store/policies.ts";

/**
 * Published policies as the rules operations resolve them, so a verdict naming one does not query storage
 * on every call. Only what the store has read and verified (sha256, id, version) is kept, and a miss or a
 * failure never is: the next call asks the store again.
 * - A version named by number is immutable: the store keeps its verified copy for the life of the process.
 * - The latest version of an id is kept for LATEST_TTL_MS, since another instance may publish a newer one;
 *   a publish in this process forgets it at once (forgetLatestPolicy).
 */
export const LATEST_TTL_MS = 2_000;

interface LatestEntry {
  until: number;
  published: PublishedPolicy;
}
const latest = new Map<string, LatestEntry>();
/** Bumped by every publish in this process: a lookup that started before it does not fill the cache. */
let generation = 0;

/** The storage account and id, so two accounts in one process (tests) never share an entry. */
const keyOf = async (id: string) => `${(await clients()).table.url}|${id}`;

export async function cachedLatestPolicy(id: string): Promise<PublishedPolicy | undefined> {
  const key = await keyOf(id);
  const hit = latest.get(key);
  if (hit && Date.now() < hit.until) return hit.published;
  const started = generation;
  const found = await latestPolicy(id);
  if (found && started === generation) latest.set(key, { until: Date.now() + LATEST_TTL_MS, published: found });
  else latest.delete(key);
  return found;
}

/** A version by number: the store's own verified, immutable copy (misses and failures are not kept there either). */
export const cachedPolicyVersion = (id: string, version: number): Promise<PublishedPolicy | undefined> =>
  policyVersion(id, version);

/** Called when this process publishes a version of any policy: the next lookup of a latest version asks the store. */
export function forgetLatestPolicy(): void {
  generation++;
  latest.clear();
}

/** The identity of a policy object the process holds for good (the built-in default): its sha256 is computed once. */
const identities = new WeakMap<Policy, Promise<PolicyIdentity>>();
export function constantPolicyIdentity(policy: Policy): Promise<PolicyIdentity> {
  let identity = identities.get(policy);
  if (!identity) {
    identity = policyIdentity(policy);
    identities.set(policy, identity);
    identity.catch(() => identities.delete(policy));
  }
  return identity;
}
