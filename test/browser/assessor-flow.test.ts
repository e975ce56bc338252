/**
 * An assessor's day in the built task pane: Debian's Chromium, the real local functions host (Azurite in
 * memory), the real Excel layer over the in-page Excel stand-in. Screenshots go to test-output/screenshots/
 * (to docs/screenshots/ with UPDATE_SCREENSHOTS=1, so a normal run leaves the tree clean).
 * Expected values are worked by hand in ./assessment-data.ts.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { buildAddin } from "../../addin/build.ts";
import { serveAddin, type AddinServer } from "../../addin/dev-server.ts";
import { startStack, type Stack } from "../integration/harness.ts";
import { BALLOT_ROWS, CADRE_ROWS, EXPECTED_ISSUES, EXPECTED_RESULTS } from "./assessment-data.ts";
import { act, fill, selection, sheetNames, sheetValues, tableRows, text, writeRange } from "./pane-driver.ts";
import { standinInitScript } from "./standin-script.ts";
import { dumpSheet, sheetHtml } from "./sheet-html.ts";

const SHOTS = fileURLToPath(
  new URL(
    process.env.UPDATE_SCREENSHOTS ? "../../docs/screenshots/" : "../../test-output/screenshots/",
    import.meta.url,
  ),
);
const UNIT = "示范县委组织部";
const PERIOD = "2026";
const RESULTS_COLUMNS = 30; // rank … reasons: the table, without the radar block to its right

let dist: string;
let site: AddinServer;
let stack: Stack;
let browser: Browser;
let pane: Page;
const verdictPosts: string[] = [];
const pageErrors: string[] = [];

async function openPane(displayLanguage: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 420, height: 800 },
    deviceScaleFactor: 2,
    ignoreHTTPSErrors: true,
    locale: displayLanguage,
  });
  await context.addInitScript({
    content: await standinInitScript({
      displayLanguage,
      origin: site.url,
      apiBase: stack.apiBase,
      token: await stack.token("assessor"),
    }),
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(`${site.url}/taskpane.html`);
  await page.waitForSelector("body[data-ready=true]");
  return { context, page };
}

const shoot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, name), fullPage: true });

/** New assessment with the `default` policy published on the host, then the hand-worked data typed in. */
async function newAssessmentWithData(page: Page): Promise<void> {
  expect((await act(page, "policy-load")).state).toBe("done");
  await page.click('[data-testid="policy-select"]');
  await page.click('[data-testid="policy-option-default@1"]');
  expect(await page.$eval('[data-testid="policy-select"]', (e) => (e as unknown as { value: string }).value)).toBe(
    "default@1",
  );
  expect((await act(page, "create-skeleton")).state).toBe("done");
  await writeRange(page, "干部名单", `A2:D${CADRE_ROWS.length + 1}`, CADRE_ROWS);
  await writeRange(page, "测评票", `A2:I${BALLOT_ROWS.length + 1}`, BALLOT_ROWS);
}

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), "kaoping-e2e-"));
  await buildAddin({ outDir: dist, minify: false });
  site = await serveAddin({ port: 0, distDir: dist });
  // CORS admits exactly the pane's origin, as in production.
  stack = await startStack({ inMemory: true, allowedOrigin: site.url });
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
  await mkdir(SHOTS, { recursive: true });
  ({ page: pane } = await openPane("zh-CN"));
  pane.on("request", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname === "/api/rules/verdict") verdictPosts.push(r.url());
  });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await site?.close();
  if (dist) await rm(dist, { recursive: true, force: true });
});

describe("an assessor's day in the task pane (real host, real Excel layer over the stand-in)", () => {
  it("新建考核: picks the host's `default` policy and creates the bilingual sheets", async () => {
    expect(await text(pane, "nav-new")).toBe("新建考核");
    expect((await act(pane, "policy-load")).state).toBe("done");
    await pane.click('[data-testid="policy-select"]');
    await pane.click('[data-testid="policy-option-default@1"]');
    expect(await pane.$eval('[data-testid="policy-select"]', (e) => (e as unknown as { value: string }).value)).toBe(
      "default@1",
    );
    const created = await act(pane, "create-skeleton");
    expect(created).toEqual({ state: "done", text: "已按方案「年度考核（领导干部）」（default 第 1 版）创建考核表" });
    // Fetched from the host, so the cloud is asked for exactly this version later.
    expect(JSON.parse((await pane.evaluate(() => localStorage.getItem("kaoping.policy")))!)).toMatchObject({
      published: true,
      policy: { id: "default", version: 1 },
    });
    // The hidden _kaoping sheet keeps the chosen policy: the workbook is bound to it on any computer.
    expect(await sheetNames(pane)).toEqual(["Sheet1", "干部名单", "测评票", "说明 Instructions", "_kaoping"]);
    expect(
      await pane.evaluate(
        () =>
          (window as unknown as { __standin: { sheet(n: string): { visibility: string } } }).__standin.sheet("_kaoping")
            .visibility,
      ),
    ).toBe("Hidden");
    expect((await sheetValues(pane, "_kaoping"))[0]![4]).toBe("kaoping-policy v1");
    expect((await sheetValues(pane, "干部名单"))[0]).toEqual([
      "编号 cadreId",
      "姓名 name",
      "单位 unit",
      "岗位类别 post",
    ]);
    expect((await sheetValues(pane, "测评票"))[0]).toEqual([
      "票号 ballotId",
      "测评主体 raterGroup",
      "编号 cadreId",
      "德 morality",
      "能 ability",
      "勤 diligence",
      "绩 achievement",
      "廉 integrity",
      "等次 gradeVote",
    ]);
    expect(await pane.isVisible('[data-testid="offline-banner"]')).toBe(false);
    await shoot(pane, "01-new.png");
  });

  it("enters 4 cadres x 3 groups x 7 ballots and two bad rows", async () => {
    await writeRange(pane, "干部名单", "A2:D5", CADRE_ROWS);
    await writeRange(pane, "测评票", `A2:I${BALLOT_ROWS.length + 1}`, BALLOT_ROWS);
    const ballots = await sheetValues(pane, "测评票");
    expect(ballots.length).toBe(87); // header + 84 good + 2 bad
    expect(ballots[85]).toEqual(["S8", "上级领导", "C002", 85, 85, 85, 85, 120, "称职"]);
  });

  it("检查: lists both issues with their sheet row and field, and a click selects the cell", async () => {
    await pane.click('[data-testid="nav-check"]');
    expect((await act(pane, "check-run")).state).toBe("done");
    expect(await text(pane, "issue-count")).toBe("发现 2 个问题（单击定位单元格）");
    const rows: string[][] = [];
    for (let i = 0; i < 2; i++)
      rows.push(await pane.$$eval(`[data-testid="issue-${i}"] td`, (tds) => tds.map((td) => td.textContent ?? "")));
    for (const want of EXPECTED_ISSUES) {
      const got = rows.find((r) => r[1] === String(want.row));
      expect(got?.slice(0, 4)).toEqual(["测评票", String(want.row), want.field, want.rule]);
      expect(got?.[4]).toContain(`第 ${want.row} 行`);
      expect(got?.[4]).toContain(want.zh);
    }
    // The problem cells are shaded light red in the sheet.
    await shoot(pane, "02-check.png");
    for (const want of EXPECTED_ISSUES) {
      const i = rows.findIndex((r) => r[1] === String(want.row));
      expect((await act(pane, `issue-link-${i}`)).state).toBe("done");
      expect(await selection(pane)).toEqual({ sheet: "测评票", address: want.cell });
    }
  });

  it("计分: writes 考核结果 with the hand-worked composites, grades and verdicts, after one verdict request", async () => {
    await pane.click('[data-testid="nav-score"]');
    const before = verdictPosts.length;
    expect((await act(pane, "score-run")).state).toBe("done");
    expect(verdictPosts.length - before).toBe(1);

    const values = await sheetValues(pane, "考核结果");
    expect(values[0]![0]).toBe(
      "考核结果（建议等次，须经组织认定） Assessment results (proposed grades, to be confirmed by the organisation)",
    );
    expect(String(values[1]![0])).toMatch(/^方案 policy: default · 版本 version 1 · sha256 [0-9a-f]{64}$/);
    const table = tableRows(values);
    expect([...table.keys()].sort()).toEqual(["C001", "C002", "C003", "C004"]);
    for (const want of EXPECTED_RESULTS) {
      const row = table.get(want.cadreId)!;
      expect({
        id: want.cadreId,
        rank: row["排名 rank"],
        rankInPost: row["岗位内排名 rankInPost"],
        composite: row["综合得分 composite"],
        grade: row["建议等次 proposed grade"],
        verdict: row["结论 verdict"],
        provisional: row["暂定 provisional"],
        review: row["需组织认定 review required"],
      }).toEqual({
        id: want.cadreId,
        rank: want.rank,
        rankInPost: want.rankInPost,
        composite: want.composite,
        grade: want.grade,
        verdict: want.verdict,
        provisional: "否",
        review: want.review,
      });
    }
    // C001's groups: trimmed means 90.4, 89.6, 89.99; 服务对象 absent. C004: 廉 55 (the veto).
    expect([
      table.get("C001")!["上级领导 superior"],
      table.get("C001")!["同级 peer"],
      table.get("C001")!["下级 subordinate"],
      table.get("C001")!["服务对象 service"],
    ]).toEqual([90.4, 89.6, 89.99, ""]);
    expect(table.get("C004")!["廉 integrity"]).toBe(55);
    expect([table.get("C003")!["有效票 n"], table.get("C003")!["称职及以上占比 competent-or-better share"]]).toEqual([
      21,
      13 / 21,
    ]);

    // The pane agrees: one per grade, C003 and C004 for organisational review, the two bad rows not scored.
    for (const [grade, label] of [
      ["excellent", "优秀"],
      ["competent", "称职"],
      ["basic", "基本称职"],
      ["incompetent", "不称职"],
    ])
      expect(await text(pane, `grade-count-${grade}`)).toBe(`${label}1`);
    expect(await text(pane, "grade-count-quota_tie")).toBe("名额并列待定0");
    expect(await text(pane, "grade-count-unscored")).toBe("未计分0");
    expect(await pane.$$eval('[data-testid="review-list"] > li', (lis) => lis.map((li) => li.dataset.testid))).toEqual([
      "review-C003",
      "review-C004",
    ]);
    expect(await text(pane, "review-C003")).toContain("王五（C003）基本称职");
    expect(await text(pane, "review-C003")).toContain("13/21");
    expect(await text(pane, "review-C004")).toContain("赵六（C004）不称职");
    expect(await text(pane, "score-issues")).toBe("有 2 个数据问题，相关测评票未计分，详见「检查」");
    expect(await pane.isVisible('[data-testid="score-provisional"]')).toBe(false);
    await shoot(pane, "03-score.png");

    // The radar chart follows the row the user selects (its id cell is AG1, just right of the 30-column table).
    expect(values[0]![RESULTS_COLUMNS + 1]).toBe("雷达图：输入编号 radar: cadre id");
    const c003Row = values.findIndex((r) => r[2] === "C003") + 1;
    await pane.evaluate(
      (address) =>
        (window as unknown as { __standin: { userSelect(s: string, a: string): Promise<void> } }).__standin.userSelect(
          "考核结果",
          address,
        ),
      `D${c003Row}`,
    );
    expect((await sheetValues(pane, "考核结果"))[0]![RESULTS_COLUMNS + 2]).toBe("C003");
  });

  it("提交 / 拉取: submits as the assessor, then HR lists and pulls the same composites", async () => {
    await pane.click('[data-testid="nav-submit"]');
    await fill(pane, "submit-unit", UNIT);
    await fill(pane, "submit-period", PERIOD);
    await fill(pane, "submit-title", "2026 年度考核");
    const sent = await act(pane, "submit-send");
    expect(sent.state).toBe("done");
    const id = /已提交，编号 (\S+)/.exec(sent.text)?.[1];
    expect(id).toBeTruthy();

    // The same person's desk, now signed in as HR: settings are read on every call.
    await pane.evaluate((token) => localStorage.setItem("kaoping.token", token), await stack.token("hr"));
    await fill(pane, "pull-unit", UNIT);
    await fill(pane, "pull-period", PERIOD);
    expect((await act(pane, "pull-list")).state).toBe("done");
    expect(
      await pane.$$eval('[data-testid^="pull-row-"]', (rows) => rows.map((r) => r.getAttribute("data-testid"))),
    ).toEqual([`pull-row-${id}`]);
    expect(
      await pane.$$eval(`[data-testid="pull-row-${id}"] td`, (tds) => tds.slice(0, 4).map((td) => td.textContent)),
    ).toEqual([UNIT, PERIOD, "2026 年度考核", "4"]);
    const pulled = await act(pane, `pull-${id}`);
    expect(pulled).toEqual({ state: "done", text: `已拉取到工作表「拉取 ${PERIOD} ${UNIT}」` });
    await shoot(pane, "04-submit.png");

    const scored = tableRows(await sheetValues(pane, "考核结果"));
    const fromHost = tableRows(await sheetValues(pane, `拉取 ${PERIOD} ${UNIT}`));
    const composites = (t: typeof scored) => Object.fromEntries([...t].map(([k, r]) => [k, r["综合得分 composite"]]));
    expect(composites(fromHost)).toEqual(composites(scored));
    expect(composites(fromHost)).toEqual(Object.fromEntries(EXPECTED_RESULTS.map((r) => [r.cadreId, r.composite])));
    await pane.evaluate((token) => localStorage.setItem("kaoping.token", token), await stack.token("assessor"));
  });

  it("renders the written 考核结果 sheet for the reader", async () => {
    const dump = await dumpSheet(pane, "考核结果");
    const context = await browser.newContext({ viewport: { width: 1600, height: 400 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.setContent(sheetHtml(dump, RESULTS_COLUMNS, "考核结果 (written by the add-in into the Excel stand-in)"));
    await shoot(page, "07-results-sheet.png");
    await context.close();
  });

  it("English: with displayLanguage en-US the pane speaks English", async () => {
    const { context, page } = await openPane("en-US");
    expect(await page.$$eval('[role="tab"]', (tabs) => tabs.map((t) => t.textContent))).toEqual([
      "New assessment",
      "Check",
      "Score",
      "Recommendation",
      "Submit & pull",
      "Settings",
      "Phone ballots",
    ]);
    await newAssessmentWithData(page);
    await page.click('[data-testid="nav-check"]');
    expect((await act(page, "check-run")).state).toBe("done");
    expect(await text(page, "issue-count")).toBe("2 problem(s) found (click to go to the cell)");
    expect(await page.$$eval("table.grid th", (ths) => ths.map((th) => th.textContent))).toEqual([
      "Sheet",
      "Row",
      "Field",
      "Rule",
      "Message",
    ]);
    const messages = await page.$$eval('[data-testid^="issue-"] td:last-child', (tds) =>
      tds.map((td) => td.textContent ?? ""),
    );
    for (const want of EXPECTED_ISSUES) expect(messages.some((m) => m.includes(want.en))).toBe(true);
    await shoot(page, "06-english.png");
    await page.click('[data-testid="nav-score"]');
    expect((await act(page, "score-run")).state).toBe("done");
    expect(await text(page, "grade-count-excellent")).toBe("Excellent1");
    expect(await text(page, "grade-count-basic")).toBe("Basically competent1");
    const table = tableRows(await sheetValues(page, "考核结果"));
    expect(EXPECTED_RESULTS.map((r) => table.get(r.cadreId)!["建议等次 proposed grade"])).toEqual(
      EXPECTED_RESULTS.map((r) => r.gradeEn),
    );
    await context.close();
  });

  it("offline: with the host stopped, scoring still finishes and every verdict is provisional", async () => {
    await stack.host.close();
    await pane.click('[data-testid="nav-score"]');
    const done = await act(pane, "score-run", 15_000);
    expect(done.state).toBe("done");
    expect(await pane.isVisible('[data-testid="offline-banner"]')).toBe(true);
    expect(await text(pane, "offline-banner")).toBe("离线：无法连接考评服务，裁定由本地缓存的方案计算，均为暂定");
    expect(await text(pane, "score-provisional")).toBe("全部裁定为暂定（离线，使用缓存方案计算）");
    for (const id of ["C003", "C004"]) expect(await text(pane, `review-${id}`)).toContain("（暂定）");

    const values = await sheetValues(pane, "考核结果");
    expect(String(values[2]![0])).toContain("暂定（离线）provisional (offline)");
    const table = tableRows(values);
    for (const want of EXPECTED_RESULTS) {
      const row = table.get(want.cadreId)!;
      // The cached policy decides the same grades; each one is marked as computed offline.
      expect([
        row["综合得分 composite"],
        row["建议等次 proposed grade"],
        row["结论 verdict"],
        row["暂定 provisional"],
      ]).toEqual([want.composite, want.grade, want.verdict, "暂定（离线）provisional (offline)"]);
    }
    // Each cadre says why it is provisional, in the reasons column HR will see.
    for (const want of EXPECTED_RESULTS)
      expect(String(table.get(want.cadreId)!["说明 reasons"])).toContain("离线时按缓存方案判定，暂定；须联网重新计分");
    await shoot(pane, "05-offline.png");
    // Submit refuses offline verdicts: nothing is sent.
    await pane.click('[data-testid="nav-submit"]');
    expect(await act(pane, "submit-send")).toEqual({
      state: "error",
      text: "出错：有 4 名干部的裁定为离线暂定，不能提交；请联网后在「计分」页重新计分",
    });
    expect(pageErrors).toEqual([]);
  });
});
