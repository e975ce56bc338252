import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { readWorkbook } from "./read-xlsx.ts";
import { InputError } from "./errors.ts";
import { ballotRowsOf } from "../shared/index.ts";

async function book(
  build: (cadres: ExcelJS.Worksheet, ballots: ExcelJS.Worksheet) => void,
  names = ["干部名单 Cadres", "测评票 Ballots"],
) {
  const wb = new ExcelJS.Workbook();
  const cadres = wb.addWorksheet(names[0]);
  const ballots = wb.addWorksheet(names[1]);
  build(cadres, ballots);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const BALLOT_HEADERS = [
  "票号 ballotId",
  "测评主体 / raterGroup",
  "编号 cadreId",
  "德 Morality",
  "能 Ability",
  "勤 Diligence",
  "绩 Achievement",
  "廉 Integrity",
  "等次 Grade vote",
];

describe("readWorkbook", () => {
  it("reads cells as the user sees them: rich text, formula results, hyperlinks; empty cells are null", async () => {
    const bytes = await book((c, b) => {
      c.addRow([
        "编号 cadreId",
        "姓名 name",
        "单位 unit",
        "岗位类别 post",
        "违纪记录 disciplinary",
        "实到 attendees",
        "应到 expected",
      ]);
      c.addRow([
        1001,
        { richText: [{ text: "张" }, { text: "三", font: { bold: true } }] },
        { text: "办公室", hyperlink: "https://example.org" },
        "党政正职",
        "是",
        38,
        40,
      ]);
      b.addRow(BALLOT_HEADERS);
      b.addRow(["B1", "上级领导", 1001, { formula: "80+5", result: 85 }, 90, "较好", 88.5, null, undefined]);
    });
    const input = await readWorkbook(bytes, "t.xlsx");
    expect(input.cadres).toEqual([
      {
        row: 2,
        cadreId: 1001,
        name: "张三",
        unit: "办公室",
        post: "党政正职",
        disciplinary: true,
        attendees: 38,
        expected: 40,
      },
    ]);
    expect(ballotRowsOf(input.ballots)).toEqual([
      {
        row: 2,
        ballotId: "B1",
        raterGroup: "上级领导",
        cadreId: 1001,
        morality: 85,
        ability: 90,
        diligence: "较好",
        achievement: 88.5,
        integrity: null,
        gradeVote: null,
      },
    ]);
    expect(input.sheets).toEqual({ cadres: "干部名单 Cadres", ballots: "测评票 Ballots" });
  });

  it("skips fully empty rows but keeps every other row's own number", async () => {
    const bytes = await book((c, b) => {
      c.addRow(["编号", "姓名", "单位", "岗位类别"]);
      c.addRow(["C1", "张三", "办公室", "党政正职"]);
      b.addRow(BALLOT_HEADERS);
      b.addRow([]);
      b.addRow(["", " ", null]);
      b.getRow(5).values = ["B1", "同级", "C1", 80, 80, 80, 80, 80];
    });
    const input = await readWorkbook(bytes);
    expect(ballotRowsOf(input.ballots).map((b) => b.row)).toEqual([5]);
  });

  it("names the columns it does not read", async () => {
    const bytes = await book((c, b) => {
      c.addRow(["编号", "姓名", "单位", "岗位类别", "备注"]);
      b.addRow(BALLOT_HEADERS);
    });
    expect((await readWorkbook(bytes, "x.xlsx")).ignoredColumns).toEqual([
      { sheet: "干部名单 Cadres", header: "备注" },
    ]);
  });

  it("refuses a flag it cannot read, naming sheet, row and column", async () => {
    const bytes = await book((c, b) => {
      c.addRow(["编号", "姓名", "单位", "岗位类别", "违纪记录", "实到"]);
      c.addRow(["C1", "张三", "办公室", "党政正职", "否", 3.5]);
      b.addRow(BALLOT_HEADERS);
    });
    const error = await readWorkbook(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).details[0]).toEqual({
      "zh-CN": "「干部名单 Cadres」第 2 行「实到」(attendees)：「3.5」无效，须为非负整数",
      en: '干部名单 Cadres row 2, attendees (实到): "3.5" is not valid; it must be a whole number, 0 or more',
    });
  });

  it("refuses two columns for the same field", async () => {
    const bytes = await book((c, b) => {
      c.addRow(["编号", "cadreId", "姓名", "岗位类别"]);
      b.addRow(BALLOT_HEADERS);
    });
    await expect(readWorkbook(bytes)).rejects.toMatchObject({
      code: "duplicate_header",
      bilingual: { en: expect.stringContaining('columns A ("编号") and B ("cadreId") both hold cadreId') },
    });
  });

  it("says an old .xls file must be saved as .xlsx", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(readWorkbook(ole, "old.xls")).rejects.toMatchObject({
      code: "not_a_workbook",
      bilingual: { "zh-CN": expect.stringContaining("另存为 .xlsx") },
    });
  });
});
