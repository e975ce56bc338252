import type { TableEntity, TransactionAction } from "@azure/data-tables";
import { canonicalJson, type AuditEntry, type Checkpoint, type PolicyIdentity } from "../../shared/index.ts";
import { clients, getEntity, isConflict } from "./clients.ts";
import { ProblemError } from "../lib/problem.ts";
import { chainKeyById, currentChainKey, hmacHex, sameHex, type ChainKey } from "../lib/chain-key.ts";

/**
 * The ledger: one table partition holding the audit chain, its head, and the records the entries
 * describe (published policies, sheet summaries, idempotency keys). One partition means one
 * entity-group transaction per write: a record and its audit entry are stored together or not at all.
 */
export const LEDGER = "ledger";
export const HEAD_KEY = "head";
export const GENESIS_HASH = "0".repeat(64);
export const entryKey = (seq: number) => `e~${String(seq).padStart(12, "0")}`;
/** Signed checkpoints, newest last (the seq they cover, padded, so they sort). */
const checkpointKey = (seq: number) => `c~${String(seq + 1).padStart(12, "0")}`;

interface HeadRow {
  seq: number;
  hash: string;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: AuditEntry["action"];
  subject: string;
  policyId: string;
  policyVersion: number;
  policySha256: string;
  contentSha256: string;
  prevHash: string;
  keyId: string;
  hash: string;
}

/**
 * The hash an entry must carry: HMAC-SHA256, under the chain key it names, of the canonical JSON of
 * everything else in it. Without the key no one can recompute it after an edit.
 */
export function entryHash(e: Omit<AuditEntry, "hash">, key: ChainKey): string {
  const { seq, at, actor, action, subject, policy, contentSha256, prevHash, keyId } = e;
  return hmacHex(
    key,
    canonicalJson({
      seq,
      at,
      actor,
      action,
      subject,
      policy: { id: policy.id, version: policy.version, sha256: policy.sha256 },
      contentSha256,
      prevHash,
      keyId,
    }),
  );
}

/** Whether an entry's hash is the HMAC its key gives (false for a key this service does not hold). */
export function entryHashValid(e: AuditEntry): boolean {
  const { hash, ...rest } = e;
  const key = typeof e.keyId === "string" ? chainKeyById(e.keyId) : undefined;
  return !!key && typeof hash === "string" && sameHex(entryHash(rest, key), hash);
}

export const rowToEntry = (r: AuditRow): AuditEntry => ({
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  action: r.action,
  subject: r.subject,
  policy: { id: r.policyId, version: r.policyVersion, sha256: r.policySha256 },
  contentSha256: r.contentSha256,
  prevHash: r.prevHash,
  keyId: r.keyId,
  hash: r.hash,
});

export interface AppendRequest {
  actor: string;
  action: AuditEntry["action"];
  subject: string;
  policy: PolicyIdentity;
  contentSha256: string;
  /** Rows created in the same transaction (row keys must be new: a clash is a lost race). */
  records: TableEntity[];
}

/**
 * Appends one audit entry with its records, atomically, retrying when another writer got there
 * first (the head moved, or a record key now exists). `build` runs before every attempt and returns
 * null when there is nothing left to write (a competitor already stored the same thing); it may
 * throw a ProblemError (e.g. 412 when a policy's ETag moved on).
 */
export async function appendWithRecords(build: () => Promise<AppendRequest | null>): Promise<AuditEntry | null> {
  const { table } = await clients();
  const key = currentChainKey();
  for (let attempt = 0; attempt < 200; attempt++) {
    const req = await build();
    if (!req) return null;
    const head = await getEntity<HeadRow>(table, LEDGER, HEAD_KEY);
    const seq = head ? head.seq + 1 : 0;
    const prevHash = head ? head.hash : GENESIS_HASH;
    const base = {
      seq,
      at: new Date().toISOString(),
      actor: req.actor,
      action: req.action,
      subject: req.subject,
      policy: req.policy,
      contentSha256: req.contentSha256,
      prevHash,
      keyId: key.id,
    };
    const entry: AuditEntry = { ...base, hash: entryHash(base, key) };
    const row = flatten(entry);
    const headRow = { partitionKey: LEDGER, rowKey: HEAD_KEY, seq, hash: entry.hash };
    const actions: TransactionAction[] = [
      head ? ["update", headRow, "Replace", { etag: head.etag }] : ["create", headRow],
      ["create", { partitionKey: LEDGER, rowKey: entryKey(seq), ...row }],
      ...req.records.map((r): TransactionAction => ["create", { ...r, partitionKey: LEDGER }]),
    ];
    try {
      await table.submitTransaction(actions);
      return entry;
    } catch (e) {
      if (!isConflict(e)) throw e;
      // Someone else wrote first: back off a little (jittered) and look again.
      await new Promise((r) => setTimeout(r, 5 + Math.random() * Math.min(200, 10 * (attempt + 1))));
    }
  }
  throw new ProblemError(
    503,
    "busy",
    {
      "zh-CN": "并发写入过多，请稍后重试；本次请求未保存任何内容",
      en: "too many concurrent writes; retry later; nothing from this request was saved",
    },
    { headers: { "Retry-After": "2" } },
  );
}

function flatten(e: AuditEntry): AuditRow {
  return {
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    subject: e.subject,
    policyId: e.policy.id,
    policyVersion: e.policy.version,
    policySha256: e.policy.sha256,
    contentSha256: e.contentSha256,
    prevHash: e.prevHash,
    keyId: e.keyId,
    hash: e.hash,
  };
}

/** One page of the audit log, in sequence order; the token (opaque) asks for the next. */
export async function listAuditPage(
  limit: number,
  continuationToken?: string,
): Promise<{ items: AuditEntry[]; continuationToken?: string }> {
  const { table } = await clients();
  const filter = `PartitionKey eq '${LEDGER}' and RowKey ge 'e~' and RowKey lt 'e~~'`;
  const pages = table
    .listEntities<AuditRow>({ queryOptions: { filter } })
    .byPage({ maxPageSize: limit, continuationToken });
  const page = (await pages.next()).value as (AuditRow[] & { continuationToken?: string }) | undefined;
  return {
    items: (page ?? []).map(rowToEntry),
    ...(page?.continuationToken ? { continuationToken: page.continuationToken } : {}),
  };
}

/** The entries after `afterSeq` in order, and the head's idea of the last one (a removed tail shows up there). */
export async function readChain(afterSeq = -1): Promise<{ entries: AuditEntry[]; head: HeadRow | undefined }> {
  const { table } = await clients();
  const head = await getEntity<HeadRow>(table, LEDGER, HEAD_KEY);
  const out: AuditEntry[] = [];
  const filter = `PartitionKey eq '${LEDGER}' and RowKey ge '${entryKey(afterSeq + 1)}' and RowKey lt 'e~~'`;
  for await (const r of table.listEntities<AuditRow>({ queryOptions: { filter } })) out.push(rowToEntry(r));
  return { entries: out.sort((a, b) => a.seq - b.seq), head };
}

/** The entry recording `action` on `subject` (the first, if several). */
export async function findEntry(action: AuditEntry["action"], subject: string): Promise<AuditEntry | undefined> {
  const { table } = await clients();
  const esc = (v: string) => v.replace(/'/g, "''");
  const filter = `PartitionKey eq '${LEDGER}' and RowKey ge 'e~' and RowKey lt 'e~~' and action eq '${esc(action)}' and subject eq '${esc(subject)}'`;
  let first: AuditEntry | undefined;
  for await (const r of table.listEntities<AuditRow>({ queryOptions: { filter } }))
    if (!first || r.seq < first.seq) first = rowToEntry(r);
  return first;
}

/**
 * Walks the chain from the entry after `start` (a verified checkpoint, or the genesis); the first
 * entry whose HMAC, link or position is wrong is named.
 */
export function verifyChain(
  entries: AuditEntry[],
  head?: HeadRow,
  start: { seq: number; hash: string } = { seq: -1, hash: GENESIS_HASH },
): { ok: boolean; firstBroken: number | null } {
  let prev = start.hash;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.seq !== start.seq + 1 + i || e.prevHash !== prev || !entryHashValid(e))
      return { ok: false, firstBroken: start.seq + 1 + i };
    prev = e.hash;
  }
  const last = start.seq + entries.length;
  if (head ? head.seq !== last || head.hash !== prev : last !== -1) return { ok: false, firstBroken: last + 1 };
  return { ok: true, firstBroken: null };
}

// ---- signed checkpoints ----

const checkpointText = (c: Omit<Checkpoint, "signature">) =>
  canonicalJson({ kind: "kaoping-audit-checkpoint", seq: c.seq, head: c.head, at: c.at, keyId: c.keyId });

/** Whether a checkpoint's signature is one this service made (with the current or a retired key). */
export function checkpointSignatureValid(c: Checkpoint): boolean {
  const key = chainKeyById(c.keyId);
  return !!key && sameHex(hmacHex(key, checkpointText(c)), c.signature);
}

/** Signs the chain's current head and keeps the checkpoint (verify starts after the latest one). */
export async function signCheckpoint(): Promise<Checkpoint> {
  const { table } = await clients();
  const key = currentChainKey();
  const head = await getEntity<HeadRow>(table, LEDGER, HEAD_KEY);
  const base = {
    seq: head ? head.seq : -1,
    head: head ? head.hash : GENESIS_HASH,
    at: new Date().toISOString(),
    keyId: key.id,
  };
  const checkpoint: Checkpoint = { ...base, signature: hmacHex(key, checkpointText(base)) };
  await table.upsertEntity({ partitionKey: LEDGER, rowKey: checkpointKey(checkpoint.seq), ...checkpoint }, "Replace");
  return checkpoint;
}

/** The newest stored checkpoint whose signature verifies (a forged or damaged one is passed over). */
export async function latestCheckpoint(): Promise<Checkpoint | undefined> {
  const { table } = await clients();
  const filter = `PartitionKey eq '${LEDGER}' and RowKey ge 'c~' and RowKey lt 'c~~'`;
  const found: Checkpoint[] = [];
  for await (const r of table.listEntities<Checkpoint>({ queryOptions: { filter } }))
    found.push({ seq: r.seq, head: r.head, at: r.at, keyId: r.keyId, signature: r.signature });
  return found
    .filter((c) => typeof c.seq === "number" && typeof c.signature === "string" && checkpointSignatureValid(c))
    .sort((a, b) => b.seq - a.seq)[0];
}

/** The stored entry at `seq`, if any. */
export async function entryAt(seq: number): Promise<AuditEntry | undefined> {
  const { table } = await clients();
  const row = await getEntity<AuditRow>(table, LEDGER, entryKey(seq));
  return row ? rowToEntry(row) : undefined;
}
