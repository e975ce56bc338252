/**
 * 扫码测评 end to end: the built task pane over the Excel stand-in opens a session and issues 12 codes in
 * 3 groups; 12 phones (Chromium, 360 x 740) vote in parallel on the service's own page; one reloads
 * mid-way and keeps its draft, one code is used twice, one phone submits after closing. The pulled rows
 * must score exactly like the same ballots typed by hand, and every receipt must be in the published list.
 * Screenshots go to test-output/screenshots/ (docs/screenshots/ with UPDATE_SCREENSHOTS=1).
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Page } from "playwright-core";
import { act, fill, sheetValues, tableRows, writeRange } from "./pane-driver.ts";
import { startPaneWorld, type PaneWorld } from "./pane-world.ts";
import { screenshotDir } from "./screenshots.ts";

const PHONE = { width: 360, height: 740 };
const LEVELS = ["好", "较好", "一般", "较差", "差"];
const GRADES = ["优秀", "称职", "基本称职", "不称职", ""];
const DIMS = ["morality", "ability", "diligence", "achievement", "integrity"] as const;
const CADRES = [
  ["C001", "张三", "发展改革局", "党政正职"],
  ["C002", "李四", "发展改革局", "党政副职"],
  ["C003", "王五", "发展改革局", "党政副职"],
];
// Two paper ballots typed earlier; they must stay exactly where they are.
const PAPER = [
  ["P1", "上级领导", "C001", "好", "好", "较好", "好", "好", "优秀"],
  ["P1", "上级领导", "C002", "较好", "较好", "一般", "较好", "好", "称职"],
  ["P1", "上级领导", "C003", "一般", "较好", "一般", "一般", "较好", "称职"],
  ["P2", "同级", "C001", "较好", "好", "好", "较好", "好", "称职"],
  ["P2", "同级", "C002", "一般", "一般", "较差", "一般", "较好", "基本称职"],
  ["P2", "同级", "C003", "好", "好", "好", "好", "好", "优秀"],
];
const GROUPS = [
  ["superior", "上级领导"],
  ["peer", "同级"],
  ["subordinate", "下级"],
] as const;

/** Phone k's choice for cadre j: a level per dimension and a grade (abstaining included). */
const level = (k: number, j: number, d: number) => LEVELS[(k * 3 + j * 2 + d) % 5]!;
const grade = (k: number, j: number) => GRADES[(k + j) % 5]!;

let world: PaneWorld;
let pane: Page;
const codes: { code: string; group: string }[] = [];
const receipts: string[] = [];
let sessionId = "";

// Phone screenshots show the viewport, as a phone would.
const shoot = (page: Page, name: string) => page.screenshot({ path: join(screenshotDir(), name), fullPage: false });

async function phone(opts: { bypassCSP?: boolean; locale?: string } = {}): Promise<Page> {
  const context = await world.browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: opts.locale ?? "zh-CN",
    bypassCSP: opts.bypassCSP ?? false,
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => world.pageErrors.push(e.message));
  return page;
}

const voteUrl = (code: string) => `${world.stack.apiBase}/vote#c=${code}`;

async function answerCadre(page: Page, k: number, j: number) {
  for (let d = 0; d < 5; d++) await page.click(`label[for="c${j}-${DIMS[d]}~${level(k, j, d)}"]`);
  const g = grade(k, j);
  await page.click(`label[for="c${j}-grade~${g || "abstain"}"]`);
}

/** One rater from scan to receipt; phone 5 reloads after the first cadre and must find it still answered. */
async function vote(k: number): Promise<string> {
  const page = await phone();
  await page.goto(voteUrl(codes[k]!.code));
  await page.waitForSelector("fieldset.cadre");
  await answerCadre(page, k, 0);
  if (k === 5) {
    await page.reload();
    await page.waitForSelector("fieldset.cadre");
    for (let d = 0; d < 5; d++)
      expect(await page.isChecked(`input[id="c0-${DIMS[d]}~${level(k, 0, d)}"]`), `draft ${DIMS[d]}`).toBe(true);
    expect(await page.getAttribute("#bar", "aria-valuenow")).toBe("1");
  }
  for (let j = 1; j < CADRES.length; j++) await answerCadre(page, k, j);
  expect(await page.getAttribute("#bar", "aria-valuenow")).toBe("3");
  if (k === 0) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, "phone-1-form.png");
  }
  await page.click("#review");
  await page.waitForSelector("#submit");
  if (k === 0) await shoot(page, "phone-2-review.png");
  await page.click("#submit");
  await page.waitForSelector("#receipt");
  if (k === 0) await shoot(page, "phone-3-receipt.png");
  const receipt = ((await page.textContent("#receipt")) ?? "").replace(/\s/g, "");
  await page.context().close();
  return receipt;
}

beforeAll(async () => {
  world = await startPaneWorld("phone");
  pane = await world.openPane("assessor", { width: 420, height: 900 });
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe("扫码测评 from the pane to the phones and back", () => {
  it("opens a session from the workbook and issues 12 codes in 3 groups", async () => {
    expect((await act(pane, "policy-load")).state).toBe("done");
    await pane.click('[data-testid="policy-select"]');
    await pane.click('[data-testid="policy-option-default@1"]');
    expect((await act(pane, "create-skeleton")).state).toBe("done");
    await writeRange(pane, "干部名单", "A2:D4", CADRES);
    await writeRange(pane, "测评票", `A2:I${PAPER.length + 1}`, PAPER);

    await pane.click('[data-testid="nav-ballots"]');
    await fill(pane, "ballots-title", "2026 年度发展改革局领导班子考核大会");
    await fill(pane, "ballots-expected", "15");
    const opened = await act(pane, "ballots-open");
    expect(opened.state, opened.text).toBe("done");
    expect(opened.text).toMatch(/^已开启会话 [0-9A-Z]{6}：3 名干部，方案 default v1$/);
    sessionId = /会话 ([0-9A-Z]{6})/.exec(opened.text)![1]!;
    for (const [key] of GROUPS) await fill(pane, `ballots-count-${key}`, "4");
    const issued = await act(pane, "ballots-issue");
    expect(issued).toEqual({ state: "done", text: "已发出 12 个码；测评条已就绪，可打印" });
    const slips = await pane.$$eval('[data-testid="ballots-slip"]', (els) =>
      els.map((e) => ({ code: e.getAttribute("data-code")!, group: e.getAttribute("data-group")! })),
    );
    expect(slips).toHaveLength(12);
    for (const [, label] of GROUPS) expect(slips.filter((s) => s.group === label)).toHaveLength(4);
    expect(await pane.$$eval('[data-testid="ballots-slip"] svg', (s) => s.length)).toBe(12);
    codes.push(...slips);
    expect(await pane.textContent('[data-testid="ballots-row-total"]')).toBe("合计120");
  }, 60_000);

  it("12 phones vote in parallel; a reload keeps the draft; a reused code is refused", async () => {
    // The 13th code, issued through the API to the same owner, is held by a phone that waits past the close.
    const late = await world.stack.call("assessor", `/sessions/${sessionId}/codes`, {
      method: "POST",
      json: { group: "peer", count: 1 },
    });
    const lateCode = ((await late.json()) as { codes: string[] }).codes[0]!;
    receipts.push(...(await Promise.all(codes.map((_, k) => vote(k)))));
    expect(receipts.every((r) => /^[0-9a-f]{64}$/.test(r))).toBe(true);
    expect(new Set(receipts).size).toBe(12);

    const reused = await phone();
    await reused.goto(voteUrl(codes[3]!.code));
    const refusal = await reused.waitForSelector(".refusal");
    expect(await refusal.textContent()).toBe("此测评码已投过票，每个码只能投一次；如非本人所投，请告知会议组织者");
    await shoot(reused, "phone-4-refused.png");
    await reused.context().close();
    // A phone set to English reads the page in English.
    const english = await phone({ locale: "en-US" });
    await english.goto(voteUrl(codes[3]!.code));
    expect(await (await english.waitForSelector(".refusal")).textContent()).toBe(
      "this code has already voted; each code votes once. If it was not you, tell the meeting's organiser",
    );
    expect(await english.textContent("h1")).toBe("Cannot vote");
    await english.context().close();

    // Progress in the pane: 12 of 13 returned, 12 of 15 expected is exactly four fifths (valid).
    expect((await act(pane, "ballots-refresh")).state).toBe("done");
    expect(await pane.textContent('[data-testid="ballots-row-total"]')).toBe("合计1312");
    for (const [key] of GROUPS)
      expect(await pane.textContent(`[data-testid="ballots-row-${key}"]`)).toMatch(key === "peer" ? /54$/ : /44$/);
    expect(await pane.textContent('[data-testid="ballots-quorum"]')).toBe("收回 12 / 应到 15：达到五分之四，会议有效");
    await pane.screenshot({ path: join(screenshotDir(), "pane-ballots-progress.png") });

    // The late phone loads its form while open, then submits after the close.
    const latePhone = await phone();
    await latePhone.goto(voteUrl(lateCode));
    await latePhone.waitForSelector("fieldset.cadre");
    for (let j = 0; j < CADRES.length; j++) await answerCadre(latePhone, 0, j);
    await latePhone.click("#review");
    await latePhone.waitForSelector("#submit");

    const closed = await act(pane, "ballots-close");
    expect(closed).toEqual({ state: "done", text: "已结束：收回 12 票，回执清单已公布并记入审计链" });
    await latePhone.click("#submit");
    const lateRefusal = await latePhone.waitForSelector(".refusal");
    expect(await lateRefusal.textContent()).toBe("本次测评已结束，不再接受投票；如有疑问请联系会议组织者");
    await latePhone.context().close();
  }, 240_000);

  it("every receipt is in the published list", async () => {
    const res = await fetch(`${world.stack.apiBase}/sessions/${sessionId}/receipts`);
    const list = (await res.json()) as { receipts: string[] };
    expect([...list.receipts].sort()).toEqual([...receipts].sort());
  });

  it("the pulled rows sit under the paper ones and score exactly like the same ballots typed by hand", async () => {
    const pulled = await act(pane, "ballots-pull");
    expect(pulled).toEqual({
      state: "done",
      text: "已追加 36 行到「测评票」第 8–43 行；纸质票未改动。请到「计分」页计分",
    });
    const sheet = await sheetValues(pane, "测评票");
    expect(sheet.slice(1, 7)).toEqual(PAPER);
    const electronic = sheet.slice(7);
    expect(electronic).toHaveLength(36);
    expect(new Set(electronic.map((r) => r[0]))).toEqual(new Set(receipts));
    // Pulling again appends nothing.
    expect((await act(pane, "ballots-pull")).text).toBe("「测评票」已有这些电子票，没有追加（已跳过 36 行）");

    // The same ballots typed by hand: the test's own choices, phone k as ballot H<k>.
    const typed = codes.flatMap((c, k) =>
      CADRES.map((cadre, j) => [`H${k + 1}`, c.group, cadre[0]!, ...DIMS.map((_, d) => level(k, j, d)), grade(k, j)]),
    );
    const asRows = (rows: unknown[][]) =>
      rows.map((r) => ({
        ballotId: String(r[0]),
        raterGroup: String(r[1]),
        cadreId: String(r[2]),
        morality: r[3],
        ability: r[4],
        diligence: r[5],
        achievement: r[6],
        integrity: r[7],
        gradeVote: r[8] === "" ? null : r[8],
      }));
    const cadres = CADRES.map(([cadreId, name, unit, post]) => ({ cadreId, name, unit, post }));
    const score = async (rows: unknown[][]) => {
      const res = await world.stack.call("assessor", "/score", {
        method: "POST",
        json: { policyId: "default", cadres, ballots: asRows(rows) },
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { cadres: unknown[] }).cadres;
    };
    const byHand = await score([...PAPER, ...typed]);
    const fromPhones = await score(sheet.slice(1));
    expect(fromPhones).toEqual(byHand);

    // And the pane scores the workbook as usual, to the same composites.
    await pane.click('[data-testid="nav-score"]');
    expect((await act(pane, "score-run")).state).toBe("done");
    const table = tableRows(await sheetValues(pane, "考核明细"), 1);
    // The detail sheet's composites are live formulas; its exact composite is the engine's own figure.
    const byId = (rows: [unknown, unknown][]) => rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const want = byId(
      (byHand as { cadreId: string; compositeExact: string | null }[]).map((c) => [c.cadreId, c.compositeExact]),
    );
    expect(want.every(([, v]) => typeof v === "string" && v.length > 0)).toBe(true);
    expect(byId([...table.values()].map((r) => [r["编号 Cadre ID"], r["精确综合得分 Exact composite"]]))).toEqual(want);
    expect(world.pageErrors).toEqual([]);
  }, 120_000);

  it("the phone page has no serious or critical accessibility violations (axe-core)", async () => {
    const axe = createRequire(import.meta.url)("axe-core") as { source: string };
    const res = await world.stack.call("assessor", `/sessions`, {
      method: "POST",
      json: {
        title: "无障碍检查",
        policyId: "default",
        cadres: CADRES.map(([cadreId, name, unit, post]) => ({ cadreId, name, unit, post })),
        form: { scores: "levels", gradeVote: true },
      },
    });
    const { id } = (await res.json()) as { id: string };
    const issued = await world.stack.call("assessor", `/sessions/${id}/codes`, {
      method: "POST",
      json: { group: "peer", count: 1 },
    });
    const [code] = ((await issued.json()) as { codes: string[] }).codes;
    const page = await phone({ bypassCSP: true });
    await page.goto(voteUrl(code!));
    await page.waitForSelector("fieldset.cadre");
    await answerCadre(page, 1, 0);
    const check = async (label: string) => {
      await page.addScriptTag({ content: axe.source });
      const found = (await page.evaluate(async () => {
        const r = await (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe.run();
        return r.violations;
      })) as { id: string; impact: string; nodes: unknown[] }[];
      const bad = found.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(bad.map((v) => `${label}: ${v.id} (${v.impact})`)).toEqual([]);
    };
    await check("form");
    for (let j = 1; j < CADRES.length; j++) await answerCadre(page, 1, j);
    await page.click("#review");
    await page.waitForSelector("#submit");
    await check("review");
    await page.click("#submit");
    await page.waitForSelector("#receipt");
    await check("receipt");
    await page.context().close();
  }, 60_000);
});
