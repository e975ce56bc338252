/** The stand-in has no Node APIs: bundled for the browser, it runs the Excel layer inside Chromium as window.Excel. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "esbuild";
import { chromium, type Browser } from "playwright-core";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});
afterAll(async () => {
  await browser?.close();
});

describe("stand-in in a browser page", () => {
  it("installs as window.Excel and window.Office and serves the Excel layer", async () => {
    const bundle = await build({
      stdin: {
        contents: `export { installStandin } from "./test/standin/index.ts";
          export * as excel from "./addin/excel/index.ts";
          export { DEFAULT_POLICY } from "./shared/index.ts";`,
        resolveDir: root,
        loader: "ts",
      },
      bundle: true,
      platform: "browser",
      format: "iife",
      globalName: "K",
      write: false,
      logLevel: "silent",
    });
    const page = await browser.newPage();
    await page.setContent("<!doctype html><title>stand-in</title>");
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const out = await page.evaluate(async () => {
      const K = (window as unknown as { K: any }).K; // eslint-disable-line @typescript-eslint/no-explicit-any
      const standin = K.installStandin(window);
      const info = await (window as unknown as { Office: { onReady(): Promise<{ host: string }> } }).Office.onReady();
      await K.excel.createAssessmentSkeleton(K.DEFAULT_POLICY, "zh-CN");
      return {
        host: info.host,
        sheets: standin.inspect.sheetNames(),
        header: standin.inspect.values("干部名单")[0],
        syncs: standin.inspect.stats().syncs,
      };
    });
    expect(out).toEqual({
      host: "Excel",
      sheets: ["Sheet1", "干部名单", "测评票", "说明 Instructions"],
      header: ["编号 cadreId", "姓名 name", "单位 unit", "岗位类别 post"],
      syncs: 2,
    });
  });
});
