import type { TableEntity, TransactionAction } from "@azure/data-tables";
import { canonicalJson, sha256Hex, type AuditEntry, type PolicyIdentity } from "../../shared/index.ts";
import { clients, getEntity, isConflict } from "./clients.ts";
import { ProblemError } from "../lib/problem.ts";

/**
 * The ledger: one table partition holding the audit chain, its head, and the records the entries
 * describe (published policies, sheet summaries, idempotency keys). One partition means one
 * entity-group transaction per write: a record and its audit entry are stored together or not at all.
 */
export const LEDGER = "ledger";
export const HEAD_KEY = "head";
export const GENESIS_HASH = "0".repeat(64);
export const entryKey = (seq: number) => `e~${String(seq).padStart(12, "0")}`;

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
  hash: string;
}

/** The hash an entry must carry: sha256 of the canonical JSON of everything else in it. */
export async function entryHash(e: Omit<AuditEntry, "hash">): Promise<string> {
  const { seq, at, actor, action, subject, policy, contentSha256, prevHash } = e;
  return sha256Hex(
    canonicalJson({
      seq,
      at,
      actor,
      action,
      subject,
      policy: { id: policy.id, version: policy.version, sha256: policy.sha256 },
      contentSha256,
      prevHash,
    }),
  );
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
    };
    const entry: AuditEntry = { ...base, hash: await entryHash(base) };
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
    hash: e.hash,
  };
}

export async function listAudit(): Promise<AuditEntry[]> {
  return (await readChain()).entries;
}

/** The entries in order, and the head's idea of the last one (a removed tail shows up there). */
export async function readChain(): Promise<{ entries: AuditEntry[]; head: HeadRow | undefined }> {
  const { table } = await clients();
  const head = await getEntity<HeadRow>(table, LEDGER, HEAD_KEY);
  const out: AuditEntry[] = [];
  const filter = `PartitionKey eq '${LEDGER}' and RowKey ge 'e~' and RowKey lt 'e~~'`;
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

/** Walks the chain from the start; the first entry whose hash, link or position is wrong is named. */
export async function verifyChain(
  entries: AuditEntry[],
  head?: HeadRow,
): Promise<{ ok: boolean; firstBroken: number | null }> {
  let prev = GENESIS_HASH;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const { hash, ...rest } = e;
    if (e.seq !== i || e.prevHash !== prev || (await entryHash(rest)) !== hash)
      return { ok: false, firstBroken: e.seq };
    prev = hash;
  }
  if (head && (head.seq !== entries.length - 1 || head.hash !== prev))
    return { ok: false, firstBroken: entries.length };
  return { ok: true, firstBroken: null };
}
