import { randomUUID } from "node:crypto";
import {
  canonicalJson,
  sha256Hex,
  type AssessmentResult,
  type Policy,
  type PolicyIdentity,
  type SheetSummary,
} from "../../shared/index.ts";
import { clients, getEntity, isNotFound } from "./clients.ts";
import { appendWithRecords, findEntry, LEDGER } from "./ledger.ts";
import { ProblemError } from "../lib/problem.ts";

interface SheetRow {
  id: string;
  unit: string;
  period: string;
  title?: string;
  policyId: string;
  policyVersion: number;
  policySha256: string;
  cadres: number;
  submittedAt: string;
  submittedBy: string;
  contentSha256: string;
}

interface KeyRow {
  sheetId: string;
  contentSha256: string;
}

/** What the blob holds: the result and the policy it was scored with (for the xlsx pull). */
export interface StoredSheetDoc {
  result: AssessmentResult;
  policy: Policy;
}

const sheetKey = (id: string) => `s~${id}`;

/** The content hash an audit entry carries: sha256 of the canonical JSON of the sheet's fields and document. */
export const sheetContentSha256 = (
  sheet: { unit: string; period: string; title?: string },
  doc: StoredSheetDoc,
): Promise<string> =>
  sha256Hex(canonicalJson({ unit: sheet.unit, period: sheet.period, title: sheet.title || null, doc }));
// Keys are hashed: a caller's Idempotency-Key may hold characters a RowKey may not.
const idempotencyKey = async (key: string) => `k~${await sha256Hex(key)}`;
const blobName = (id: string) => `${id}.json`;

const toSummary = (r: SheetRow): SheetSummary => ({
  id: r.id,
  unit: r.unit,
  period: r.period,
  ...(r.title ? { title: r.title } : {}),
  policy: { id: r.policyId, version: r.policyVersion, sha256: r.policySha256 },
  cadres: r.cadres,
  submittedAt: r.submittedAt,
  submittedBy: r.submittedBy,
});

export interface SubmitInput {
  unit: string;
  period: string;
  title?: string;
  result: AssessmentResult;
  policy: Policy;
  identity: PolicyIdentity;
  actor: string;
  idempotencyKey?: string;
}

/**
 * Stores a scored sheet: the blob first (invisible until indexed), then the index row, the
 * idempotency key and the audit entry in one transaction. If that fails the blob is deleted,
 * so a failed submission leaves nothing behind. `replayed` says the key had already been used.
 */
export async function submitSheet(input: SubmitInput): Promise<{ summary: SheetSummary; replayed: boolean }> {
  const { table, container } = await clients();
  const doc: StoredSheetDoc = { result: input.result, policy: input.policy };
  // Stored in the caller's key order (the policy's rater groups stay in its order for HR's workbook);
  // the identity is the canonical JSON's hash, which does not depend on key order.
  const body = JSON.stringify(doc);
  const contentSha256 = await sheetContentSha256({ unit: input.unit, period: input.period, title: input.title }, doc);
  const kKey = input.idempotencyKey !== undefined ? await idempotencyKey(input.idempotencyKey) : undefined;

  const earlier = async (): Promise<SheetSummary | undefined> => {
    if (!kKey) return undefined;
    const k = await getEntity<KeyRow>(table, LEDGER, kKey);
    if (!k) return undefined;
    if (k.contentSha256 !== contentSha256)
      throw new ProblemError(422, "idempotency-key-reused", {
        "zh-CN": "此 Idempotency-Key 已用于提交另一份不同内容的考评表；请为新的提交使用新的键",
        en: "this Idempotency-Key was already used for a different sheet; use a new key for a new submission",
      });
    const row = await getEntity<SheetRow>(table, LEDGER, sheetKey(k.sheetId));
    return row ? toSummary(row) : undefined;
  };
  const before = await earlier();
  if (before) return { summary: before, replayed: true };

  const id = randomUUID();
  const blob = container.getBlockBlobClient(blobName(id));
  await blob.upload(body, Buffer.byteLength(body), {
    blobHTTPHeaders: { blobContentType: "application/json; charset=utf-8" },
  });
  let replay: SheetSummary | undefined;
  const row: SheetRow = {
    id,
    unit: input.unit,
    period: input.period,
    ...(input.title ? { title: input.title } : {}),
    policyId: input.identity.id,
    policyVersion: input.identity.version,
    policySha256: input.identity.sha256,
    cadres: input.result.cadres.length,
    submittedAt: new Date().toISOString(),
    submittedBy: input.actor,
    contentSha256,
  };
  try {
    const entry = await appendWithRecords(async () => {
      replay = await earlier();
      if (replay) return null;
      return {
        actor: input.actor,
        action: "sheet.submit",
        subject: id,
        policy: input.identity,
        contentSha256,
        records: [
          { partitionKey: LEDGER, rowKey: sheetKey(id), ...row },
          ...(kKey ? [{ partitionKey: LEDGER, rowKey: kKey, sheetId: id, contentSha256 }] : []),
        ],
      };
    });
    if (!entry) {
      await blob.deleteIfExists().catch(() => undefined);
      return { summary: replay!, replayed: true };
    }
    return { summary: toSummary(row), replayed: false };
  } catch (e) {
    // Nothing half-stored: the index never pointed at this blob.
    await blob.deleteIfExists().catch(() => undefined);
    throw e;
  }
}

export async function listSheets(filter: { unit?: string; period?: string }): Promise<SheetSummary[]> {
  const { table } = await clients();
  const esc = (s: string) => s.replace(/'/g, "''");
  let q = `PartitionKey eq '${LEDGER}' and RowKey ge 's~' and RowKey lt 's~~'`;
  if (filter.unit !== undefined) q += ` and unit eq '${esc(filter.unit)}'`;
  if (filter.period !== undefined) q += ` and period eq '${esc(filter.period)}'`;
  const out: SheetSummary[] = [];
  for await (const r of table.listEntities<SheetRow>({ queryOptions: { filter: q } })) out.push(toSummary(r));
  return out.sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0));
}

/**
 * A stored sheet, checked against its audit entry: content that no longer hashes to what was
 * recorded at submission (edited in storage) is refused with 409 rather than handed out.
 */
export async function getSheet(id: string): Promise<{ summary: SheetSummary; doc: StoredSheetDoc } | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const { table } = await clients();
  const row = await getEntity<SheetRow>(table, LEDGER, sheetKey(id));
  if (!row) return undefined;
  const [doc, entry] = await Promise.all([readDoc(id), findEntry("sheet.submit", id)]);
  if (!doc || !entry || (await sheetContentSha256(row, doc)) !== entry.contentSha256)
    throw new ProblemError(409, "sheet-content-mismatch", {
      "zh-CN": `考评表 ${id} 的存储内容与其审计记录${entry ? `（第 ${entry.seq} 号）` : ""}不符，可能在存储中被改动过；不予下载，请联系管理员核查`,
      en: `the stored content of sheet ${id} does not match its audit entry${entry ? ` (#${entry.seq})` : ""}; it may have been altered in storage, so it is not served; ask the administrator to investigate`,
    });
  return { summary: toSummary(row), doc };
}

/** Whether a sheet's stored row and document still hash to `contentSha256` (for audit verify). */
export async function sheetContentMatches(id: string, contentSha256: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return false;
  const { table } = await clients();
  const [row, doc] = await Promise.all([getEntity<SheetRow>(table, LEDGER, sheetKey(id)), readDoc(id)]);
  return !!row && !!doc && (await sheetContentSha256(row, doc)) === contentSha256;
}

/** The stored document, or undefined when the blob is gone or no longer JSON. */
async function readDoc(id: string): Promise<StoredSheetDoc | undefined> {
  const { container } = await clients();
  try {
    const buf = await container.getBlockBlobClient(blobName(id)).downloadToBuffer();
    return JSON.parse(buf.toString("utf8")) as StoredSheetDoc;
  } catch (e) {
    if (e instanceof SyntaxError || isNotFound(e)) return undefined;
    throw e;
  }
}
