import { describe, expect, it } from "vitest";
import { csvTable, decodeCsvText } from "./read-csv.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("CSV reading", () => {
  it("decodes GBK bytes (Excel's Chinese CSV) and strips a UTF-8 BOM", () => {
    // 张三 in GBK: D5 C5 C8 FD (invalid as UTF-8).
    expect(decodeCsvText(new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x31]))).toBe("张三,1");
    expect(decodeCsvText(utf8("\uFEFF编号,姓名"))).toBe("编号,姓名");
  });

  it("numbers rows by line (the header is line 1), even after a quoted field that spans lines", () => {
    const t = csvTable(utf8('编号,姓名\r\nC1,"张\r\n三"\r\n\r\nC2,李四\r\n'), "c.csv");
    expect(t.rows.filter((r) => r.cells.some((c) => c !== undefined)).map((r) => [r.row, r.cells[0]])).toEqual([
      [1, "编号"],
      [2, "C1"],
      [5, "C2"],
    ]);
  });

  it("accepts semicolon- and tab-separated files", () => {
    expect(csvTable(utf8("编号;姓名\nC1;张三\n"), "c.csv").rows[1]!.cells).toEqual(["C1", "张三"]);
    expect(csvTable(utf8("编号\t姓名\nC1\t张三\n"), "c.csv").rows[1]!.cells).toEqual(["C1", "张三"]);
  });

  it("names the line of an unclosed quote", () => {
    expect(() => csvTable(utf8('编号,姓名\nC1,"张三\n'), "c.csv")).toThrow(/line|行/);
  });
});
