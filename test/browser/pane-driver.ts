/** Small steps a person takes in the task pane, and reading the stand-in workbook back, for the browser tests. */
import type { Page } from "playwright-core";

type CellValue = string | number | boolean;
type StandinWindow = {
  __standin: {
    values(n: string): CellValue[][];
    sheetNames(): string[];
    selection(): { sheet: string; address: string } | null;
    activeSheet(): string | null;
  };
};

const sel = (testid: string) => `[data-testid="${testid}"]`;

/**
 * Clicks a control that runs an action and waits until the status line says done or error. The pane sets
 * "busy" synchronously in the click handler, so an earlier "done" is never mistaken for this one.
 */
export async function act(page: Page, testid: string, timeout = 20_000): Promise<{ state: string; text: string }> {
  await page.click(sel(testid));
  const status = await page.waitForSelector(
    `${sel("status")}[data-state="done"], ${sel("status")}[data-state="error"]`,
    { timeout },
  );
  return { state: (await status.getAttribute("data-state")) ?? "", text: (await status.textContent()) ?? "" };
}

/** Types into a Fluent text field (its input lives in the shadow root, which Playwright's CSS pierces). */
export async function fill(page: Page, testid: string, value: string): Promise<void> {
  await page.locator(`${sel(testid)} input`).fill(value);
}

export const text = async (page: Page, testid: string): Promise<string> =>
  ((await page.textContent(sel(testid))) ?? "").trim();

export const sheetNames = (page: Page) =>
  page.evaluate(() => (window as unknown as StandinWindow).__standin.sheetNames());
export const sheetValues = (page: Page, name: string) =>
  page.evaluate((n) => (window as unknown as StandinWindow).__standin.values(n), name);
export const selection = (page: Page) =>
  page.evaluate(() => (window as unknown as StandinWindow).__standin.selection());

/** Writes a block of values through the page's Excel (the stand-in), as a person typing or pasting would. */
export async function writeRange(page: Page, sheet: string, address: string, values: CellValue[][]): Promise<void> {
  await page.evaluate(
    async ([s, a, v]) => {
      const excel = (
        window as unknown as {
          Excel: {
            run(
              f: (ctx: {
                workbook: { worksheets: { getItem(n: string): { getRange(a: string): { values: unknown } } } };
                sync(): Promise<void>;
              }) => Promise<void>,
            ): Promise<void>;
          };
        }
      ).Excel;
      await excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(s).getRange(a).values = v;
        await ctx.sync();
      });
    },
    [sheet, address, values] as const,
  );
}

/**
 * A results table (考核明细, header on sheet row 1; 考核结果 or a pulled sheet, header on row 4) as one record per
 * cadre, keyed by header text, by the id column (the header that starts with 编号).
 */
export function tableRows(values: CellValue[][], headerRow = 4): Map<string, Record<string, CellValue>> {
  const header = values[headerRow - 1]!.map(String);
  const idHeader = header.find((h) => h.startsWith("编号"))!;
  const rows = new Map<string, Record<string, CellValue>>();
  for (const row of values.slice(headerRow)) {
    const rec = Object.fromEntries(header.map((h, i) => [h, row[i] ?? ""]).filter(([h]) => h !== ""));
    if (rec[idHeader]) rows.set(String(rec[idHeader]), rec);
  }
  return rows;
}
