import { createHash } from "node:crypto";
import { copyFile, mkdir, readdir, stat, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import cfm from "custom-functions-metadata";
import { ICON_SIZES, iconPng } from "../../addin/assets/png.ts";
import { METADATA_FILES, localizeMetadata } from "../../addin/functions/metadata-i18n.ts";
import type { Lang } from "../../addin/i18n/index.ts";

/** Builds the add-in into dist/addin: pane, custom functions (one shared runtime), metadata, icons. */

export const REPO_DIR = fileURLToPath(new URL("../../", import.meta.url));
export const ADDIN_DIR = join(REPO_DIR, "addin");
/** Beside the compiled Functions app: dist/ holds what Azure and the browser run, nothing else. */
export const DIST_DIR = join(REPO_DIR, "dist", "addin");
export const FUNCTIONS_SOURCE = join(ADDIN_DIR, "functions", "functions.ts");
const STATIC_FILES = [
  ["taskpane/taskpane.html", "taskpane.html"],
  ["taskpane/functions.html", "functions.html"],
  ["taskpane/taskpane.css", "taskpane.css"],
  ["taskpane/auth.html", "auth.html"],
  ["functions/functions-help.html", "functions-help.html"],
] as const;

/** functions.json from the JSDoc of functions.ts; a JSDoc mistake fails the build with the tool's message. */
export async function generateFunctionsMetadata(source = FUNCTIONS_SOURCE): Promise<string> {
  const result = await cfm.generateCustomFunctionsMetadata(source);
  if (result.errors.length > 0) throw new Error(`custom-functions-metadata: ${result.errors.join("; ")}`);
  return result.metadataJson;
}

/** The add-in's base in the manifest (help links in the metadata point there); KAOPING_ADDIN_BASE for production. */
export const ADDIN_BASE = "https://localhost:3000";

/** functions.json (zh-CN, the default) and functions.en-US.json: Chinese tooltips in zh-CN Excel, English in en-US. */
export async function generateLocalizedMetadata(base = ADDIN_BASE): Promise<Record<Lang, string>> {
  const json = await generateFunctionsMetadata();
  return { "zh-CN": localizeMetadata(json, "zh-CN", base), en: localizeMetadata(json, "en", base) };
}

/** The hash the manifest records next to its version (JSON re-serialised, so formatting does not count). */
export const metadataHash = (metadataJson: string): string =>
  createHash("sha256")
    .update(JSON.stringify(JSON.parse(metadataJson)))
    .digest("hex");

/** The hash of every language's metadata (at the dev base): a changed tooltip in either language needs a bump. */
export async function functionsMetadataHash(): Promise<string> {
  const { "zh-CN": zh, en } = await generateLocalizedMetadata();
  return metadataHash(JSON.stringify([JSON.parse(zh), JSON.parse(en)]));
}

export interface BuildOptions {
  outDir?: string;
  minify?: boolean;
  /** Another module in place of addin/excel/index.ts (a test double); default: the real Excel layer. */
  excelModule?: string;
  /** Where the add-in is hosted (the functions' help links); default KAOPING_ADDIN_BASE or the dev server. */
  base?: string;
}

export async function buildAddin(opts: BuildOptions = {}): Promise<{ outDir: string; files: string[] }> {
  const outDir = opts.outDir ?? DIST_DIR;
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: {
      taskpane: join(ADDIN_DIR, "taskpane", "main.ts"),
      functions: FUNCTIONS_SOURCE,
      // The Office dialog page for MSAL sign-in where neither NAA nor SSO is available.
      auth: join(ADDIN_DIR, "auth", "auth-dialog.ts"),
    },
    outdir: outDir,
    bundle: true,
    format: "iife",
    platform: "browser",
    // Excel's webviews: Edge WebView2, WKWebView on Mac, and the browser for Excel on the web.
    target: "es2022",
    minify: opts.minify ?? true,
    sourcemap: "linked",
    legalComments: "none",
    logLevel: "warning",
    plugins: opts.excelModule
      ? [
          {
            name: "excel-double",
            setup: (b) => b.onResolve({ filter: /\/excel\/index\.ts$/ }, () => ({ path: opts.excelModule! })),
          },
        ]
      : [],
  });
  const metadata = await generateLocalizedMetadata(opts.base ?? process.env.KAOPING_ADDIN_BASE ?? ADDIN_BASE);
  for (const lang of ["zh-CN", "en"] as const) await writeFile(join(outDir, METADATA_FILES[lang]), metadata[lang]);
  for (const [from, to] of STATIC_FILES) await copyFile(join(ADDIN_DIR, from), join(outDir, to));
  for (const size of ICON_SIZES) await writeFile(join(outDir, `icon-${size}.png`), iconPng(size));
  return { outDir, files: (await readdir(outDir)).sort() };
}

async function newestMtime(dir: string, skip: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (path === skip || entry.name === "node_modules") continue;
    newest = Math.max(newest, entry.isDirectory() ? await newestMtime(path, skip) : (await stat(path)).mtimeMs);
  }
  return newest;
}

/** True when dist is missing or older than any source of the add-in or the shared core. */
export async function needsBuild(outDir = DIST_DIR): Promise<boolean> {
  let built: number;
  try {
    built = (await stat(join(outDir, "taskpane.js"))).mtimeMs;
    await stat(join(outDir, "functions.json"));
  } catch {
    return true;
  }
  const sources = Math.max(await newestMtime(ADDIN_DIR, outDir), await newestMtime(join(REPO_DIR, "shared"), ""));
  return sources > built;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { outDir, files } = await buildAddin({ minify: !process.argv.includes("--dev") });
  console.log(`已构建 built ${relative(process.cwd(), outDir) || "."}: ${files.join(", ")}`);
}
