import { randomUUID } from "node:crypto";
import {
  canonicalJson,
  sha256Hex,
  type PolicyIdentity,
  type SurveyPolicy,
  type SurveyResult,
  type SurveySummary,
} from "../../shared/index.ts";
import { clients, getEntity, isNotFound } from "./clients.ts";
import { appendWithRecords, findEntry, LEDGER } from "./ledger.ts";
import { ProblemError } from "../lib/problem.ts";

/**
 * Scored surveys, one per submission, kept for every year (spec section 9: last year's figures are the
 * baseline). Only the scored result is stored, never the answer rows: what is kept is already the
 * privacy-safe figure set (groups under the minimum withheld). Each stored survey is an audit entry.
 */
interface SurveyRow {
  id: string;
  period: string;
  title?: string;
  /** The units it covers, as JSON text (a table column holds no lists). */
  units: string;
  policyId: string;
  policyVersion: number;
  policySha256: string;
  submittedAt: string;
  submittedBy: string;
  contentSha256: string;
}

export interface StoredSurveyDoc {
  result: SurveyResult;
  policy: SurveyPolicy;
}

const surveyKey = (id: string) => `v~${id}`;
const blobName = (id: string) => `survey-${id}.json`;
const contentSha = (row: { period: string; title?: string }, doc: StoredSurveyDoc) =>
  sha256Hex(canonicalJson({ period: row.period, title: row.title || null, doc }));

const toSummary = (r: SurveyRow): SurveySummary => ({
  id: r.id,
  period: r.period,
  ...(r.title ? { title: r.title } : {}),
  units: JSON.parse(r.units) as string[],
  policy: { id: r.policyId, version: r.policyVersion, sha256: r.policySha256 },
  submittedAt: r.submittedAt,
  submittedBy: r.submittedBy,
});

export async function submitSurvey(input: {
  period: string;
  title?: string;
  result: SurveyResult;
  policy: SurveyPolicy;
  identity: PolicyIdentity;
  actor: string;
}): Promise<SurveySummary> {
  const { container } = await clients();
  const doc: StoredSurveyDoc = { result: input.result, policy: input.policy };
  const body = JSON.stringify(doc);
  const contentSha256 = await contentSha(input, doc);
  const id = randomUUID();
  const blob = container.getBlockBlobClient(blobName(id));
  await blob.upload(body, Buffer.byteLength(body), {
    blobHTTPHeaders: { blobContentType: "application/json; charset=utf-8" },
  });
  const row: SurveyRow = {
    id,
    period: input.period,
    ...(input.title ? { title: input.title } : {}),
    units: JSON.stringify(input.result.units.map((u) => u.unit)),
    policyId: input.identity.id,
    policyVersion: input.identity.version,
    policySha256: input.identity.sha256,
    submittedAt: new Date().toISOString(),
    submittedBy: input.actor,
    contentSha256,
  };
  try {
    await appendWithRecords(async () => ({
      actor: input.actor,
      action: "survey.submit",
      subject: id,
      policy: input.identity,
      contentSha256,
      records: [{ partitionKey: LEDGER, rowKey: surveyKey(id), ...row }],
    }));
  } catch (e) {
    await blob.deleteIfExists().catch(() => undefined);
    throw e;
  }
  return toSummary(row);
}

/** Every stored survey, oldest submission first. */
export async function listSurveys(filter: { period?: string } = {}): Promise<SurveySummary[]> {
  const { table } = await clients();
  let q = `PartitionKey eq '${LEDGER}' and RowKey ge 'v~' and RowKey lt 'v~~'`;
  if (filter.period !== undefined) q += ` and period eq '${filter.period.replace(/'/g, "''")}'`;
  const out: SurveySummary[] = [];
  for await (const r of table.listEntities<SurveyRow>({ queryOptions: { filter: q } })) out.push(toSummary(r));
  return out.sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0));
}

/** A stored survey, checked against its audit entry (content altered in storage is refused, 409). */
export async function getSurvey(id: string): Promise<{ summary: SurveySummary; doc: StoredSurveyDoc } | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const { table, container } = await clients();
  const row = await getEntity<SurveyRow>(table, LEDGER, surveyKey(id));
  if (!row) return undefined;
  let doc: StoredSurveyDoc | undefined;
  try {
    doc = JSON.parse((await container.getBlockBlobClient(blobName(id)).downloadToBuffer()).toString("utf8"));
  } catch (e) {
    if (!(e instanceof SyntaxError) && !isNotFound(e)) throw e;
  }
  const entry = await findEntry("survey.submit", id);
  if (!doc || !entry || (await contentSha(row, doc)) !== entry.contentSha256)
    throw new ProblemError(409, "survey-content-mismatch", {
      "zh-CN": `评议结果 ${id} 的存储内容与其审计记录不符，可能在存储中被改动过；不予使用，请联系管理员核查`,
      en: `the stored content of survey ${id} does not match its audit entry; it may have been altered in storage, so it is not used; ask the administrator to investigate`,
    });
  return { summary: toSummary(row), doc };
}

/** Whether a stored survey's row and document still hash to `contentSha256` (for audit verify). */
export async function surveyContentMatches(id: string, contentSha256: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return false;
  const { table, container } = await clients();
  const row = await getEntity<SurveyRow>(table, LEDGER, surveyKey(id));
  if (!row) return false;
  try {
    const doc = JSON.parse((await container.getBlockBlobClient(blobName(id)).downloadToBuffer()).toString("utf8"));
    return (await contentSha(row, doc)) === contentSha256;
  } catch (e) {
    if (e instanceof SyntaxError || isNotFound(e)) return false;
    throw e;
  }
}

/**
 * The survey that counts for a year: the latest submission for that period (a resubmission corrects
 * the earlier one), optionally only among those covering `unit`.
 */
export async function latestSurveyFor(period: string, unit?: string) {
  const list = (await listSurveys({ period })).filter((s) => unit === undefined || s.units.includes(unit));
  const last = list[list.length - 1];
  return last ? getSurvey(last.id) : undefined;
}
