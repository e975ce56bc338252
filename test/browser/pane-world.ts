/**
 * What a browser test of the task pane stands on: the pane built into a temp folder and served over https, the
 * real local host with Azurite, and Chromium (/usr/bin/chromium). One world per test file; `openPane` opens the
 * pane in the Excel stand-in, signed in with a role.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildAddin } from "../../dev/addin/build.ts";
import { serveAddin, type AddinServer } from "../../dev/addin/dev-server.ts";
import { startStack, type Role, type Stack } from "../integration/harness.ts";
import { screenshotDir } from "./screenshots.ts";
import { standinInitScript } from "./standin-script.ts";

export interface PaneWorld {
  site: AddinServer;
  stack: Stack;
  browser: Browser;
  /** Uncaught errors of every page opened with openPane: a test asserts there are none. */
  pageErrors: string[];
  /** The pane in a fresh browser context, ready (body[data-ready=true]). */
  openPane(role: Role, viewport?: { width: number; height: number }): Promise<Page>;
  /** A full-page screenshot into docs/screenshots (UPDATE_SCREENSHOTS=1) or test-output/screenshots. */
  shoot(page: Page, name: string): Promise<Buffer>;
  close(): Promise<void>;
}

export async function startPaneWorld(name: string): Promise<PaneWorld> {
  const dist = await mkdtemp(join(tmpdir(), `kaoping-${name}-`));
  await buildAddin({ outDir: dist, minify: false });
  const site = await serveAddin({ port: 0, distDir: dist });
  const stack = await startStack({ inMemory: true, allowedOrigin: site.url });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  const shots = screenshotDir();
  await mkdir(shots, { recursive: true });
  const pageErrors: string[] = [];
  return {
    site,
    stack,
    browser,
    pageErrors,
    async openPane(role, viewport = { width: 420, height: 800 }) {
      const context = await browser.newContext({
        viewport,
        deviceScaleFactor: 2,
        ignoreHTTPSErrors: true,
        locale: "zh-CN",
      });
      await context.addInitScript({
        content: await standinInitScript({
          displayLanguage: "zh-CN",
          origin: site.url,
          apiBase: stack.apiBase,
          token: await stack.token(role),
        }),
      });
      const page = await context.newPage();
      page.on("pageerror", (e) => pageErrors.push(e.message));
      await page.goto(`${site.url}/taskpane.html`);
      await page.waitForSelector("body[data-ready=true]");
      return page;
    },
    shoot: (page, file) => page.screenshot({ path: join(shots, file), fullPage: true }),
    async close() {
      await browser.close();
      await stack.stop();
      await site.close();
      await rm(dist, { recursive: true, force: true });
    },
  };
}
