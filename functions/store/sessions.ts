import { randomBytes, randomUUID } from "node:crypto";
import type { TableEntityResult, TransactionAction } from "@azure/data-tables";
import {
  canonicalJson,
  sha256Hex,
  type Bilingual,
  type BallotForm,
  type PolicyIdentity,
  type SessionCadre,
  type SessionSummary,
} from "../../shared/index.ts";
import { clients, getEntity, isConflict, isNotFound } from "./clients.ts";
import { appendWithRecords, LEDGER } from "./ledger.ts";
import { ProblemError } from "../lib/problem.ts";
import { codeHash, newCode, newSessionId, newSessionSecret } from "./session-codes.ts";

/**
 * Ballot sessions (spec section 10). Each session has its own table partition, so one meeting's
 * phones never queue behind another's. In it:
 * - `meta`: status, owner, policy identity, the MAC secret of its codes;
 * - `c~<sha256 of code>`: an unused code and its rater group (the code itself is never stored);
 * - `b~<receipt>`: a cast ballot, without code, code hash or any time of ours.
 * A submit deletes the code row and creates the ballot row in one entity-group transaction: the
 * delete fails when the row is gone, so of two submits of one code only one can succeed.
 * Azure stamps every entity with a server Timestamp; the ballot row's one is the only precise time
 * and it lives only while the session is open: closing moves the ballots into one blob sorted by
 * receipt and deletes the rows, and the code rows are gone already (a burnt code leaves nothing).
 * In the ledger partition: `vs~<id>` (opened, owner), `vi~<id>~<uuid>` (a batch of codes issued),
 * `vc~<id>` (closed), each written with its audit entry.
 */
export const sessionPartition = (id: string) => `vs~${id}`;
const META = "meta";
const codeKey = (hash: string) => `c~${hash}`;
const ballotKey = (receipt: string) => `b~${receipt}`;
const formBlob = (id: string) => `sessions/${id}/form.json`;
export const ballotsBlob = (id: string) => `sessions/${id}/ballots.json`;

export interface SessionGroup {
  key: string;
  label: string;
}

/** Everything the phone needs, fixed at opening (a blob: 500 cadres would not fit an entity). */
export interface SessionDoc {
  id: string;
  title: string;
  policy: PolicyIdentity;
  form: BallotForm;
  cadres: SessionCadre[];
  groups: SessionGroup[];
  scale: { min: number; max: number };
  levels: { label: string; points: number }[];
  expected: number | null;
}

export interface MetaRow {
  status: "open" | "closing" | "closed";
  owner: string;
  secret: string;
  openedAt: string;
  closedAt?: string;
}

interface OpenedRow {
  session: string;
  owner: string;
  title: string;
  openedAt: string;
}
interface IssuedRow {
  session: string;
  group: string;
  count: number;
}
interface ClosedRow {
  session: string;
  closedAt: string;
  returned: number;
  receiptsSha256: string;
}

/** A cast ballot as stored: the answers in the session's cadre order, the group, and the receipt's salt. */
export interface StoredBallot {
  receipt: string;
  group: string;
  answers: Record<string, string | number>[];
  salt: string;
}
interface BallotRow {
  group: string;
  answers: string;
  salt: string;
}

export const receiptOf = (session: string, b: Omit<StoredBallot, "receipt">): Promise<string> =>
  sha256Hex(canonicalJson({ session, group: b.group, answers: b.answers, salt: b.salt }));
export const receiptsHash = (receipts: string[]): Promise<string> => sha256Hex(canonicalJson([...receipts].sort()));

const notFound = () =>
  new ProblemError(404, "session-not-found", {
    "zh-CN": "测评会话不存在，或不是您开启的",
    en: "no such ballot session, or it is not one you opened",
  });

const docCache = new Map<string, SessionDoc>();

export async function readDoc(id: string): Promise<SessionDoc | undefined> {
  const cached = docCache.get(id);
  if (cached) return cached;
  const { container } = await clients();
  try {
    const doc = JSON.parse((await container.getBlockBlobClient(formBlob(id)).downloadToBuffer()).toString("utf8"));
    docCache.set(id, doc as SessionDoc);
    return doc as SessionDoc;
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

export async function readMeta(id: string): Promise<TableEntityResult<MetaRow> | undefined> {
  const { table } = await clients();
  return getEntity<MetaRow>(table, sessionPartition(id), META);
}

/** The session, if `actor` opened it; anyone else is told it does not exist. */
export async function ownedSession(
  id: string,
  actor: string,
): Promise<{ meta: TableEntityResult<MetaRow>; doc: SessionDoc }> {
  if (!/^[0-9A-Z]{6}$/.test(id)) throw notFound();
  const meta = await readMeta(id);
  if (!meta || meta.owner !== actor) throw notFound();
  const doc = await readDoc(id);
  if (!doc) throw notFound();
  return { meta, doc };
}

export async function openSession(
  input: Omit<SessionDoc, "id">,
  actor: string,
): Promise<{ doc: SessionDoc; meta: MetaRow }> {
  const { table, container } = await clients();
  // Whole days only: the session's times are public to anyone holding its audit trail anyway.
  const openedAt = new Date().toISOString();
  for (let attempt = 0; attempt < 10; attempt++) {
    const id = newSessionId();
    const meta: MetaRow = { status: "open", owner: actor, secret: newSessionSecret(), openedAt };
    try {
      await table.createEntity({ partitionKey: sessionPartition(id), rowKey: META, ...meta });
    } catch (e) {
      if (isConflict(e)) continue;
      throw e;
    }
    const doc: SessionDoc = { id, ...input };
    const body = JSON.stringify(doc);
    await container
      .getBlockBlobClient(formBlob(id))
      .upload(body, Buffer.byteLength(body), { blobHTTPHeaders: { blobContentType: "application/json" } });
    const opened: OpenedRow = { session: id, owner: actor, title: input.title, openedAt };
    await appendWithRecords(async () => ({
      actor,
      action: "session.open",
      subject: id,
      policy: input.policy,
      contentSha256: await sha256Hex(canonicalJson(doc)),
      records: [{ partitionKey: LEDGER, rowKey: `vs~${id}`, ...opened }],
    }));
    return { doc, meta };
  }
  throw new ProblemError(
    503,
    "busy",
    { "zh-CN": "请稍后重试", en: "please retry" },
    { headers: { "Retry-After": "1" } },
  );
}

/** Issues `count` codes to a group: code rows first, then the issue record with its audit entry. */
export async function issueCodes(id: string, actor: string, group: string, count: number): Promise<string[]> {
  const { meta, doc } = await ownedSession(id, actor);
  if (!doc.groups.some((g) => g.key === group))
    throw new ProblemError(
      400,
      "unknown-group",
      {
        "zh-CN": `测评主体「${group}」不在本次会话中（可选：${doc.groups.map((g) => g.label).join("、")}）`,
        en: `rater group "${group}" is not in this session (choose from: ${doc.groups.map((g) => g.key).join(", ")})`,
      },
      {
        errors: [
          { path: ["group"], pointer: "/group", message: { "zh-CN": "未知测评主体", en: "unknown rater group" } },
        ],
      },
    );
  if (meta.status !== "open") throw closedProblem();
  const { table } = await clients();
  const groupIndex = doc.groups.findIndex((g) => g.key === group);
  const codes = Array.from({ length: count }, () => newCode(id, groupIndex, meta.secret));
  const hashes = codes.map(codeHash);
  const rows = hashes.map((h): TransactionAction => [
    "create",
    { partitionKey: sessionPartition(id), rowKey: codeKey(h), group },
  ]);
  for (let i = 0; i < rows.length; i += 100) await table.submitTransaction(rows.slice(i, i + 100));
  try {
    await appendWithRecords(async () => ({
      actor,
      action: "session.issue",
      subject: id,
      policy: doc.policy,
      contentSha256: await sha256Hex(canonicalJson({ session: id, group, count, codeHashes: [...hashes].sort() })),
      records: [{ partitionKey: LEDGER, rowKey: `vi~${id}~${randomUUID()}`, session: id, group, count }],
    }));
  } catch (e) {
    // Unrecorded codes must not work: remove them again.
    for (let i = 0; i < hashes.length; i += 100)
      await table
        .submitTransaction(
          hashes
            .slice(i, i + 100)
            .map((h): TransactionAction => ["delete", { partitionKey: sessionPartition(id), rowKey: codeKey(h) }]),
        )
        .catch(() => undefined);
    throw e;
  }
  // A close that began meanwhile has deleted or will delete these rows; tell the caller.
  const after = await readMeta(id);
  if (after?.status !== "open") throw closedProblem();
  return codes;
}

export const closedProblem = () =>
  new ProblemError(410, "session-closed", {
    "zh-CN": "本次测评已结束，不再接受投票；如有疑问请联系会议组织者",
    en: "this ballot session has closed and accepts no more votes; ask the meeting's organiser if in doubt",
  });

async function ledgerRows<T extends object>(prefix: string): Promise<T[]> {
  const { table } = await clients();
  const filter = `PartitionKey eq '${LEDGER}' and RowKey ge '${prefix}' and RowKey lt '${prefix}~~'`;
  const out: T[] = [];
  for await (const r of table.listEntities<T>({ queryOptions: { filter } })) out.push(r);
  return out;
}

/** Returned per group: counted from the ballot rows while open, from the closed blob afterwards. */
async function returnedByGroup(id: string, status: MetaRow["status"]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (status === "closed") {
    const ballots = await readClosedBallots(id);
    for (const b of ballots ?? []) counts.set(b.group, (counts.get(b.group) ?? 0) + 1);
    return counts;
  }
  const { table } = await clients();
  const p = sessionPartition(id);
  const filter = `PartitionKey eq '${p}' and RowKey ge 'b~' and RowKey lt 'b~~'`;
  for await (const r of table.listEntities<BallotRow>({ queryOptions: { filter, select: ["group"] } }))
    counts.set(r.group, (counts.get(r.group) ?? 0) + 1);
  return counts;
}

export async function sessionSummary(meta: MetaRow, doc: SessionDoc): Promise<SessionSummary> {
  const [issuedRows, returned] = await Promise.all([
    ledgerRows<IssuedRow>(`vi~${doc.id}`),
    returnedByGroup(doc.id, meta.status),
  ]);
  const issued = new Map<string, number>();
  for (const r of issuedRows) issued.set(r.group, (issued.get(r.group) ?? 0) + r.count);
  const groups = doc.groups.map((g) => ({
    group: g.key,
    label: g.label,
    issued: issued.get(g.key) ?? 0,
    returned: returned.get(g.key) ?? 0,
  }));
  return {
    id: doc.id,
    title: doc.title,
    status: meta.status,
    policy: doc.policy,
    form: doc.form,
    cadres: doc.cadres.length,
    expected: doc.expected,
    openedAt: meta.openedAt,
    closedAt: meta.closedAt ?? null,
    issued: groups.reduce((s, g) => s + g.issued, 0),
    returned: groups.reduce((s, g) => s + g.returned, 0),
    groups,
  };
}

export async function listOwnSessions(actor: string): Promise<SessionSummary[]> {
  const opened = (await ledgerRows<OpenedRow>("vs~")).filter((r) => r.owner === actor);
  const out: SessionSummary[] = [];
  for (const r of opened) {
    const meta = await readMeta(r.session);
    const doc = await readDoc(r.session);
    if (meta && doc) out.push(await sessionSummary(meta, doc));
  }
  return out.sort((a, b) => (a.openedAt < b.openedAt ? 1 : -1));
}

/** The code row, if the code is still unused. */
export async function unusedCode(id: string, code: string) {
  const { table } = await clients();
  return getEntity<{ group: string }>(table, sessionPartition(id), codeKey(codeHash(code)));
}

/**
 * Burns the code and stores the ballot in one transaction: deleting a row already deleted by a
 * parallel submit fails the whole transaction. Returns false when the code was burnt meanwhile.
 */
export async function castBallot(
  id: string,
  code: string,
  group: string,
  answers: Record<string, string | number>[],
): Promise<string | false> {
  const { table } = await clients();
  const salt = randomBytes(16).toString("hex");
  const receipt = await receiptOf(id, { group, answers, salt });
  const row: BallotRow = { group, answers: JSON.stringify(answers), salt };
  try {
    await table.submitTransaction([
      // Delete of a row that a parallel submit already deleted fails, and with it the whole transaction.
      ["delete", { partitionKey: sessionPartition(id), rowKey: codeKey(codeHash(code)) }],
      ["create", { partitionKey: sessionPartition(id), rowKey: ballotKey(receipt), ...row }],
    ]);
  } catch (e) {
    if (isConflict(e) || isNotFound(e)) return false;
    throw e;
  }
  return receipt;
}

export async function readClosedBallots(id: string): Promise<StoredBallot[] | undefined> {
  const { container } = await clients();
  try {
    const doc = JSON.parse((await container.getBlockBlobClient(ballotsBlob(id)).downloadToBuffer()).toString("utf8"));
    return (doc as { ballots: StoredBallot[] }).ballots;
  } catch (e) {
    if (isNotFound(e) || e instanceof SyntaxError) return undefined;
    throw e;
  }
}

/**
 * Closes a session, resumably: mark closing (submits are refused from now on), delete every unused
 * code (a submit that read "open" just before now fails its transaction), gather the ballots into one
 * blob sorted by receipt, chain the receipts list's hash into the audit log, mark closed, then delete
 * the ballot rows and with them their server timestamps.
 */
export async function closeSession(
  id: string,
  actor: string,
): Promise<{ returned: number; receiptsSha256: string; auditSeq: number; closedAt: string }> {
  const { meta, doc } = await ownedSession(id, actor);
  const { table, container } = await clients();
  const p = sessionPartition(id);
  if (meta.status === "open")
    await table.updateEntity({ partitionKey: p, rowKey: META, status: "closing" }, "Merge", { etag: meta.etag });
  const list = async (prefix: string) => {
    const keys: string[] = [];
    const filter = `PartitionKey eq '${p}' and RowKey ge '${prefix}' and RowKey lt '${prefix}~'`;
    for await (const r of table.listEntities({ queryOptions: { filter, select: ["RowKey"] } })) keys.push(r.rowKey!);
    return keys;
  };
  const deleteRows = async (keys: string[]) => {
    for (let i = 0; i < keys.length; i += 100)
      await table.submitTransaction(
        keys.slice(i, i + 100).map((k): TransactionAction => ["delete", { partitionKey: p, rowKey: k }]),
      );
  };
  await deleteRows(await list("c~"));

  let ballots = await readClosedBallots(id);
  if (!ballots) {
    ballots = [];
    const filter = `PartitionKey eq '${p}' and RowKey ge 'b~' and RowKey lt 'b~~'`;
    for await (const r of table.listEntities<BallotRow>({ queryOptions: { filter } }))
      ballots.push({ receipt: r.rowKey!.slice(2), group: r.group, answers: JSON.parse(r.answers), salt: r.salt });
    ballots.sort((a, b) => (a.receipt < b.receipt ? -1 : 1));
    const body = JSON.stringify({ session: id, ballots });
    await container
      .getBlockBlobClient(ballotsBlob(id))
      .upload(body, Buffer.byteLength(body), {
        blobHTTPHeaders: { blobContentType: "application/json" },
        conditions: { ifNoneMatch: "*" },
      })
      .catch(async (e) => {
        if (!isConflict(e)) throw e;
        ballots = (await readClosedBallots(id)) ?? ballots;
      });
  }
  const receipts = ballots.map((b) => b.receipt);
  const receiptsSha256 = await receiptsHash(receipts);
  const closedAt = meta.closedAt ?? new Date().toISOString();
  let closed = (await ledgerRows<ClosedRow & { seq?: number }>(`vc~${id}`))[0];
  let auditSeq = -1;
  if (!closed) {
    const entry = await appendWithRecords(async () => {
      if ((await ledgerRows<ClosedRow>(`vc~${id}`)).length > 0) return null;
      const row: ClosedRow = { session: id, closedAt, returned: receipts.length, receiptsSha256 };
      return {
        actor,
        action: "session.close",
        subject: id,
        policy: doc.policy,
        contentSha256: receiptsSha256,
        records: [{ partitionKey: LEDGER, rowKey: `vc~${id}`, ...row }],
      };
    });
    if (entry) auditSeq = entry.seq;
    closed = (await ledgerRows<ClosedRow>(`vc~${id}`))[0];
  }
  if (auditSeq < 0) {
    const { findEntry } = await import("./ledger.ts");
    auditSeq = (await findEntry("session.close", id))?.seq ?? -1;
  }
  await table.updateEntity({ partitionKey: p, rowKey: META, status: "closed", closedAt: closed!.closedAt }, "Merge");
  await deleteRows(await list("b~"));
  return { returned: closed!.returned, receiptsSha256: closed!.receiptsSha256, auditSeq, closedAt: closed!.closedAt };
}

/** The published receipts of a closed session (public: anyone may check their receipt is there). */
export async function publishedReceipts(
  id: string,
): Promise<{ title: string; closedAt: string; receipts: string[]; receiptsSha256: string } | undefined> {
  if (!/^[0-9A-Z]{6}$/.test(id)) return undefined;
  const meta = await readMeta(id);
  const doc = await readDoc(id);
  if (!meta || !doc || meta.status !== "closed") return undefined;
  const ballots = await readClosedBallots(id);
  if (!ballots) return undefined;
  const receipts = ballots.map((b) => b.receipt).sort();
  return { title: doc.title, closedAt: meta.closedAt!, receipts, receiptsSha256: await receiptsHash(receipts) };
}

/** For audit/verify: the closed blob's ballots still hash to their receipts, and the receipts to the chained hash. */
export async function sessionContentMatches(id: string, contentSha256: string): Promise<boolean> {
  const ballots = await readClosedBallots(id);
  if (!ballots) return false;
  for (const b of ballots) if ((await receiptOf(id, b)) !== b.receipt) return false;
  return (await receiptsHash(ballots.map((b) => b.receipt))) === contentSha256;
}

export const GRADE_VOTE_LABELS: { label: string; en: string }[] = [
  { label: "优秀", en: "Excellent" },
  { label: "称职", en: "Competent" },
  { label: "基本称职", en: "Basically competent" },
  { label: "不称职", en: "Incompetent" },
];

export type { Bilingual };
