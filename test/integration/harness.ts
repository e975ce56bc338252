/**
 * Reusable integration harness: Azurite on free ports (temp dir or in memory), the local Functions
 * host on port 0 in this process, a development token issuer, and helpers to call the API.
 * One stack per test file (the functions read their settings from process.env, like in Azure).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TableClient } from "@azure/data-tables";
import { startAzurite, type RunningAzurite } from "../../dev/host/azurite.ts";
import { makeDevIssuer, useDevIssuer, type DevIssuer, type MintOptions } from "../../dev/host/dev-auth.ts";
import { startHost, type RunningHost } from "../../dev/host/server.ts";
import { TABLE_NAME } from "../../functions/store/clients.ts";
import type { Role } from "../../functions/lib/auth.ts";

export type { Role, MintOptions };

export interface StackOptions {
  /** Keep Azurite's data in memory instead of a temp folder. */
  inMemory?: boolean;
  /** The add-in origin CORS allows. */
  allowedOrigin?: string;
  /** Print function logs (information level). */
  verbose?: boolean;
}

export interface Stack {
  /** e.g. http://127.0.0.1:40123 */
  baseUrl: string;
  /** e.g. http://127.0.0.1:40123/api */
  apiBase: string;
  connectionString: string;
  allowedOrigin: string;
  azurite: RunningAzurite;
  host: RunningHost;
  issuer: DevIssuer;
  /** A valid token for one role (12 h). */
  token(role: Role): Promise<string>;
  /** Any token: other roles, expired, wrong audience or issuer, extra claims. */
  mint(options: MintOptions): Promise<string>;
  /** fetch `${apiBase}${path}` as a role (or with no token when role is null). */
  call(role: Role | null, path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  /** The ledger table, for tests that inspect or tamper with stored rows. */
  table(): TableClient;
  stopAzurite(): Promise<void>;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const dir = options.inMemory ? undefined : mkdtempSync(join(tmpdir(), "kaoping-azurite-"));
  const azurite = await startAzurite({ location: dir });
  const allowedOrigin = options.allowedOrigin ?? "https://localhost:3000";
  process.env.KAOPING_STORAGE = azurite.connectionString;
  process.env.KAOPING_ALLOWED_ORIGIN = allowedOrigin;
  // The audit chain's key (in Azure an app setting from Key Vault; locally .data/chain-key).
  process.env.KAOPING_CHAIN_KEY ||= randomBytes(32).toString("base64url");
  const issuer = await makeDevIssuer();
  useDevIssuer(issuer);
  let host: RunningHost;
  try {
    host = await startHost({ port: 0, verbose: options.verbose });
  } catch (e) {
    await azurite.stop();
    throw e;
  }
  const apiBase = `${host.url}/api`;
  const tokens = new Map<Role, Promise<string>>();
  let azuriteStopped = false;

  const stack: Stack = {
    baseUrl: host.url,
    apiBase,
    connectionString: azurite.connectionString,
    allowedOrigin,
    azurite,
    host,
    issuer,
    token(role) {
      if (!tokens.has(role)) tokens.set(role, issuer.tokenFor(role));
      return tokens.get(role)!;
    },
    mint: (o) => issuer.mint(o),
    async call(role, path, init = {}) {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (role) headers.set("Authorization", `Bearer ${await stack.token(role)}`);
      if (json !== undefined) headers.set("Content-Type", "application/json");
      return fetch(`${apiBase}${path}`, {
        ...rest,
        headers,
        body: json !== undefined ? JSON.stringify(json) : rest.body,
      });
    },
    table: () =>
      TableClient.fromConnectionString(azurite.connectionString, TABLE_NAME, { allowInsecureConnection: true }),
    async stopAzurite() {
      if (azuriteStopped) return;
      azuriteStopped = true;
      await azurite.stop();
    },
    async stop() {
      await host.close();
      await stack.stopAzurite();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return stack;
}

/** Reads a problem+json answer, checking its media type. */
export async function problemOf(res: Response): Promise<{
  status: number;
  type: string;
  title: string;
  detail?: string;
  message?: { "zh-CN": string; en: string };
  errors?: { pointer: string; path: (string | number)[]; message: { "zh-CN": string; en: string } }[];
}> {
  const type = res.headers.get("content-type") ?? "";
  if (!type.startsWith("application/problem+json"))
    throw new Error(`expected problem+json, got ${res.status} ${type}: ${await res.text()}`);
  return res.json();
}
