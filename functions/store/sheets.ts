import { z } from "zod";
import {
  canonicalJson,
  sha256Hex,
  type AssessmentResult,
  type Bilingual,
  type Policy,
  type PolicyIdentity,
  type SheetSummary,
} from "../../shared/index.ts";
import { clients, getEntity, isNotFound } from "./clients.ts";
import { appendWithRecords, findEntry, LEDGER } from "./ledger.ts";
import { timeOrderedId } from "./sheet-id.ts";
import { ProblemError } from "../lib/problem.ts";

/** The index row of a sheet; every field of it that is served is covered by the content hash. */
const SheetRowSchema = z.object({
  id: z.string().regex(/^[0-9a-f-]{36}$/),
  unit: z.string(),
  period: z.string(),
  title: z.string().optional(),
  policyId: z.string(),
  policyVersion: z.number().int(),
  policySha256: z.string().regex(/^[0-9a-f]{64}$/),
  unpublished: z.boolean().optional(),
  cadres: z.number().int().nonnegative(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  contentSha256: z.string(),
});
type SheetRow = z.infer<typeof SheetRowSchema>;

interface KeyRow {
  sheetId: string;
  bodySha256: string;
}

/** What the blob holds: the result and the policy it was scored with (for the xlsx pull). */
export interface StoredSheetDoc {
  result: AssessmentResult;
  policy: Policy;
}

/** Sheets scored under a policy never published here carry ids in this namespace, which PUT refuses. */
export const UNPUBLISHED_PREFIX = "unpublished:";

const sheetKey = (id: string) => `s~${id}`;

/**
 * The content hash an audit entry carries: sha256 of the canonical JSON of every field of the index
 * row that is served (who submitted it, when, how many cadres, under which policy) and the document.
 */
export const sheetContentSha256 = (row: Omit<SheetRow, "contentSha256">, doc: StoredSheetDoc): Promise<string> =>
  sha256Hex(
    canonicalJson({
      id: row.id,
      unit: row.unit,
      period: row.period,
      title: row.title || null,
      policy: { id: row.policyId, version: row.policyVersion, sha256: row.policySha256 },
      unpublished: row.unpublished === true,
      cadres: row.cadres,
      submittedAt: row.submittedAt,
      submittedBy: row.submittedBy,
      doc,
    }),
  );

/** What a caller sent, for recognising a retry under the same Idempotency-Key. */
const bodySha256 = (sheet: { unit: string; period: string; title?: string }, doc: StoredSheetDoc) =>
  sha256Hex(canonicalJson({ unit: sheet.unit, period: sheet.period, title: sheet.title || null, doc }));

// Keys are scoped by caller and hashed: one assessor's key never finds another's sheet, and a key
// may hold characters a RowKey may not.
const idempotencyKey = async (actor: string, key: string) => `k~${await sha256Hex(`${actor}\n${key}`)}`;
const blobName = (id: string) => `${id}.json`;

/** What HR must read about a sheet scored under an unpublished policy. */
export const unpublishedNotice = (identity: PolicyIdentity): Bilingual => {
  const id = identity.id.startsWith(UNPUBLISHED_PREFIX) ? identity.id.slice(UNPUBLISHED_PREFIX.length) : identity.id;
  return {
    "zh-CN": `注意：本表按未在本系统发布的考核方案评分（自称「${id}」第 ${identity.version} 版，sha256 ${identity.sha256.slice(0, 12)}…，与已发布方案不符），不是正式考核结果，不能作为组织认定的依据`,
    en: `Note: this sheet was scored under a policy never published here (it calls itself "${id}" version ${identity.version}, sha256 ${identity.sha256.slice(0, 12)}…, which differs from any published one); it is not an official result and cannot ground the organisation's decision`,
  };
};

const toSummary = (r: SheetRow): SheetSummary => {
  const policy = { id: r.policyId, version: r.policyVersion, sha256: r.policySha256 };
  return {
    id: r.id,
    unit: r.unit,
    period: r.period,
    ...(r.title ? { title: r.title } : {}),
    policy,
    cadres: r.cadres,
    submittedAt: r.submittedAt,
    submittedBy: r.submittedBy,
    ...(r.unpublished ? { unpublished: true, notice: unpublishedNotice(policy) } : {}),
  };
};

export interface SubmitInput {
  unit: string;
  period: string;
  title?: string;
  result: AssessmentResult;
  policy: Policy;
  /** The published identity, or an unpublished one (id in the unpublished: namespace). */
  identity: PolicyIdentity;
  unpublished: boolean;
  actor: string;
  idempotencyKey?: string;
}

/**
 * Stores a scored sheet: the blob first (invisible: readers only find sheets through the index),
 * then the index row, the idempotency key and the audit entry in one transaction. If that fails the
 * blob is deleted; a blob the failure could not delete (the store went away) is swept later.
 * `replayed` says the key had already been used by this caller.
 */
export async function submitSheet(input: SubmitInput): Promise<{ summary: SheetSummary; replayed: boolean }> {
  const { table, container } = await clients();
  const doc: StoredSheetDoc = { result: input.result, policy: input.policy };
  // Stored in the caller's key order (the policy's rater groups stay in its order for HR's workbook);
  // hashes are over canonical JSON, which does not depend on key order.
  const body = JSON.stringify(doc);
  const sent = await bodySha256(input, doc);
  const kKey = input.idempotencyKey !== undefined ? await idempotencyKey(input.actor, input.idempotencyKey) : undefined;

  const earlier = async (): Promise<SheetSummary | undefined> => {
    if (!kKey) return undefined;
    const k = await getEntity<KeyRow>(table, LEDGER, kKey);
    if (!k) return undefined;
    if (k.bodySha256 !== sent)
      throw new ProblemError(422, "idempotency-key-reused", {
        "zh-CN": "此 Idempotency-Key 已用于提交另一份不同内容的考评表；请为新的提交使用新的键",
        en: "this Idempotency-Key was already used for a different sheet; use a new key for a new submission",
      });
    const row = await getEntity<SheetRow>(table, LEDGER, sheetKey(k.sheetId));
    const parsed = SheetRowSchema.safeParse(row);
    return parsed.success ? toSummary(parsed.data) : undefined;
  };
  const before = await earlier();
  if (before) return { summary: before, replayed: true };

  const id = timeOrderedId();
  const blob = container.getBlockBlobClient(blobName(id));
  await blob.upload(body, Buffer.byteLength(body), {
    blobHTTPHeaders: { blobContentType: "application/json; charset=utf-8" },
  });
  let replay: SheetSummary | undefined;
  const fields: Omit<SheetRow, "contentSha256"> = {
    id,
    unit: input.unit,
    period: input.period,
    ...(input.title ? { title: input.title } : {}),
    policyId: input.identity.id,
    policyVersion: input.identity.version,
    policySha256: input.identity.sha256,
    ...(input.unpublished ? { unpublished: true } : {}),
    cadres: input.result.cadres.length,
    submittedAt: new Date().toISOString(),
    submittedBy: input.actor,
  };
  const row: SheetRow = { ...fields, contentSha256: await sheetContentSha256(fields, doc) };
  try {
    const entry = await appendWithRecords(async () => {
      replay = await earlier();
      if (replay) return null;
      return {
        actor: input.actor,
        action: "sheet.submit",
        subject: id,
        policy: input.identity,
        contentSha256: row.contentSha256,
        records: [
          { partitionKey: LEDGER, rowKey: sheetKey(id), ...row },
          ...(kKey ? [{ partitionKey: LEDGER, rowKey: kKey, sheetId: id, bodySha256: sent }] : []),
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

export interface SheetPage {
  items: SheetSummary[];
  continuationToken?: string;
  /** Rows that could not be read (damaged in storage): left out, and said so. */
  skipped?: { row: string; message: Bilingual }[];
}

/** One page of sheet summaries in submission order (ids are time-ordered), filtered by unit and period. */
export async function listSheets(
  filter: { unit?: string; period?: string },
  limit = 200,
  continuationToken?: string,
): Promise<SheetPage> {
  const { table } = await clients();
  const esc = (s: string) => s.replace(/'/g, "''");
  let q = `PartitionKey eq '${LEDGER}' and RowKey ge 's~' and RowKey lt 's~~'`;
  if (filter.unit !== undefined) q += ` and unit eq '${esc(filter.unit)}'`;
  if (filter.period !== undefined) q += ` and period eq '${esc(filter.period)}'`;
  const pages = table
    .listEntities<Record<string, unknown>>({ queryOptions: { filter: q } })
    .byPage({ maxPageSize: limit, continuationToken });
  const page = (await pages.next()).value as (Record<string, unknown>[] & { continuationToken?: string }) | undefined;
  const items: SheetSummary[] = [];
  const skipped: NonNullable<SheetPage["skipped"]> = [];
  for (const raw of page ?? []) {
    const parsed = SheetRowSchema.safeParse(raw);
    if (parsed.success) items.push(toSummary(parsed.data));
    else {
      const row = String(raw.rowKey ?? "").slice(2, 80);
      skipped.push({
        row,
        message: {
          "zh-CN": `考评表 ${row} 的索引记录已损坏，无法读取，已略过；请管理员运行审计校验并核查`,
          en: `the index row of sheet ${row} is damaged and cannot be read, so it was left out; the administrator should run the audit verification`,
        },
      });
    }
  }
  return {
    items,
    ...(page?.continuationToken ? { continuationToken: page.continuationToken } : {}),
    ...(skipped.length > 0 ? { skipped } : {}),
  };
}

/**
 * A stored sheet, checked against its audit entry: a row or content that no longer hashes to what
 * was recorded at submission (edited in storage) is refused with 409 rather than handed out.
 */
export async function getSheet(id: string): Promise<{ summary: SheetSummary; doc: StoredSheetDoc } | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const { table } = await clients();
  const raw = await getEntity<SheetRow>(table, LEDGER, sheetKey(id));
  if (!raw) return undefined;
  const row = SheetRowSchema.safeParse(raw);
  const [doc, entry] = await Promise.all([readDoc(id), findEntry("sheet.submit", id)]);
  if (!row.success || !doc || !entry || (await sheetContentSha256(row.data, doc)) !== entry.contentSha256)
    throw new ProblemError(409, "sheet-content-mismatch", {
      "zh-CN": `考评表 ${id} 的存储内容与其审计记录${entry ? `（第 ${entry.seq} 号）` : ""}不符，可能在存储中被改动过；不予下载，请联系管理员核查`,
      en: `the stored content of sheet ${id} does not match its audit entry${entry ? ` (#${entry.seq})` : ""}; it may have been altered in storage, so it is not served; ask the administrator to investigate`,
    });
  return { summary: toSummary(row.data), doc };
}

/** Whether a sheet's stored row and document still hash to `contentSha256` (for audit verify). */
export async function sheetContentMatches(id: string, contentSha256: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return false;
  const { table } = await clients();
  const [raw, doc] = await Promise.all([getEntity<SheetRow>(table, LEDGER, sheetKey(id)), readDoc(id)]);
  const row = SheetRowSchema.safeParse(raw);
  return row.success && !!doc && (await sheetContentSha256(row.data, doc)) === contentSha256;
}

/**
 * Deletes sheet blobs that no committed index row points at (a submission whose transaction failed
 * while the store was going away) once they are older than `graceMs`, so a submission still in
 * flight keeps its blob. Returns the names deleted.
 */
export async function sweepOrphanBlobs(graceMs: number): Promise<string[]> {
  const { table, container } = await clients();
  const cutoff = Date.now() - graceMs;
  const deleted: string[] = [];
  for await (const b of container.listBlobsFlat()) {
    const m = /^([0-9a-f-]{36})\.json$/.exec(b.name);
    const modified = b.properties.lastModified?.getTime() ?? 0;
    if (modified > cutoff) continue;
    if (m && (await getEntity(table, LEDGER, sheetKey(m[1]!)))) continue;
    await container
      .getBlockBlobClient(b.name)
      .deleteIfExists()
      .then(() => deleted.push(b.name));
  }
  return deleted;
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

/** Every stored sheet's summary, page by page (history reads them all; the list endpoint pages). */
export async function allSheets(filter: { unit?: string; period?: string } = {}): Promise<SheetSummary[]> {
  const all: SheetSummary[] = [];
  let token: string | undefined;
  do {
    const page = await listSheets(filter, 200, token);
    all.push(...page.items);
    token = page.continuationToken;
  } while (token);
  return all;
}
