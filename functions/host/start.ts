import { fileURLToPath } from "node:url";
import { startAzurite, type RunningAzurite } from "./azurite.ts";
import { makeDevIssuer, useDevIssuer } from "./dev-auth.ts";
import { startHost } from "./server.ts";
import { ROLES } from "../lib/auth.ts";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

interface Closable {
  close?: () => unknown;
  stop?: () => unknown;
}

/**
 * `npm start`: Azurite (data under .data/azurite), the local Functions host (PORT, default 7071),
 * the built-in policies, a development token issuer with a ready token per role, and the add-in's
 * dev server when it exists. KAOPING_SMOKE=1 checks /api/health and exits.
 */
export async function main(): Promise<void> {
  const smoke = process.env.KAOPING_SMOKE === "1";
  const port = process.env.PORT === undefined || process.env.PORT === "" ? 7071 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 须为 0–65535 的整数 | PORT must be a whole number 0 to 65535, got "${process.env.PORT}"`);

  let azurite: RunningAzurite | undefined;
  if (!process.env.KAOPING_STORAGE) {
    azurite = await startAzurite({ location: `${REPO}.data/azurite` });
    process.env.KAOPING_STORAGE = azurite.connectionString;
  }
  const dev = await makeDevIssuer();
  useDevIssuer(dev);
  process.env.KAOPING_ALLOWED_ORIGIN ||= "https://localhost:3000";

  const host = await startHost({ port, verbose: !smoke });
  const { seedDefaults } = await import("../store/policies.ts");
  const apiBase = `${host.url}/api`;
  let addin: Closable | undefined;
  const stopAll = async () => {
    await Promise.resolve(addin?.close?.() ?? addin?.stop?.()).catch(() => undefined);
    await host.close();
    await azurite?.stop();
  };

  try {
    await seedDefaults();
  } catch (e) {
    console.error("无法写入内置考核方案 | could not seed the built-in policies:", e);
  }

  if (smoke) {
    const res = await fetch(`${apiBase}/health`);
    const text = await res.text();
    console.log(`GET ${apiBase}/health -> ${res.status}`);
    console.log(text);
    await stopAll();
    process.exit(res.ok ? 0 : 1);
  }

  console.log(`\n考评 kaoping 本地服务已启动 | local services are up`);
  console.log(`  API:        ${apiBase}  (${host.registrations.length} functions)`);
  for (const r of host.registrations) console.log(`    ${r.methods.join(",").padEnd(8)} /api/${r.route}   [${r.name}]`);
  console.log(`  Azurite:    ${azurite ? `table :${azurite.tablePort}, blob :${azurite.blobPort}, data ${REPO}.data/azurite` : "(KAOPING_STORAGE)"}`);
  console.log(`\n开发令牌（12 小时有效）| development tokens (valid 12 h), send as "Authorization: Bearer <token>":`);
  for (const role of ROLES) console.log(`  ${role.padEnd(9)} ${await dev.tokenFor(role)}`);

  try {
    const mod = (await import("../../addin/dev-server.ts" as string)) as { serveAddin?: (o: { port: number; apiBase: string }) => Promise<Closable> | Closable };
    if (typeof mod.serveAddin === "function") {
      addin = await mod.serveAddin({ port: 3000, apiBase });
      console.log(`\n  Add-in:     https://localhost:3000`);
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code !== "ERR_MODULE_NOT_FOUND") console.error("加载项开发服务器未能启动 | the add-in dev server did not start:", e);
  }

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
