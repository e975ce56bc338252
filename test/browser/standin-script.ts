/** The in-memory Excel stand-in as a page init script: window.Excel, window.Office and window.__standin (its inspector). */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface PaneSetup {
  /** Office.context.displayLanguage, e.g. "zh-CN" or "en-US". */
  displayLanguage: string;
  /** Only pages of this origin get the settings (the init script also runs on about:blank). */
  origin: string;
  apiBase: string;
  token: string;
  /** Office.context.officeTheme, e.g. a dark theme's colours. */
  officeTheme?: { bodyBackgroundColor: string; bodyForegroundColor: string };
}

let bundled: Promise<string> | undefined;

function bundleStandin(): Promise<string> {
  bundled ??= build({
    stdin: { contents: `export { installStandin } from "./test/standin/index.ts";`, resolveDir: root, loader: "ts" },
    bundle: true,
    platform: "browser",
    format: "iife",
    globalName: "KaopingStandin",
    write: false,
    logLevel: "silent",
  }).then((r) => r.outputFiles[0]!.text);
  return bundled;
}

/** Runs before the pane's own scripts, so taskpane.html finds an Office and does not load office.js. */
export async function standinInitScript(setup: PaneSetup): Promise<string> {
  return `${await bundleStandin()}
;(() => {
  const setup = ${JSON.stringify(setup)};
  if (location.origin !== setup.origin) return;
  window.__standin = KaopingStandin.installStandin(window, { displayLanguage: setup.displayLanguage }).inspect;
  if (setup.officeTheme) window.Office.context.officeTheme = setup.officeTheme;
  localStorage.setItem("kaoping.apiBase", setup.apiBase);
  localStorage.setItem("kaoping.token", setup.token);
})();`;
}
