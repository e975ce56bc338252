import { TableClient, type TableEntityResult } from "@azure/data-tables";
import { BlobServiceClient, type ContainerClient } from "@azure/storage-blob";
import { settings } from "../lib/settings.ts";
import { ProblemError, storeUnavailable } from "../lib/problem.ts";

/** One table and one container hold everything; one partition of the table is the ledger (see ledger.ts). */
export const TABLE_NAME = "kaoping";
export const CONTAINER_NAME = "sheets";

// Few, quick retries: a caller waiting on a dead store should get 503 + Retry-After promptly.
const retryOptions = { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1000 };

interface Clients {
  table: TableClient;
  container: ContainerClient;
  ready?: Promise<void>;
}
const byConnection = new Map<string, Clients>();

function connection(): string {
  const conn = settings().storage;
  if (!conn)
    throw new ProblemError(
      503,
      "store-not-configured",
      {
        "zh-CN": "未配置存储连接（KAOPING_STORAGE 或 AzureWebJobsStorage）",
        en: "no storage connection is configured (KAOPING_STORAGE or AzureWebJobsStorage)",
      },
      { headers: { "Retry-After": "60" } },
    );
  return conn;
}

/** Clients for the configured account; the table and container are created on first use. */
export async function clients(): Promise<Clients> {
  const conn = connection();
  let c = byConnection.get(conn);
  if (!c) {
    const insecure =
      /UseDevelopmentStorage=true|DefaultEndpointsProtocol=http;|https?:\/\/127\.0\.0\.1|localhost/i.test(conn);
    c = {
      table: TableClient.fromConnectionString(conn, TABLE_NAME, { allowInsecureConnection: insecure, retryOptions }),
      container: BlobServiceClient.fromConnectionString(conn, {
        retryOptions: { maxTries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 1000 },
      }).getContainerClient(CONTAINER_NAME),
    };
    byConnection.set(conn, c);
  }
  if (!c.ready) {
    const cc = c;
    cc.ready = (async () => {
      await cc.table.createTable();
      await cc.container.createIfNotExists();
    })();
    cc.ready.catch(() => (cc.ready = undefined));
  }
  await c.ready;
  return c;
}

const statusOf = (e: unknown): number | undefined => (e as { statusCode?: number } | null)?.statusCode;

/** The store answered that the row is already there / the ETag moved on: a lost race, retry or report. */
export const isConflict = (e: unknown): boolean => statusOf(e) === 409 || statusOf(e) === 412;
export const isNotFound = (e: unknown): boolean => statusOf(e) === 404;

/** No answer, or the service's own failure: the caller gets 503 with Retry-After. */
export function isStoreDown(e: unknown): boolean {
  if (e instanceof ProblemError) return false;
  const err = e as { name?: string; code?: string; statusCode?: number } | null;
  if (!err || typeof err !== "object") return false;
  if (err.name === "RestError" || err.name === "StorageError")
    return err.statusCode === undefined || err.statusCode >= 500 || err.statusCode === 408;
  return ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EPIPE"].includes(err.code ?? "");
}

export async function getEntity<T extends object>(
  table: TableClient,
  pk: string,
  rk: string,
): Promise<TableEntityResult<T> | undefined> {
  try {
    return await table.getEntity<T>(pk, rk);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

export { storeUnavailable };
