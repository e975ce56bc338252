/**
 * An assessor's and an HR officer's day in the built task pane: Debian's Chromium, the real local functions host (Azurite in
 * memory), the real Excel layer over the in-page Excel stand-in. Screenshots go to test-output/screenshots/
 * (to docs/screenshots/ with UPDATE_SCREENSHOTS=1, so a normal run leaves the tree clean).
 * Expected values are worked by hand in ./assessment-data.ts.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { buildAddin } from "../../dev/addin/build.ts";
import { serveAddin, type AddinServer } from "../../dev/addin/dev-server.ts";
import { startStack, type Stack } from "../integration/harness.ts";
import { BALLOT_ROWS, CADRE_ROWS, EXPECTED_ISSUES, EXPECTED_RESULTS } from "./assessment-data.ts";
import { act, fill, selection, sheetNames, sheetValues, tableRows, text, writeRange } from "./pane-driver.ts";
import { standinInitScript } from "./standin-script.ts";
import { dumpSheet, sheetHtml } from "./sheet-html.ts";
import { screenshotDir } from "./screenshots.ts";
import { developerWords, seriousViolations } from "./a11y.ts";

const SHOTS = screenshotDir();
const UNIT = "示范县委组织部";
const PERIOD = "2026";
const DETAIL_COLUMNS = 36; // 考核明细: rank … exact composite, without the radar block to its right
const REPORT_COLUMNS = 12; // 考核结果: the printed page's key columns
const GRADE = "建议等次（需组织认定） Proposed grade (to be confirmed)";
const VERDICT_EN: Record<string, string> = { 胜任现职: "Fit for post", 不胜任现职: "Unfit for post" };
const YES_NO: Record<string, string> = { 是: "是 Yes", 否: "否 No" };

let dist: string;
let site: AddinServer;
let stack: Stack;
let browser: Browser;
let pane: Page;
let submittedId = "";
const verdictPosts: string[] = [];
const pageErrors: string[] = [];

const DARK_OFFICE = { bodyBackgroundColor: "#292929", bodyForegroundColor: "#ffffff" };

async function openPane(
  displayLanguage: string,
  opts: { role?: "assessor" | "hr"; width?: number; officeTheme?: typeof DARK_OFFICE } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 420, height: 800 },
    deviceScaleFactor: 2,
    ignoreHTTPSErrors: true,
    locale: displayLanguage,
  });
  await context.addInitScript({
    content: await standinInitScript({
      displayLanguage,
      origin: site.url,
      apiBase: stack.apiBase,
      token: await stack.token(opts.role ?? "assessor"),
      ...(opts.officeTheme ? { officeTheme: opts.officeTheme } : {}),
    }),
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(`${site.url}/taskpane.html`);
  await page.waitForSelector("body[data-ready=true]");
  return { context, page };
}

const shoot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, name), fullPage: true });

/** Every page a user sees: no developer words on screen (zh-CN), nothing serious for axe, one level-one heading. */
async function checkPage(page: Page, zh = true): Promise<void> {
  if (zh) expect(await developerWords(page)).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
  expect(
    await page.$$eval("h1", (hs) => hs.filter((x) => x.offsetParent !== null).map((x) => x.textContent)),
  ).toHaveLength(1);
}

const tabNames = (page: Page) => page.$$eval('[role="tab"]', (tabs) => tabs.map((t) => t.textContent));

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
  it("the checks themselves catch a known fault (axe, developer words)", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent(
      '<html lang="zh-CN"><title>t</title><body><main><h1>t</h1><input type="text"><p>/unit：不能小于 1</p><p>字段 integrity</p></main></body></html>',
    );
    expect((await seriousViolations(page)).map((v) => v.id)).toContain("label");
    expect(await developerWords(page)).toEqual(["/unit：不能小于 1", "字段 integrity"]);
    await context.close();
  });

  it("shows an assessor the assessment pages only, as ARIA tabs that follow the arrow keys", async () => {
    expect(await tabNames(pane)).toEqual([
      "新建",
      "扫码测评",
      "检查",
      "计分",
      "推荐",
      "公推公选",
      "票决",
      "满意度",
      "提交",
      "设置",
    ]);
    expect(await pane.textContent("h1:visible")).toBe("新建考核");
    expect(await pane.getAttribute('[role="tablist"]', "aria-label")).toBe("考评功能");
    const selected = () => pane.$eval('[role="tab"][aria-selected="true"]', (t) => t.getAttribute("data-page"));
    const focused = () => pane.evaluate(() => document.activeElement?.getAttribute("data-page"));
    await pane.focus('[data-testid="nav-new"]');
    await pane.keyboard.press("ArrowRight");
    expect([await selected(), await focused()]).toEqual(["ballots", "ballots"]);
    expect(await pane.textContent("h1:visible")).toBe("扫码测评（手机投票）");
    await pane.keyboard.press("End");
    expect([await selected(), await focused()]).toEqual(["settings", "settings"]);
    await pane.keyboard.press("ArrowRight");
    expect(await selected()).toBe("new");
    await pane.keyboard.press("ArrowLeft");
    expect(await selected()).toBe("settings");
    // The settings page says who is signed in and as what.
    expect(await text(pane, "settings-who")).toMatch(/^已登录：.+（考核员）$/);
    // No pasted-token box outside developer mode.
    expect(await pane.$('[data-testid="settings-token"]')).toBeNull();
    await checkPage(pane);
    await shoot(pane, "14-settings.png");
    await pane.keyboard.press("Home");
    expect(await selected()).toBe("new");
    // One tab stop: only the selected tab is in the tab order.
    expect(await pane.$$eval('[role="tab"][tabindex="0"]', (t) => t.length)).toBe(1);
  });

  it("新建考核: picks the host's `default` policy and creates the bilingual sheets", async () => {
    expect(await pane.getAttribute('[data-testid="policy-select"]', "aria-label")).toBe("考核方案");
    expect((await act(pane, "policy-load")).state).toBe("done");
    await pane.click('[data-testid="policy-select"]');
    await pane.click('[data-testid="policy-option-default@1"]');
    expect(await pane.$eval('[data-testid="policy-select"]', (e) => (e as unknown as { value: string }).value)).toBe(
      "default@1",
    );
    const created = await act(pane, "create-skeleton");
    expect(created).toEqual({
      state: "done",
      text: "已按「年度考核（领导干部）」第 1 版创建考核表：请在「干部名单」和「测评票」中录入数据",
    });
    expect(await pane.getAttribute('[data-testid="status"]', "data-intent")).toBe("success");
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
    await checkPage(pane);
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
    const checked = await act(pane, "check-run");
    expect(checked).toEqual({ state: "done", text: "发现 2 个问题：单击行号可定位到单元格，改正后再检查一次" });
    expect(await pane.getAttribute('[data-testid="status"]', "data-intent")).toBe("warning");
    expect(await text(pane, "issue-count")).toBe("发现 2 个问题：单击行号可定位到单元格，改正后再检查一次");
    const rows: string[][] = [];
    for (let i = 0; i < 2; i++)
      rows.push(await pane.$$eval(`[data-testid="issue-${i}"] td`, (tds) => tds.map((td) => td.textContent ?? "")));
    for (const want of EXPECTED_ISSUES) {
      const got = rows.find((r) => r[1] === String(want.row));
      expect(got?.slice(0, 4)).toEqual(["测评票", String(want.row), want.fieldZh, want.ruleZh]);
      expect(got?.[4]).toContain(`第 ${want.row} 行`);
      expect(got?.[4]).toContain(want.zh);
    }
    // The problem cells are shaded light red in the sheet.
    await checkPage(pane);
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
    const scored = await act(pane, "score-run");
    // Two ballots were not scored: done, but as a warning.
    expect(scored).toEqual({
      state: "done",
      text: "已按「年度考核（领导干部） 第 1 版」为 4 名干部计分，结果写在「考核结果」工作表",
    });
    expect(verdictPosts.length - before).toBe(1);

    const page = await sheetValues(pane, "考核结果");
    expect(String(page[0]![0])).toContain("考核结果（建议等次） Assessment results (proposed grades)");
    expect(String(page[1]![0])).toMatch(/^考核方案 Policy：.*（第 1 版 version 1）/);
    const values = await sheetValues(pane, "考核明细");
    const table = tableRows(values, 1);
    expect([...table.keys()].sort()).toEqual(["C001", "C002", "C003", "C004"]);
    for (const want of EXPECTED_RESULTS) {
      const row = table.get(want.cadreId)!;
      expect({
        id: want.cadreId,
        rank: row["排名 Rank"],
        rankInPost: row["岗位内排名 Rank in post"],
        grade: row[GRADE],
        verdict: row["结论 Verdict"],
        provisional: row["暂定 Provisional"],
        review: row["需组织复核 Review required"],
      }).toEqual({
        id: want.cadreId,
        rank: want.rank,
        rankInPost: want.rankInPost,
        grade: `${want.grade} ${want.gradeEn}`,
        verdict: `${want.verdict} ${VERDICT_EN[want.verdict]}`,
        provisional: "否 No",
        review: YES_NO[want.review],
      });
    }
    // C001's groups: trimmed means 90.4, 89.6, 89.99; 服务对象 absent. C004: 廉 55 (the veto).
    expect([
      table.get("C001")!["上级领导均分 Mean"],
      table.get("C001")!["同级均分 Mean"],
      table.get("C001")!["下级均分 Mean"],
      table.get("C001")!["服务对象均分 Mean"],
    ]).toEqual([90.4, 89.6, 89.99, ""]);
    expect(table.get("C004")!["廉 Integrity"]).toBe(55);
    // 13/21 = 0.619047… shows 61.90%.
    expect([
      table.get("C003")!["有效票 Valid ballots"],
      table.get("C003")!["优秀和称职票占比 Excellent + competent share"],
    ]).toEqual([21, "61.90%"]);

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
    // Grades are proposals: headed 建议等次, each review entry marked 需组织认定, never shown as final.
    expect(await pane.$eval('[data-testid="grade-counts"] th', (th) => th.textContent)).toBe("建议等次");
    expect(await text(pane, "score-proposed")).toBe("以上等次为建议等次，须经组织认定");
    expect(await text(pane, "review-C003")).toContain("王五（C003）建议等次：基本称职 需组织认定");
    expect(await text(pane, "review-C003")).toContain("13/21");
    expect(await text(pane, "review-C004")).toContain("赵六（C004）建议等次：不称职 需组织认定");
    // 4 cadres × 1/4 = 1 place (floor); C001 is the one excellent.
    expect(await text(pane, "score-quota")).toBe("优秀名额：已用 1 / 共 1");
    expect(await text(pane, "score-issues")).toBe("有 2 个数据问题，相关测评票未计分：请到「检查」页改正后重新计分");
    expect(await pane.isVisible('[data-testid="score-provisional"]')).toBe(false);
    await checkPage(pane);
    await shoot(pane, "03-score.png");

    // The radar chart follows the row the user selects (its id cell is AM1, just right of the 36-column detail).
    expect(values[0]![DETAIL_COLUMNS + 1]).toBe("雷达图：输入编号 Radar: cadre ID");
    const c003Row = values.findIndex((r) => r[2] === "C003") + 1;
    await pane.evaluate(
      (address) =>
        (window as unknown as { __standin: { userSelect(s: string, a: string): Promise<void> } }).__standin.userSelect(
          "考核明细",
          address,
        ),
      `D${c003Row}`,
    );
    expect((await sheetValues(pane, "考核明细"))[0]![DETAIL_COLUMNS + 2]).toBe("C003");
  });

  it("提交: asks before submitting an official record, then keeps the submission number in view", async () => {
    await pane.click('[data-testid="nav-submit"]');
    await pane.click('[data-testid="nav-recommend"]');
    await checkPage(pane);
    await pane.click('[data-testid="nav-submit"]');
    // An empty unit is named next to its field, in one sentence that says what to do.
    await fill(pane, "submit-unit", "");
    expect(await act(pane, "submit-send")).toEqual({ state: "error", text: "请按标出的提示修改后再试" });
    expect(await text(pane, "submit-unit-error")).toBe("请填写单位名称");
    expect(await pane.getAttribute('[data-testid="submit-unit-error"]', "role")).toBe("alert");
    expect(await pane.getAttribute('[data-testid="status"]', "role")).toBe("alert");
    expect(await pane.getAttribute('[data-testid="status"]', "aria-live")).toBe("assertive");
    await checkPage(pane);
    await shoot(pane, "13-submit-error.png");
    await fill(pane, "submit-unit", UNIT);
    await fill(pane, "submit-period", PERIOD);
    await fill(pane, "submit-title", "2026 年度考核");
    await act(pane, "submit-send");
    expect(await pane.isVisible('[data-testid="submit-unit-error"]')).toBe(false);
    expect(await text(pane, "submit-confirm-text")).toBe(
      `将把「${UNIT}」${PERIOD} 的计分结果（4 名干部）作为正式记录提交，提交后不能撤回。`,
    );
    await checkPage(pane);
    await shoot(pane, "12-submit-confirm.png");
    const sent = await act(pane, "submit-confirm");
    expect(sent.state).toBe("done");
    const id = /已提交为正式记录，编号 (\S+)/.exec(sent.text)?.[1];
    expect(id).toBeTruthy();
    submittedId = id!;
    expect(await text(pane, "submit-receipt")).toMatch(new RegExp(`^最近一次提交：编号 ${id}（${UNIT} ${PERIOD}，`));
    await shoot(pane, "04-submit.png");
    // Still there on another page and back.
    await pane.click('[data-testid="nav-score"]');
    await pane.click('[data-testid="nav-submit"]');
    expect(await pane.isVisible('[data-testid="submit-receipt"]')).toBe(true);
  });

  it("HR sees pull, history, years and settings only, and pulls the same composites", async () => {
    const { context, page } = await openPane("zh-CN", { role: "hr" });
    expect(await tabNames(page)).toEqual(["拉取", "记录", "历年", "设置"]);
    expect(await page.textContent("h1:visible")).toBe("拉取考核表");
    await checkPage(page);
    await fill(page, "pull-unit", UNIT);
    await fill(page, "pull-period", PERIOD);
    expect(await act(page, "pull-list")).toEqual({ state: "done", text: "找到 1 份考核表" });
    expect(
      await page.$$eval('[data-testid^="pull-row-"]', (rows) => rows.map((r) => r.getAttribute("data-testid"))),
    ).toEqual([`pull-row-${submittedId}`]);
    expect(
      await page.$$eval(`[data-testid="pull-row-${submittedId}"] td`, (tds) =>
        tds.slice(0, 4).map((td) => td.textContent),
      ),
    ).toEqual([UNIT, PERIOD, "2026 年度考核", "4"]);
    const pulled = await act(page, `pull-${submittedId}`);
    expect(pulled).toEqual({ state: "done", text: `已拉取到工作表「拉取 ${PERIOD} ${UNIT}」` });
    await checkPage(page);
    await shoot(page, "08-hr-pull.png");
    const fromHost = tableRows(await sheetValues(page, `拉取 ${PERIOD} ${UNIT}`));
    expect(Object.fromEntries([...fromHost].map(([k, r]) => [k, r["综合得分\nComposite"]]))).toEqual(
      Object.fromEntries(EXPECTED_RESULTS.map((r) => [r.cadreId, r.composite])),
    );
    await page.click('[data-testid="nav-history"]');
    expect(await page.textContent("h1:visible")).toBe("提交记录");
    expect(await act(page, "history-refresh")).toEqual({ state: "done", text: "找到 1 份考核表" });
    expect(await page.isVisible(`[data-testid="history-list"] [data-testid="pull-row-${submittedId}"]`)).toBe(true);
    await checkPage(page);
    await page.click('[data-testid="nav-settings"]');
    expect(await text(page, "settings-who")).toMatch(/^已登录：.+（人事部门）$/);
    await checkPage(page);
    await context.close();
  });

  it("renders the written 考核结果 sheet for the reader", async () => {
    const dump = await dumpSheet(pane, "考核结果");
    const context = await browser.newContext({ viewport: { width: 1600, height: 400 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.setContent(sheetHtml(dump, REPORT_COLUMNS, "考核结果 (written by the add-in into the Excel stand-in)"));
    await shoot(page, "07-results-sheet.png");
    await context.close();
  });

  it("English: with displayLanguage en-US the pane speaks English", async () => {
    const { context, page } = await openPane("en-US");
    expect(await tabNames(page)).toEqual([
      "New",
      "Phones",
      "Check",
      "Score",
      "Recommend",
      "Selection",
      "Decide",
      "Satisfaction",
      "Submit",
      "Settings",
    ]);
    await newAssessmentWithData(page);
    await page.click('[data-testid="nav-check"]');
    expect((await act(page, "check-run")).state).toBe("done");
    expect(await text(page, "issue-count")).toBe(
      "2 problem(s) found: click a row number to go to the cell, fix it and check again",
    );
    expect(await page.$$eval("table.grid th", (ths) => ths.map((th) => th.textContent))).toEqual([
      "Sheet",
      "Row",
      "Item",
      "Problem",
      "Details",
    ]);
    const messages = await page.$$eval('[data-testid^="issue-"] td:last-child', (tds) =>
      tds.map((td) => td.textContent ?? ""),
    );
    for (const want of EXPECTED_ISSUES) expect(messages.some((m) => m.includes(want.en))).toBe(true);
    await checkPage(page, false);
    await shoot(page, "06-english.png");
    await page.click('[data-testid="nav-score"]');
    expect((await act(page, "score-run")).state).toBe("done");
    expect(await text(page, "grade-count-excellent")).toBe("Excellent1");
    expect(await text(page, "grade-count-basic")).toBe("Basically competent1");
    // The sheets are bilingual whatever the pane's language.
    const table = tableRows(await sheetValues(page, "考核明细"), 1);
    expect(EXPECTED_RESULTS.map((r) => table.get(r.cadreId)![GRADE])).toEqual(
      EXPECTED_RESULTS.map((r) => `${r.grade} ${r.gradeEn}`),
    );
    await context.close();
  });

  it("follows Office's dark theme", async () => {
    const { context, page } = await openPane("zh-CN", { officeTheme: DARK_OFFICE });
    expect(await page.getAttribute("html", "data-theme")).toBe("dark");
    const colours = await page.evaluate(() => [
      getComputedStyle(document.body).backgroundColor,
      getComputedStyle(document.body).color,
    ]);
    expect(colours).toEqual(["rgb(41, 41, 41)", "rgb(255, 255, 255)"]);
    await newAssessmentWithData(page);
    await page.click('[data-testid="nav-score"]');
    expect((await act(page, "score-run")).state).toBe("done");
    await checkPage(page);
    await shoot(page, "09-dark.png");
    await page.click('[data-testid="nav-check"]');
    expect((await act(page, "check-run")).state).toBe("done");
    await checkPage(page);
    await context.close();
  });

  it("fits a 320 px pane: the tabs stay on one line and nothing scrolls sideways", async () => {
    const { context, page } = await openPane("zh-CN", { width: 320 });
    const tabTops = await page.$$eval('[role="tab"]', (tabs) => tabs.map((t) => (t as HTMLElement).offsetTop));
    expect(new Set(tabTops).size).toBe(1);
    const fits = () =>
      page.evaluate(() => ({
        page: document.documentElement.scrollWidth <= window.innerWidth,
        tabs: (() => {
          // Ten assessor pages do not fit 320 px: the tab bar scrolls inside itself, the page never does.
          const list = document.querySelector('[role="tablist"]')!;
          return list.scrollWidth <= list.clientWidth || getComputedStyle(list).overflowX === "auto";
        })(),
      }));
    expect(await fits()).toEqual({ page: true, tabs: true });
    await newAssessmentWithData(page);
    await page.click('[data-testid="nav-check"]');
    expect((await act(page, "check-run")).state).toBe("done");
    expect((await fits()).page).toBe(true);
    await checkPage(page);
    await shoot(page, "10-narrow-check.png");
    await page.click('[data-testid="nav-score"]');
    expect((await act(page, "score-run")).state).toBe("done");
    expect((await fits()).page).toBe(true);
    await shoot(page, "11-narrow-score.png");
    await context.close();
  });

  it("outside Excel says so in a sentence, and nothing breaks", async () => {
    const context = await browser.newContext({
      viewport: { width: 420, height: 600 },
      ignoreHTTPSErrors: true,
      locale: "zh-CN",
    });
    const page = await context.newPage();
    // No Office at all (office.js blocked, as on a plain browser tab without the network).
    await page.route("https://appsforoffice.microsoft.com/**", (r) => r.abort());
    await page.goto(`${site.url}/taskpane.html`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 20_000 });
    expect(await text(page, "no-office-banner")).toBe(
      "未在 Excel 中运行：请在 Excel 的「开始」选项卡单击「干部考核」打开本加载项",
    );
    await page.click('[data-testid="nav-check"]');
    expect(await act(page, "check-run")).toEqual({
      state: "error",
      text: "这一步需要在 Excel 中进行：请在 Excel 中打开本加载项后再试",
    });
    await checkPage(page);
    await context.close();
  });

  it("offline: with the host stopped, scoring still finishes and every verdict is provisional", async () => {
    await stack.host.close();
    await pane.click('[data-testid="nav-score"]');
    const done = await act(pane, "score-run", 15_000);
    expect(done.state).toBe("done");
    expect(await pane.isVisible('[data-testid="offline-banner"]')).toBe(true);
    expect(await text(pane, "offline-banner")).toBe(
      "离线：暂时连不上考评服务。仍可计分，但结论为暂定；联网后请重新计分再提交",
    );
    expect(await text(pane, "score-provisional")).toBe("全部裁定为暂定（离线，使用缓存方案计算）");
    for (const id of ["C003", "C004"]) expect(await text(pane, `review-${id}`)).toContain("（暂定）");

    expect(String((await sheetValues(pane, "考核结果"))[1]![0])).toContain("暂定（离线）provisional (offline)");
    const table = tableRows(await sheetValues(pane, "考核明细"), 1);
    for (const want of EXPECTED_RESULTS) {
      const row = table.get(want.cadreId)!;
      // The cached policy decides the same grades; each one is provisional.
      expect([row[GRADE], row["结论 Verdict"], row["暂定 Provisional"]]).toEqual([
        `${want.grade} ${want.gradeEn}`,
        `${want.verdict} ${VERDICT_EN[want.verdict]}`,
        "是 Yes",
      ]);
    }
    // Each cadre says why it is provisional, in the reasons column HR will see.
    for (const want of EXPECTED_RESULTS)
      expect(String(table.get(want.cadreId)!["说明 Reasons"])).toContain("离线时按缓存方案判定，暂定；须联网重新计分");
    await checkPage(pane);
    await shoot(pane, "05-offline.png");
    // Submit refuses offline verdicts: nothing is sent.
    await pane.click('[data-testid="nav-submit"]');
    expect(await act(pane, "submit-send")).toEqual({
      state: "error",
      text: "有 4 名干部的裁定为离线暂定，不能提交；请联网后在「计分」页重新计分",
    });
    expect(pageErrors).toEqual([]);
  });
});
