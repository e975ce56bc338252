import type { Policy, PolicyIdentity } from "../../shared/index.ts";
import type { ApiClient } from "../api/client.ts";

/**
 * A pulled sheet with the published policy version it names, so posts and groups show that version's labels.
 * If the version cannot be fetched (or is not the same document), the identity stays and the Excel layer
 * falls back to a built-in policy of that identity, then to the raw keys.
 */
export async function withPolicyDocument<S extends { policy: PolicyIdentity }>(
  client: Pick<ApiClient, "getPolicy">,
  sheet: S,
): Promise<Omit<S, "policy"> & { policy: Policy | PolicyIdentity }> {
  const doc = await client
    .getPolicy(sheet.policy.id, sheet.policy.version)
    .then((p) => (p.identity.sha256 === sheet.policy.sha256 ? p.policy : null))
    .catch(() => null);
  return { ...sheet, policy: doc ?? sheet.policy };
}
