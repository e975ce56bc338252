import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_DIR } from "./build.ts";

/** The manifest's development base: every URL in manifest.xml starts with it. */
export const DEV_BASE = "https://localhost:3000";
/** The placeholder Entra app id in manifest.xml's <WebApplicationInfo>. */
export const PLACEHOLDER_APP_ID = "00000000-0000-0000-0000-000000000000";
export const MANIFEST_PATH = join(REPO_DIR, "manifest.xml");
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The manifest with every dev URL moved to `base` (https only: Office refuses anything else). The SSO resource
 * api://localhost:3000/<app id> follows the host, as Office requires it to name the add-in's own domain.
 */
export function rewriteManifestBase(xml: string, base: string): string {
  const url = new URL(base);
  if (url.protocol !== "https:") throw new Error(`须为 https 地址 | the base must be an https URL: ${base}`);
  const clean = url.href.replace(/\/+$/, "");
  return xml
    .split(DEV_BASE)
    .join(clean)
    .split(`api://${new URL(DEV_BASE).host}/`)
    .join(`api://${url.host}/`);
}

/** The manifest with the Entra app (client) id in <WebApplicationInfo> (its <Id> and its api:// resource). */
export function setAppId(xml: string, appId: string): string {
  if (!GUID.test(appId)) throw new Error(`应用程序 ID 须为 GUID | the app id must be a GUID: ${appId}`);
  return xml.split(PLACEHOLDER_APP_ID).join(appId.toLowerCase());
}

// Usage: npx tsx dev/addin/manifest-url.ts https://kaoping.example.cn/addin [app-id] > manifest.prod.xml
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [base, appId] = process.argv.slice(2);
  if (!base) {
    console.error("用法 usage: npx tsx dev/addin/manifest-url.ts https://host/path [entra-app-id] > manifest.prod.xml");
    process.exit(2);
  }
  const moved = rewriteManifestBase(await readFile(MANIFEST_PATH, "utf8"), base);
  process.stdout.write(appId ? setAppId(moved, appId) : moved);
}
