import { get as httpsGet } from "node:https";
import { get as httpGet } from "node:http";
import { fileURLToPath } from "node:url";
import { startAzurite, type RunningAzurite } from "./azurite.ts";
import { makeDevIssuer, useDevIssuer } from "./dev-auth.ts";
import { startHost } from "./server.ts";
import { ROLES } from "../../functions/lib/auth.ts";
import { seedDefaults } from "../../functions/store/policies.ts";
import { serveAddin, type AddinServer } from "../addin/dev-server.ts";
import { localChainKey } from "./chain-key-file.ts";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

/**
 * `npm start`: Azurite (data under .data/azurite), the local Functions host (PORT, default 7071),
 * the built-in policies, a development token issuer with a ready token per role, and the add-in's
 * dev server (ADDIN_PORT, default 3000). KAOPING_SMOKE=1 checks that the API answers
 * and the task pane is served, then exits (CI runs it).
 */
export async function main(): Promise<void> {
  const smoke = process.env.KAOPING_SMOKE === "1";
  const port = process.env.PORT === undefined || process.env.PORT === "" ? 7071 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT 须为 0–65535 的整数 | PORT must be a whole number 0 to 65535, got "${process.env.PORT}"`);

  let azurite: RunningAzurite | undefined;
  if (!process.env.KAOPING_STORAGE) {
    azurite = await startAzurite({ location: `${REPO}.data/azurite` });
    process.env.KAOPING_STORAGE = azurite.connectionString;
  }
  process.env.KAOPING_CHAIN_KEY ||= localChainKey(`${REPO}.data/chain-key`);
  const dev = await makeDevIssuer();
  useDevIssuer(dev);
  process.env.KAOPING_ALLOWED_ORIGIN ||= "https://localhost:3000";

  const host = await startHost({ port, verbose: !smoke });
  const apiBase = `${host.url}/api`;
  let addin: AddinServer | undefined;
  const stopAll = async () => {
    await addin?.close().catch(() => undefined);
    await host.close();
    await azurite?.stop();
  };

  try {
    await seedDefaults();
  } catch (e) {
    console.error("无法写入内置考核方案 | could not seed the built-in policies:", e);
  }

  // The add-in's dev server (ADDIN_PORT, default 3000); the API still serves when it cannot start.
  const addinPort =
    process.env.ADDIN_PORT === undefined || process.env.ADDIN_PORT === "" ? 3000 : Number(process.env.ADDIN_PORT);
  try {
    addin = await serveAddin({ port: smoke ? 0 : addinPort, apiBase });
  } catch (e) {
    console.error("加载项开发服务器未能启动 | the add-in dev server did not start:", e);
  }
  const addinUrl = addin?.url;

  if (smoke) {
    // CI's proof that the main job starts on a fresh machine: the API answers and the task pane is served.
    const res = await fetch(`${apiBase}/health`);
    console.log(`GET ${apiBase}/health -> ${res.status}`);
    console.log(await res.text());
    const pane = addinUrl
      ? await fetchInsecure(`${addinUrl.replace("localhost", "127.0.0.1")}/taskpane.html`)
      : undefined;
    console.log(pane ? `GET ${addinUrl}/taskpane.html -> ${pane.status} (${pane.bytes} bytes)` : "add-in: not served");
    await stopAll();
    process.exit(res.ok && pane?.status === 200 ? 0 : 1);
  }

  console.log(`\n考评 kaoping 本地服务已启动 | local services are up`);
  console.log(`  API:        ${apiBase}  (${host.registrations.length} functions)`);
  for (const r of host.registrations) console.log(`    ${r.methods.join(",").padEnd(8)} /api/${r.route}   [${r.name}]`);
  console.log(
    `  Azurite:    ${azurite ? `table :${azurite.tablePort}, blob :${azurite.blobPort}, data ${REPO}.data/azurite` : "(KAOPING_STORAGE)"}`,
  );
  if (addinUrl)
    console.log(`  Add-in:     ${addinUrl}/taskpane.html  (manifest.xml points here; see docs/addin.md to sideload)`);
  console.log(`\n开发令牌（12 小时有效）| development tokens (valid 12 h), send as "Authorization: Bearer <token>":`);
  for (const role of ROLES) console.log(`  ${role.padEnd(9)} ${await dev.tokenFor(role)}`);

  console.log(`\n按 Ctrl+C 停止 | press Ctrl+C to stop`);
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: 正在停止 | stopping…`);
    stopAll().then(
      () => process.exit(0),
      (e) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => onSignal("SIGINT"));
  process.once("SIGTERM", () => onSignal("SIGTERM"));
}

/** The dev certificate is signed by a dev CA this process does not trust: the smoke check reads the page without verifying it. */
function fetchInsecure(url: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const get = url.startsWith("https:") ? httpsGet : httpGet;
    get(url, { rejectUnauthorized: false }, (res) => {
      let bytes = 0;
      res.on("data", (c: Buffer) => (bytes += c.length));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes }));
    }).on("error", reject);
  });
}
