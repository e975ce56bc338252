import { DEFAULT_POLICY, policyIdentity, type Policy, type PolicyIdentity } from "../../shared/index.ts";
import { cachedLatestPolicy, cachedPolicyVersion, constantPolicyIdentity } from "./policy-cache.ts";
import { ProblemError } from "./problem.ts";

export interface PolicyRef {
  policyId?: string;
  version?: number;
  policy?: Policy;
}

const notFound = (id: string, version?: number) =>
  new ProblemError(
    404,
    "policy-not-found",
    version === undefined
      ? { "zh-CN": `没有名为「${id}」的考核方案`, en: `no policy "${id}"` }
      : { "zh-CN": `考核方案「${id}」没有第 ${version} 版`, en: `policy "${id}" has no version ${version}` },
  );

/** The policy a request names: inline, a published id (latest or a version), or the built-in default. */
export async function resolvePolicy(ref: PolicyRef): Promise<{ policy: Policy; identity: PolicyIdentity }> {
  if (ref.policy) {
    if (ref.policyId !== undefined || ref.version !== undefined)
      throw new ProblemError(400, "ambiguous-policy", {
        "zh-CN": "请只给出 policy（内联方案）或 policyId/version 之一",
        en: "give either an inline policy or policyId/version, not both",
      });
    return { policy: ref.policy, identity: await policyIdentity(ref.policy) };
  }
  if (ref.policyId === undefined) {
    if (ref.version !== undefined)
      throw new ProblemError(400, "ambiguous-policy", {
        "zh-CN": "给出 version 时须同时给出 policyId",
        en: "version needs a policyId",
      });
    return { policy: DEFAULT_POLICY, identity: await constantPolicyIdentity(DEFAULT_POLICY) };
  }
  const found =
    ref.version === undefined
      ? await cachedLatestPolicy(ref.policyId)
      : await cachedPolicyVersion(ref.policyId, ref.version);
  if (!found) throw notFound(ref.policyId, ref.version);
  return { policy: found.policy, identity: found.identity };
}

export { notFound as policyNotFound };
