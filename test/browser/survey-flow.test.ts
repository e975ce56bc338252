/**
 * The 满意度 and 历年 pages in the built task pane: Chromium, the real functions host (Azurite in memory)
 * and the real Excel layer over the stand-in. Last year's survey is stored first, so the pane's scoring
 * compares with it. Screenshots go to test-output/screenshots/ (docs/screenshots/ with UPDATE_SCREENSHOTS=1).
 * Expected figures are the hand-worked ones of examples/survey.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Page } from "playwright-core";
import { type Role } from "../integration/harness.ts";
import { SURVEY_2025, SURVEY_2026, surveyRows } from "../../examples/survey.ts";
import { act, fill, sheetNames, sheetValues, text, writeRange } from "./pane-driver.ts";
import { startPaneWorld, type PaneWorld } from "./pane-world.ts";
import { dumpSheet, sheetHtml } from "./sheet-html.ts";
import { CHART_CSS, chartHtml, type ChartView } from "./chart-html.ts";

let world: PaneWorld;
let pane: Page;

const openPane = (role: Role) => world.openPane(role);

const shoot = (page: Page, name: string) => world.shoot(page, name);
const columnLetter = (n: number) => String.fromCharCode(64 + n);

/** The survey workbook typed into the stand-in: its two sheets, header on row 1. */
async function typeSurvey(page: Page): Promise<void> {
  const { items, answers } = surveyRows(SURVEY_2026);
  await page.evaluate(async () => {
    const excel = (window as unknown as { Excel: { run(f: (ctx: never) => Promise<void>): Promise<void> } }).Excel;
    await excel.run(async (ctx: { workbook: { worksheets: { add(n: string): unknown } }; sync(): Promise<void> }) => {
      ctx.workbook.worksheets.add("评议项目 Items");
      ctx.workbook.worksheets.add("评议票 Answers");
      await ctx.sync();
    });
  });
  await writeRange(page, "评议项目 Items", `A1:${columnLetter(items[0]!.length)}${items.length}`, items);
  await writeRange(page, "评议票 Answers", `A1:D${answers.length}`, answers);
}

beforeAll(async () => {
  world = await startPaneWorld("e2e-survey");
  // Last year, stored in the service: what this year is compared with.
  const { items, answers } = surveyRows(SURVEY_2025);
  const res = await world.stack.call("assessor", "/surveys", {
    method: "POST",
    json: {
      period: "2025",
      items: items
        .slice(1)
        .map(([itemId, unit, title, kind, scale]) => ({ itemId, unit, title, kind, ...(scale ? { scale } : {}) })),
      answers: answers
        .slice(1)
        .map(([respondentId, layer, itemId, answer]) => ({ respondentId, layer, itemId, answer })),
    },
  });
  expect(res.status).toBe(201);
  pane = await openPane("assessor");
}, 180_000);

afterAll(async () => {
  await world?.close();
});

describe("满意度 and 历年 in the task pane", () => {
  it("满意度 scores the open survey workbook and writes 评议结果 compared with the stored 2025", async () => {
    await typeSurvey(pane);
    await pane.click('[data-testid="nav-survey"]');
    expect(await text(pane, "nav-survey")).toBe("满意度");
    await fill(pane, "survey-period", "2026");
    expect(await act(pane, "survey-score")).toEqual({
      state: "done",
      text: "已写出「评议结果」工作表：6 个项目，2 个单位，0 个问题",
    });
    // 甲县: 79.25 against 88.00 last year (fall 8.75 > 5); 乙县: 83.00 against 86.00.
    expect(await text(pane, "survey-unit-甲县")).toBe("甲县79.25-8.75重点督导");
    expect(await text(pane, "survey-unit-乙县")).toBe("乙县83.00-3.00");
    const flags = await text(pane, "survey-flags");
    expect(flags).toContain("不认同（负面）评价 15/40（37.50%）超过 1/3：须核实");
    expect(flags).toContain("满意度指数由上年 88.00 降至 79.25，下降 8.75，超过 5：列为重点督导单位");
    expect(await sheetNames(pane)).toContain("评议结果");
    await shoot(pane, "survey-page.png");
  });

  it("评议结果: the whole of each item, last year beside it, the 2-answer layer withheld, two charts", async () => {
    const values = await sheetValues(pane, "评议结果");
    const header = values[3]!.map(String);
    // The table ends at 说明 Notes; the chart blocks sit to its right.
    const width = header.indexOf("说明 Notes") + 1;
    const col = (name: string) => header.indexOf(name);
    const rowOf = (unit: string, id: string, who: string) =>
      values.find((r) => r[0] === unit && r[1] === id && String(r[4]).startsWith(who))!;
    const w1 = rowOf("甲县", "J-W1", "全体");
    expect([w1[col("满意度指数 Index")], w1[col("上年指数 Last year")], w1[col("变化 Change")]]).toEqual([
      75.5, 85, -9.5,
    ]);
    expect(w1[col("很满意")]).toBe(10);
    expect(w1[col("不了解")]).toBe(2);
    const hidden = rowOf("乙县", "Y-W1", "基层干部群众");
    // Only the number of answers and the note: no answer counts, no rate, no index.
    expect(
      hidden.slice(5, width - 1).filter((c) => c !== ""),
      JSON.stringify(hidden),
    ).toEqual([2]);
    expect(String(hidden[width - 1])).toContain("不显示");

    const charts = await pane.evaluate(
      () =>
        (
          window as unknown as {
            __standin: { sheet(n: string): { charts: { type: string; title?: string; source: string }[] } };
          }
        ).__standin.sheet("评议结果").charts,
    );
    expect(charts.map((c) => c.type)).toEqual(["BarStacked", "ColumnClustered"]);

    // The screenshot: the table's whole rows, then the charts drawn from their source cells.
    const dump = await dumpSheet(pane, "评议结果");
    const views: ChartView[] = charts.map((c) => {
      const m = /([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(c.source)!;
      const colOf = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const block = values.slice(Number(m[2]) - 1, Number(m[4])).map((r) => r.slice(colOf(m[1]!), colOf(m[3]!) + 1));
      return { type: c.type, title: c.title ?? "", values: block };
    });
    const page = await world.browser.newPage({ viewport: { width: 1500, height: 900 }, deviceScaleFactor: 1 });
    const table = sheetHtml(dump, width, "评议结果 (written by the add-in into the Excel stand-in)");
    await page.setContent(
      table
        .replace("</style>", `${CHART_CSS}</style>`)
        .replace("</table></html>", `</table>${views.map(chartHtml).join("")}</html>`),
    );
    await shoot(page, "survey-results-sheet.png");
    await page.close();
  });

  it("stores the year, and HR's 历年 shows 甲县 supervised in 2026 against 2025", async () => {
    expect(await act(pane, "survey-store")).toEqual({ state: "done", text: "已保存 2026 年度评议结果（2 个单位）" });
    const hr = await openPane("hr");
    await hr.click('[data-testid="nav-years"]');
    await fill(hr, "years-unit", "甲县");
    expect(await act(hr, "years-show-unit")).toEqual({ state: "done", text: "共 2 个年度" });
    const years = await hr.$$eval('[data-testid="years-years"] tr', (rows) =>
      rows.slice(1).map((r) => Array.from(r.querySelectorAll("td"), (td) => td.textContent)),
    );
    expect(years).toEqual([
      ["2025", "88.00", "—", ""],
      ["2026", "79.25", "-8.75", "重点督导"],
    ]);
    await shoot(hr, "years-page.png");
    expect(world.pageErrors).toEqual([]);
  });
});
