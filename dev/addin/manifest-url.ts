import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_DIR } from "./build.ts";

/** The manifest's development base: every URL in manifest.xml starts with it. */
export const DEV_BASE = "https://localhost:3000";
export const MANIFEST_PATH = join(REPO_DIR, "manifest.xml");

/** The manifest with every dev URL moved to `base` (https only: Office refuses anything else). */
export function rewriteManifestBase(xml: string, base: string): string {
  const url = new URL(base);
  if (url.protocol !== "https:") throw new Error(`须为 https 地址 | the base must be an https URL: ${base}`);
  const clean = url.href.replace(/\/+$/, "");
  return xml.split(DEV_BASE).join(clean);
}

// Usage: npx tsx dev/addin/manifest-url.ts https://kaoping.example.cn/addin > manifest.prod.xml
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const base = process.argv[2];
  if (!base) {
    console.error("用法 usage: npx tsx dev/addin/manifest-url.ts https://host/path > manifest.prod.xml");
    process.exit(2);
  }
  process.stdout.write(rewriteManifestBase(await readFile(MANIFEST_PATH, "utf8"), base));
}
