/** Pure planning: chunks under the 5 MB cap, header matching, rows with sheet row numbers, marks, names. */
import { describe, expect, it } from "vitest";
import {
  estimateRowBytes,
  jsonBytes,
  packIntoSyncs,
  planRowChunks,
  planWriteChunks,
  PAYLOAD_BUDGET,
  splitForCells,
} from "./chunks.ts";
import { blockTable, type SheetBlock } from "./rows.ts";
import { planMarks, encodeMarks, decodeMarks } from "./marks-plan.ts";
import { pulledSheetName } from "./pulled.ts";
import { scoreValidation } from "./skeleton-spec.ts";
import {
  ballotRowsOf,
  DEFAULT_POLICY,
  fieldOfHeader,
  readAssessmentTables,
  TableError,
  type FieldSpec,
} from "../../shared/index.ts";

const CADRE_BLOCK: SheetBlock = {
  sheet: "干部名单",
  rowIndex: 0,
  columnIndex: 0,
  values: [["编号", "姓名", "岗位类别"]],
};
/** The add-in's path: sheet values -> raw table -> the shared reader. */
const ballotRows = (block: SheetBlock) =>
  ballotRowsOf(readAssessmentTables(blockTable(CADRE_BLOCK), blockTable(block)).ballots);
const cadreRows = (block: SheetBlock) => readAssessmentTables(blockTable(block), blockTable(CADRE_BLOCK)).cadres;

const FIVE_MB = 5 * 1024 * 1024;

describe("chunk planning under Excel on the web's 5 MB cap", () => {
  it("splits 10,000 rows of ~1 KB into chunks each under 4 MB that cover every row once", () => {
    const chunks = planRowChunks(10_000, 1_000);
    // 4 MiB / 1,000 bytes = 4,194 rows per chunk -> 4,194 + 4,194 + 1,612.
    expect(chunks).toEqual([
      { start: 0, count: 4_194 },
      { start: 4_194, count: 4_194 },
      { start: 8_388, count: 1_612 },
    ]);
    expect(chunks.every((c) => c.count * 1_000 <= PAYLOAD_BUDGET && PAYLOAD_BUDGET < FIVE_MB)).toBe(true);
  });

  it("plans writes by each row's real size, Chinese text counting 3 bytes a character", () => {
    const row = ["干部".repeat(500)]; // 1,000 characters = 3,000 bytes of UTF-8 + quotes and brackets
    expect(jsonBytes(row)).toBe(3_004);
    const rows = Array.from({ length: 3_000 }, () => row); // ~9 MB in all
    const chunks = planWriteChunks(rows);
    expect(chunks.reduce((n, c) => n + c.count, 0)).toBe(3_000);
    for (const c of chunks) expect(jsonBytes(rows.slice(c.start, c.start + c.count))).toBeLessThan(FIVE_MB);
    expect(chunks.length).toBe(3);
  });

  it("estimates bytes per row with a margin above the sample's average", () => {
    const sample = [
      ["a", 1],
      ["bb", 2],
    ]; // [["a",1],["bb",2]] is 18 bytes -> 9 per row
    expect(estimateRowBytes(sample)).toBe(30); // ceil(9 x 1.5) + 16
  });

  it("packs several sheets' chunks into as few syncs as fit", () => {
    const syncs = packIntoSyncs([{ bytes: 3e6 }, { bytes: 1e6 }, { bytes: 2e6 }, { bytes: 1e5 }]);
    expect(syncs.map((s) => s.map((i) => i.bytes))).toEqual([
      [3e6, 1e6],
      [2e6, 1e5],
    ]);
  });

  it("splits long text under Excel's 32,767-character cell limit without breaking a surrogate pair", () => {
    const text = "a".repeat(29_999) + "😀" + "b".repeat(10);
    const parts = splitForCells(text);
    expect(parts.join("")).toBe(text);
    expect(parts[0]).toHaveLength(29_999);
    expect(parts.every((p) => p.length <= 30_000)).toBe(true);
  });
});

describe("header matching", () => {
  it.each([
    ["德 morality", "morality"],
    ["德", "morality"],
    ["Morality", "morality"],
    ["  编号  cadreId ", "cadreId"],
    ["测评主体/raterGroup", "raterGroup"],
    ["等次（gradeVote）", "gradeVote"],
    ["备注 note", undefined],
  ])("%s -> %s", (header, key) => {
    const fields: FieldSpec[] = [
      { key: "cadreId", aliases: ["编号"] },
      { key: "raterGroup", aliases: ["测评主体"] },
      { key: "morality", aliases: ["德"] },
      { key: "gradeVote", aliases: ["等次"] },
    ];
    expect(fieldOfHeader(header, fields)?.key).toBe(key);
  });

  it("keeps sheet row numbers past a title line and blank rows, in any column order", () => {
    const block = {
      sheet: "Ballots",
      rowIndex: 0,
      columnIndex: 0,
      values: [
        ["2026 年度测评", "", "", "", "", "", "", "", ""],
        [
          "cadreId",
          "ballotId",
          "raterGroup",
          "integrity",
          "achievement",
          "diligence",
          "ability",
          "morality",
          "gradeVote",
        ],
        ["C1", 7, "peer", 90, 85, 80, 75, "好", "优秀"],
        ["", "", "", "", "", "", "", "", ""],
        ["C2", "8", "同级", "", 1, 2, 3, 4, ""],
      ],
    };
    expect(ballotRows(block)).toEqual([
      {
        ballotId: 7,
        raterGroup: "peer",
        cadreId: "C1",
        integrity: 90,
        achievement: 85,
        diligence: 80,
        ability: 75,
        morality: "好",
        gradeVote: "优秀",
        row: 3,
      },
      {
        ballotId: "8",
        raterGroup: "同级",
        cadreId: "C2",
        integrity: null,
        achievement: 1,
        diligence: 2,
        ability: 3,
        morality: 4,
        gradeVote: null,
        row: 5,
      },
    ]);
  });

  it("names missing columns in both languages", () => {
    const block = {
      sheet: "干部名单",
      rowIndex: 0,
      columnIndex: 0,
      values: [
        ["编号", "单位"],
        ["C1", "x"],
      ],
    };
    try {
      cadreRows(block);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TableError);
      const err = e as TableError;
      expect(err.bilingual["zh-CN"]).toContain("「干部名单」缺少必需的列：姓名（name）、岗位类别（post）");
      expect(err.bilingual.en).toContain("name (姓名), post (岗位类别)");
    }
  });
});

describe("marks, names and validation formulas", () => {
  const issue = (sheet: string, row: number, field: string) => ({
    sheet,
    row,
    field,
    code: "out_of_range" as const,
    message: { "zh-CN": "", en: "" },
  });
  it("marks one cell per issue, the whole row when the field has no column", () => {
    const columns = new Map([["测评票", { columns: new Map([["integrity", 7]]), width: 9 }]]);
    const marks = planMarks(
      [issue("测评票", 17, "integrity"), issue("测评票", 17, "integrity"), issue("测评票", 5, "row")],
      columns,
    );
    expect(marks).toEqual([
      { sheet: "测评票", address: "H17" },
      { sheet: "测评票", address: "A5:I5" },
    ]);
    expect(decodeMarks(encodeMarks(marks))).toEqual(marks);
  });

  it("names a pulled sheet within Excel's rules and uniquely", () => {
    expect(pulledSheetName("2026", "组织部", [])).toBe("拉取 2026 组织部");
    expect(pulledSheetName("2026", "a/b:c", [])).toBe("拉取 2026 a b c");
    expect(pulledSheetName("2026", "组织部", ["拉取 2026 组织部"])).toBe("拉取 2026 组织部 (2)");
    expect(pulledSheetName("2026-H1", "x".repeat(40), []).length).toBe(31);
  });

  it("validates a score as a number on the scale or a level label, within Excel's 255-character formula limit", () => {
    const spec = scoreValidation(DEFAULT_POLICY, "D2");
    expect(spec.rule).toEqual({
      custom: { formula: '=OR(AND(ISNUMBER(D2),D2>=0,D2<=100),D2="好",D2="较好",D2="一般",D2="较差",D2="差")' },
    });
    const many = {
      ...DEFAULT_POLICY,
      scale: {
        ...DEFAULT_POLICY.scale,
        levels: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`等级${i}`, i])),
      },
    };
    const fallback = scoreValidation(many, "D2");
    expect(fallback.rule).toEqual({ decimal: { formula1: 0, formula2: 100, operator: "Between" } });
    expect(fallback.prompt.message).toContain("等级0=0");
  });
});
