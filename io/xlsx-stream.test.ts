import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { ballotRowsOf } from "../shared/index.ts";
import { readWorkbook } from "./read-xlsx.ts";

/** Dense Chinese text: 3-byte characters everywhere, so inflated chunks end inside one again and again. */
const GROUPS = ["上级领导", "同级干部", "下级干部", "服务对象"];
const ROWS = 6_000;
const ballotId = (i: number) => `第${i}号测评票（纸质）`;

async function chineseWorkbook(sharedStrings: boolean): Promise<Uint8Array> {
  const stream = new (await import("node:stream")).PassThrough();
  const parts: Buffer[] = [];
  stream.on("data", (b: Buffer) => parts.push(b));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: sharedStrings });
  const cadres = wb.addWorksheet("干部名单");
  cadres.addRow(["编号", "姓名", "单位", "岗位类别"]).commit();
  cadres.addRow(["甲一", "张三丰", "某某县委组织部", "党政正职"]).commit();
  cadres.commit();
  const ballots = wb.addWorksheet("测评票");
  ballots.addRow(["票号", "测评主体", "编号", "德", "能", "勤", "绩", "廉", "等次"]).commit();
  for (let i = 1; i <= ROWS; i++)
    ballots.addRow([ballotId(i), GROUPS[i % 4], "甲一", "好", "较好", "一般", "好", "好", "称职"]).commit();
  ballots.commit();
  await wb.commit();
  return new Uint8Array(Buffer.concat(parts));
}

describe("streamed workbooks keep every Chinese character", () => {
  it.each([
    ["shared strings", true],
    ["inline strings", false],
  ])("%s: all 6,000 ballot rows read back exactly", async (_, shared) => {
    const input = await readWorkbook(await chineseWorkbook(shared), "测评.xlsx");
    const rows = ballotRowsOf(input.ballots);
    expect(rows).toHaveLength(ROWS);
    rows.forEach((r, k) => {
      expect(r.ballotId).toBe(ballotId(k + 1));
      expect(r.raterGroup).toBe(GROUPS[(k + 1) % 4]);
      expect([r.cadreId, r.morality, r.ability, r.diligence, r.gradeVote]).toEqual([
        "甲一",
        "好",
        "较好",
        "一般",
        "称职",
      ]);
    });
    expect(input.cadres[0]).toMatchObject({ name: "张三丰", unit: "某某县委组织部", post: "党政正职" });
  });

  it("exceljs's own streaming reader breaks these characters: why io/xlsx-stream.ts exists", async () => {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(await chineseWorkbook(false))]), {
      worksheets: "emit",
    });
    const texts: string[] = [];
    for await (const ws of reader)
      for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) texts.push(String(row.values));
    expect(texts.join("\n")).toContain("\uFFFD");
  });
});
