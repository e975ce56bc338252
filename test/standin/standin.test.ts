/** The stand-in behaves like office.js where it matters: load before read, sync counting, the 5 MB cap. */
import { describe, expect, it } from "vitest";
import { createStandin, StandinError } from "./index.ts";

type AnyCtx = { sync(): Promise<void>; workbook: { worksheets: any } }; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("stand-in", () => {
  it("refuses to read a property that was not loaded, with office.js's advice", async () => {
    const s = createStandin();
    await s.Excel.run(async (context) => {
      const ctx = context as AnyCtx;
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.values = [[1, "x"]];
      const again = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      expect(() => again.values).toThrow(/not available.*call the load method/);
      again.load("values");
      expect(() => again.values).toThrow(StandinError);
      await ctx.sync();
      expect(again.values).toEqual([[1, "x"]]);
    });
  });

  it("counts syncs, including Excel.run's final flush, and the bytes each carries", async () => {
    const s = createStandin();
    await s.Excel.run(async (context) => {
      const ctx = context as AnyCtx;
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["好"]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[12]];
    });
    const stats = s.inspect.stats();
    expect(stats.syncs).toBe(2);
    // [["好"]] is 9 bytes of UTF-8 (six ASCII, 好 is 3); [[12]] is 6.
    expect(stats.totalRequestBytes).toBe(15);
    expect(s.inspect.values("Sheet1")).toEqual([["好"], [12]]);
  });

  it("rejects a sync whose request exceeds the payload cap", async () => {
    const s = createStandin({ payloadLimit: 1_000 });
    await expect(
      s.Excel.run(async (context) => {
        const ctx = context as AnyCtx;
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A100").values = Array.from({ length: 100 }, () => [
          "0123456789",
        ]);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  it("gives null objects for missing sheets, known after a sync", async () => {
    const s = createStandin();
    await s.Excel.run(async (context) => {
      const ctx = context as AnyCtx;
      const missing = ctx.workbook.worksheets.getItemOrNullObject("测评票");
      const present = ctx.workbook.worksheets.getItemOrNullObject("sheet1");
      expect(() => missing.isNullObject).toThrow(StandinError);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });
});
