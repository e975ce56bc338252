/**
 * 民主推荐, 公推公选 and 票决 in the built task pane (Chromium, the real local host, the real Excel layer over
 * the in-page stand-in), with the hand-worked cases of examples/recommendation-data.ts. Screenshots go to
 * test-output/screenshots/ (docs/screenshots/ with UPDATE_SCREENSHOTS=1).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Page } from "playwright-core";
import { MEETING, ROUND1, ROUND2 } from "../../examples/recommendation-data.ts";
import { act, fill, sheetNames, sheetValues, text, writeRange } from "./pane-driver.ts";
import { startPaneWorld, type PaneWorld } from "./pane-world.ts";
import { dumpSheet, sheetHtml } from "./sheet-html.ts";

let world: PaneWorld;
let pane: Page;

const shoot = (page: Page, name: string) => world.shoot(page, name);
const typeArea = (page: Page, testid: string, value: string) =>
  page.locator(`[data-testid="${testid}"] textarea`).fill(value);
/** The ballot rows of an example sheet: everything below its 票号 header. */
const ballotRows = (rows: (string | number)[][]) =>
  rows.slice(rows.findIndex((r) => String(r[0]).startsWith("票号")) + 1);

beforeAll(async () => {
  world = await startPaneWorld("rec-e2e");
  pane = await world.openPane("assessor", { width: 420, height: 800 });
}, 180_000);

afterAll(async () => {
  await world?.close();
});

describe("民主推荐 page: two posts, three voter types, a hold", () => {
  it("builds the ballot sheet, tallies it through the service and writes a 现场公布 sheet per post", async () => {
    await pane.click('[data-testid="nav-recommend"]');
    await fill(pane, "rec-title", "2026 年县直单位中层干部民主推荐会");
    await fill(pane, "rec-date", "2026-11-24");
    await typeArea(
      pane,
      "rec-posts",
      "办公室主任 | 1 | 周文、吴刚、郑洁、钱进\n财务科科长 | 2 | 冯雪、陈晨、褚亮、卫东",
    );
    expect((await act(pane, "rec-template")).state).toBe("done");
    const sheet = await sheetValues(pane, "民主推荐");
    expect(sheet[11]!.slice(0, 4)).toEqual(["票号 ballotId", "推荐主体 voterType", "办公室主任", "财务科科长"]);
    // What the clerk types: the counts, the hold, then the 36 ballots of the worked example.
    await writeRange(pane, "民主推荐", "B4:B5", [[40], [36]]);
    await writeRange(pane, "民主推荐", "D9", [["钱进：信访举报核查中"]]);
    const ballots = ballotRows(MEETING);
    await writeRange(pane, "民主推荐", `A13:D${12 + ballots.length}`, ballots);
    expect(await act(pane, "rec-tally")).toEqual({ state: "done", text: "推荐结果已写入工作表" });
    expect(await text(pane, "rec-quorum")).toBe("实到 36 人 / 应到 40 人（90.00%），达到 4/5，会议有效");
    expect(await text(pane, "rec-flag-hold")).toContain("钱进（信访举报核查中）");
    expect(await text(pane, "rec-flag-near_tie")).toContain("郑洁");
    expect(await text(pane, "rec-flag-tie")).toContain("褚亮、卫东");
    expect(await sheetNames(pane)).toContain("现场公布-办公室主任");
    const office = await sheetValues(pane, "现场公布-办公室主任");
    expect(office[0]![0]).toBe("民主推荐结果（办公室主任）");
    const header = office.findIndex((r) => r[0] === "名次 Rank");
    expect(office.slice(header + 1, header + 5).map((r) => [r[1], r[2], r[3], r[r.length - 1]])).toEqual([
      ["钱进", 13, "36.11%", "暂缓(核查中)：信访举报核查中"],
      ["周文", 12, "33.33%", "考察对象"],
      ["吴刚", 6, "16.67%", "考察对象"],
      ["郑洁", 5, "13.89%", "票数相差不大-建议一并考察"],
    ]);
    await shoot(pane, "08-recommend.png");
  });

  it("renders the 现场公布 sheet for the reader", async () => {
    const dump = await dumpSheet(pane, "现场公布-办公室主任");
    const context = await world.browser.newContext({ viewport: { width: 1100, height: 400 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.setContent(sheetHtml(dump, 8, "现场公布-办公室主任 (written by the add-in into the Excel stand-in)"));
    await shoot(page, "09-announcement-sheet.png");
    await context.close();
  });
});

describe("公推公选 page: rounds one after another in the same workbook", () => {
  it("round 1 (5 -> 3) opens round 2 with those who advanced; round 2 (3 -> 2) hands two to the decision", async () => {
    await pane.click('[data-testid="nav-selection"]');
    await fill(pane, "sel-title", "县发展和改革局副局长公推公选");
    await fill(pane, "sel-post", "副局长");
    await fill(pane, "sel-vacancies", "1");
    await typeArea(pane, "sel-candidates", "王海、李明、张丽、赵强、孙悦");
    await fill(pane, "sel-advance", "3");
    expect((await act(pane, "sel-template")).state).toBe("done");
    const first = ballotRows(ROUND1);
    await writeRange(pane, "第1轮", "B3:B4", [[50], [45]]);
    await writeRange(pane, "第1轮", `A8:C${7 + first.length}`, first);
    await fill(pane, "sel-advance", "2");
    expect((await act(pane, "sel-tally")).state).toBe("done");
    expect(await text(pane, "sel-round-1")).toBe("第一轮：5 进 3，晋级 王海、李明、张丽");
    expect(await text(pane, "sel-next")).toContain("第2轮");
    expect((await sheetValues(pane, "第2轮"))[4]!.slice(0, 2)).toEqual(["候选人 candidates", "王海、李明、张丽"]);
    const second = ballotRows(ROUND2);
    await writeRange(pane, "第2轮", "B3:B4", [[25], [21]]);
    await writeRange(pane, "第2轮", `A8:C${7 + second.length}`, second);
    expect((await act(pane, "sel-tally")).state).toBe("done");
    expect(await text(pane, "sel-round-2")).toBe("第2轮：3 进 2，晋级 王海、李明");
    expect(await text(pane, "sel-message")).toBe("提交票决的人选 2 人：王海、李明（职数 1）");
    expect(await sheetNames(pane)).toEqual(expect.arrayContaining(["现场公布-第一轮", "现场公布-第2轮"]));
    await shoot(pane, "10-selection.png");
  });
});

describe("票决 page", () => {
  it("records the decision meeting on the rounds' finalists: 8 of 9 present, 王海 6 yes approved, 李明 2 not", async () => {
    await pane.click('[data-testid="nav-decide"]');
    await fill(pane, "dec-title", "县委常委会票决");
    await fill(pane, "dec-post", "副局长");
    await fill(pane, "dec-members", "9");
    // No names typed: the finalists of the 公推公选 rounds in this workbook are taken.
    expect((await act(pane, "dec-template")).state).toBe("done");
    const blank = await sheetValues(pane, "票决");
    expect(blank.slice(9, 11).map((r) => r[0])).toEqual(["王海", "李明"]);
    expect(blank[4]!.slice(0, 2)).toEqual(["职数 vacancies", 1]);
    await writeRange(pane, "票决", "B7", [[8]]);
    await writeRange(pane, "票决", "B10:D11", [
      [6, 1, 1],
      [2, 5, 1],
    ]);
    expect((await act(pane, "dec-tally")).state).toBe("done");
    expect(await text(pane, "dec-quorum")).toBe("实到 8 人 / 应到 9 人，达到三分之二，票决有效");
    expect(await text(pane, "dec-message")).toBe("通过 1 人：王海");
    const sheet = await sheetValues(pane, "票决结果-副局长");
    expect(sheet.flat()).toContain("6/9（66.67%）");
    await shoot(pane, "11-decide.png");
    expect(world.pageErrors).toEqual([]);
  });
});
