import { describe, expect, it } from "vitest";
import { csvTable, decodeCsvText, eachCsvRow } from "./read-csv.ts";

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

  it("streams a file larger than its 1 MiB chunks: every line read once, row numbers exact across chunks", () => {
    // Line 1 is padded so that the CRLF after it is split between the first and the second chunk.
    const head = `编号,${"x".repeat((1 << 20) - 8)}`;
    expect(utf8(head).length + 1).toBe(1 << 20); // the CR is the chunk's last byte, the LF the next chunk's first
    const lines = [head];
    for (let i = 1; i <= 60_000; i++) lines.push(i % 10_000 === 0 ? `C${i},"多\r\n行"` : `C${i},${i}`);
    const seen: [number, string][] = [];
    eachCsvRow(utf8(lines.join("\r\n")), "b.csv", (row, cells) => seen.push([row, cells[0]!]));
    // 60,000 data lines after the header; six quoted fields span two lines, so C60000 starts on line 60,006.
    expect(seen).toHaveLength(60_001);
    expect(seen[1]).toEqual([2, "C1"]);
    expect(seen[10_000]).toEqual([10_001, "C10000"]);
    expect(seen[10_001]).toEqual([10_003, "C10001"]);
    expect(seen.at(-1)).toEqual([60_006, "C60000"]);
  });

  it("names the line of a broken quote deep in a long file", () => {
    const lines = ["编号,姓名"];
    for (let i = 1; i < 100_000; i++) lines.push(`C${i},张三`);
    // The quote opened on line 100,001 is never closed: the record that starts there is named.
    const unclosed = [...lines, '"C100000,张三', "C100001,李四"].join("\n");
    expect(() => eachCsvRow(utf8(unclosed), "b.csv", () => undefined)).toThrow(/第 100001 行.*line 100001/s);
    // A stray character after a closing quote on line 50,001, with 50,000 good lines after it.
    const stray = [...lines.slice(0, 50_001), 'C50001,"张"三', ...lines.slice(1, 50_001)].join("\n");
    expect(() => eachCsvRow(utf8(stray), "b.csv", () => undefined)).toThrow(/第 50002 行.*line 50002/s);
  });
});
