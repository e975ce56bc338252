import {
  DEFAULT_POLICIES,
  DEFAULT_POLICY,
  PolicySchema,
  policyIdentity,
  type Policy,
  type PolicyIdentity,
  type PublishedPolicy,
} from "../../shared/index.ts";
import { clients, getEntity } from "./clients.ts";
import { appendWithRecords, LEDGER } from "./ledger.ts";
import { ProblemError } from "../lib/problem.ts";

interface PolicyRow {
  id: string;
  version: number;
  title: string;
  sha256: string;
  publishedAt: string;
  publishedBy: string;
  /**
   * The document as published, in its author's key order (posts and rater groups are shown in that
   * order); the sha256 covers its canonical JSON, which does not depend on key order.
   */
  doc: string;
}

/** Ids a policy may have (PolicySchema's key rule); anything else cannot be stored, so is simply not found. */
const isPolicyId = (id: string) => /^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(id);

// "~" sorts after every character a policy id or a padded version may hold, so prefix ranges work.
const versionKey = (id: string, version: number) => `p~${id}~${String(version).padStart(10, "0")}`;

export const policyEtag = (p: PolicyIdentity) => `"${p.id}.v${p.version}.${p.sha256.slice(0, 16)}"`;

/** A stored policy that no longer hashes to its recorded sha256 is refused, never served or used. */
export const policyIntegrityFailure = (id: string, version: number) =>
  new ProblemError(409, "policy-integrity", {
    "zh-CN": `考核方案「${id}」第 ${version} 版的存储内容未通过完整性校验（与其发布时的 sha256 不符，可能在存储中被改动过）；不予使用，请联系管理员核查`,
    en: `the stored policy "${id}" version ${version} failed its integrity check (it no longer matches the sha256 it was published with; it may have been altered in storage); it is not used; ask the administrator to investigate`,
  });

/** The row's document, parsed and checked against the sha256 (and id, version) it was published under. */
async function toPublished(r: PolicyRow, id: string, version: number): Promise<PublishedPolicy> {
  let policy: Policy;
  try {
    policy = PolicySchema.parse(JSON.parse(r.doc));
  } catch {
    throw policyIntegrityFailure(id, version);
  }
  const own = await policyIdentity(policy);
  if (r.id !== id || r.version !== version || own.id !== id || own.version !== version || own.sha256 !== r.sha256)
    throw policyIntegrityFailure(id, version);
  return {
    identity: { id, version, sha256: own.sha256 },
    publishedAt: r.publishedAt,
    publishedBy: r.publishedBy,
    policy,
  };
}

/** Whether the stored policy `id@version` still hashes to `sha256` (for audit verify). */
export async function policyContentMatches(subject: string, sha256: string): Promise<boolean> {
  const m = /^([A-Za-z][A-Za-z0-9_-]{0,63})@(\d{1,10})$/.exec(subject);
  if (!m) return false;
  const { table } = await clients();
  const row = await getEntity<PolicyRow>(table, LEDGER, versionKey(m[1]!, Number(m[2])));
  if (!row) return false;
  try {
    const published = await toPublished(row, m[1]!, Number(m[2]));
    return published.identity.sha256 === sha256;
  } catch (e) {
    if (e instanceof ProblemError) return false;
    throw e;
  }
}

async function rows(filter: string): Promise<PolicyRow[]> {
  const { table } = await clients();
  const out: PolicyRow[] = [];
  for await (const r of table.listEntities<PolicyRow>({ queryOptions: { filter } })) out.push(r);
  return out;
}

const idRange = (id: string) => `PartitionKey eq '${LEDGER}' and RowKey ge 'p~${id}~' and RowKey lt 'p~${id}~~'`;

export async function latestPolicy(id: string): Promise<PublishedPolicy | undefined> {
  if (!isPolicyId(id)) return undefined;
  await seedDefaults();
  // Only the version numbers travel: the document of a version never changes, so it comes from the cache.
  const { table } = await clients();
  let latest = 0;
  for await (const r of table.listEntities<{ version: number }>({
    queryOptions: { filter: idRange(id), select: ["version"] },
  }))
    latest = Math.max(latest, r.version);
  return latest > 0 ? policyVersion(id, latest) : undefined;
}

/** Published versions are immutable, so a parsed copy can live for the process (and keeps the engine's compiled form warm). */
const versions = new Map<string, Promise<PublishedPolicy | undefined>>();

export async function policyVersion(id: string, version: number): Promise<PublishedPolicy | undefined> {
  if (!isPolicyId(id) || !Number.isInteger(version) || version < 1 || version > 9_999_999_999) return undefined;
  await seedDefaults();
  const { table } = await clients();
  const key = `${table.url}|${id}@${version}`;
  let found = versions.get(key);
  if (!found) {
    found = getEntity<PolicyRow>(table, LEDGER, versionKey(id, version)).then((row) =>
      row ? toPublished(row, id, version) : undefined,
    );
    versions.set(key, found);
    // A miss or a failure (the store, or the integrity check) is not cached: the version may be
    // published a moment later, the store may recover, a damaged row may be restored.
    found.then(
      (v) => v === undefined && versions.delete(key),
      () => versions.delete(key),
    );
  }
  return found;
}

/** Latest version of every policy id. */
export async function listPolicies(): Promise<PolicyRow[]> {
  await seedDefaults();
  const latest = new Map<string, PolicyRow>();
  for (const r of await rows(`PartitionKey eq '${LEDGER}' and RowKey ge 'p~' and RowKey lt 'p~~'`)) {
    const seen = latest.get(r.id);
    if (!seen || seen.version < r.version) latest.set(r.id, r);
  }
  // What the list shows (title, sha256) is only shown once the document behind it verifies.
  await Promise.all([...latest.values()].map((r) => policyVersion(r.id, r.version)));
  return [...latest.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface PublishOutcome {
  published: PublishedPolicy;
}

/**
 * Publishes `doc` as the next version of `id`. `ifMatch` must name the current latest version's
 * ETag (or be absent / "*"-less for a new id); a competitor that published first makes it 412.
 */
export async function publishPolicy(
  id: string,
  doc: Policy,
  ifMatch: string | undefined,
  actor: string,
): Promise<PublishedPolicy> {
  let published: PublishedPolicy | undefined;
  await appendWithRecords(async () => {
    const current = await latestPolicy(id);
    await checkPrecondition(id, current, ifMatch);
    const version = (current?.identity.version ?? 0) + 1;
    const policy = PolicySchema.parse({ ...doc, id, version });
    const identity = await policyIdentity(policy);
    const at = new Date().toISOString();
    published = { identity, publishedAt: at, publishedBy: actor, policy };
    return {
      actor,
      action: "policy.publish",
      subject: `${id}@${version}`,
      policy: identity,
      contentSha256: identity.sha256,
      records: [
        {
          partitionKey: LEDGER,
          rowKey: versionKey(id, version),
          id,
          version,
          title: policy.title,
          sha256: identity.sha256,
          publishedAt: at,
          publishedBy: actor,
          doc: JSON.stringify(policy),
        },
      ],
    };
  });
  return published!;
}

async function checkPrecondition(id: string, current: PublishedPolicy | undefined, ifMatch: string | undefined) {
  if (!current) {
    if (ifMatch === undefined || ifMatch.trim() === "") return;
    throw new ProblemError(412, "precondition-failed", {
      "zh-CN": `考核方案「${id}」尚不存在，新建时不应带 If-Match`,
      en: `policy "${id}" does not exist yet; creating it takes no If-Match`,
    });
  }
  const etag = policyEtag(current.identity);
  const given = (ifMatch ?? "").split(",").map((s) => s.trim().replace(/^W\//, ""));
  if (ifMatch === undefined || ifMatch.trim() === "")
    throw new ProblemError(
      412,
      "precondition-failed",
      {
        "zh-CN": `修改考核方案「${id}」须带 If-Match（当前 ETag ${etag}）`,
        en: `changing policy "${id}" needs If-Match (current ETag ${etag})`,
      },
      { headers: { ETag: etag } },
    );
  if (given.includes(etag)) return;
  // "Meanwhile published" only when the caller named a real earlier version: anything else is simply not the current ETag.
  const stale = await earlierVersionNamed(id, current.identity.version, given);
  const message =
    stale !== undefined
      ? {
          "zh-CN": `考核方案「${id}」已在第 ${stale} 版之后被他人更新为第 ${current.identity.version} 版（当前 ETag ${etag}），请重新加载后再修改`,
          en: `policy "${id}" has meanwhile been published as version ${current.identity.version} after version ${stale} (current ETag ${etag}); reload and try again`,
        }
      : given.includes("*")
        ? {
            "zh-CN": `修改考核方案「${id}」须在 If-Match 中给出当前 ETag，不接受 *（当前 ETag ${etag}）`,
            en: `changing policy "${id}" needs its current ETag in If-Match; * is not accepted (current ETag ${etag})`,
          }
        : {
            "zh-CN": `If-Match 中给出的 ETag ${ifMatch.trim().slice(0, 100)} 与考核方案「${id}」的当前 ETag ${etag} 不一致`,
            en: `the ETag given in If-Match, ${ifMatch.trim().slice(0, 100)}, does not match policy "${id}"'s current ETag ${etag}`,
          };
  throw new ProblemError(412, "precondition-failed", message, { headers: { ETag: etag } });
}

/** The version an If-Match names, when it is exactly the ETag of an earlier published version of `id`. */
async function earlierVersionNamed(id: string, latest: number, given: string[]): Promise<number | undefined> {
  for (const tag of given) {
    const m = /^"([A-Za-z][A-Za-z0-9_-]{0,63})\.v(\d{1,10})\.[0-9a-f]{16}"$/.exec(tag);
    if (!m || m[1] !== id || Number(m[2]) >= latest) continue;
    const earlier = await policyVersion(id, Number(m[2]));
    if (earlier && policyEtag(earlier.identity) === tag) return earlier.identity.version;
  }
  return undefined;
}

let seeding: Promise<void> | undefined;
let seededFor: string | undefined;

/** The built-in policies become version 1 on first start (and only if that id has none yet). */
export async function seedDefaults(): Promise<void> {
  const { table } = await clients();
  const key = table.url;
  if (seededFor === key && seeding) return seeding;
  seededFor = key;
  seeding = (async () => {
    for (const p of DEFAULT_POLICIES) {
      await appendWithRecords(async () => {
        const existing = await rows(idRange(p.id));
        if (existing.length > 0) return null;
        const identity = await policyIdentity(p);
        return {
          actor: "system",
          action: "policy.publish",
          subject: `${p.id}@${p.version}`,
          policy: identity,
          contentSha256: identity.sha256,
          records: [
            {
              partitionKey: LEDGER,
              rowKey: versionKey(p.id, p.version),
              id: p.id,
              version: p.version,
              title: p.title,
              sha256: identity.sha256,
              publishedAt: new Date().toISOString(),
              publishedBy: "system",
              doc: JSON.stringify(p),
            },
          ],
        };
      });
    }
  })();
  seeding.catch(() => (seeding = undefined));
  return seeding;
}

export { DEFAULT_POLICY };
