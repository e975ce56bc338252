import { readFile, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { functionsMetadataHash } from "./build.ts";
import { MANIFEST_PATH } from "./manifest-url.ts";
import { VERSION } from "../../shared/version.ts";

/**
 * Office caches custom-function metadata per manifest version: changed metadata under the same
 * version is not picked up. manifest.xml records the metadata hash next to <Version>; the manifest
 * test fails when they disagree, and this script bumps the version and records the new hash.
 * The first three numbers are the product version from package.json; the 4th counts metadata changes.
 */

export const VERSION_RE = /<Version>(\d+\.\d+\.\d+\.\d+)<\/Version>/;
export const STAMP_RE = /<!-- functions-metadata version=(\S+) sha256=([0-9a-f]{64}) -->/;

/** The next manifest version: the 4th number up by one, or `<product>.1` when package.json's version moved on. */
export function bumpVersion(version: string, product: string): string {
  const parts = version.split(".").map(Number);
  if (parts.slice(0, 3).join(".") !== product) return `${product}.1`;
  parts[3] = (parts[3] ?? 0) + 1;
  return parts.join(".");
}

export function stampManifest(xml: string, hash: string, product = VERSION): { xml: string; version: string } {
  const current = VERSION_RE.exec(xml)?.[1];
  if (!current) throw new Error("manifest.xml has no <Version>");
  const stamp = STAMP_RE.exec(xml);
  if (stamp && stamp[2] === hash && current.startsWith(`${product}.`)) return { xml, version: current };
  const version = bumpVersion(current, product);
  const line = `<!-- functions-metadata version=${version} sha256=${hash} -->`;
  const out = xml.replace(VERSION_RE, `<Version>${version}</Version>`);
  return {
    xml: stamp
      ? out.replace(STAMP_RE, line)
      : out.replace(`<Version>${version}</Version>`, `<Version>${version}</Version>\n  ${line}`),
    version,
  };
}

// Usage after changing a custom function's JSDoc: npx tsx dev/addin/manifest-version.ts
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const xml = await readFile(MANIFEST_PATH, "utf8");
  const { xml: next, version } = stampManifest(xml, await functionsMetadataHash());
  if (next !== xml) await writeFile(MANIFEST_PATH, next);
  console.log(
    next === xml
      ? `元数据未变，版本仍为 ${version} | metadata unchanged, version ${version}`
      : `版本已升至 ${version} | version bumped to ${version}`,
  );
}
