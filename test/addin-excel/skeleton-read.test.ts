/** The template a user fills in, and reading it back with real row numbers. */
import { beforeEach, describe, expect, it } from "vitest";
import {
  createAssessmentSkeleton,
  readAssessment,
  KaopingExcelError,
  SheetExistsError,
} from "../../addin/excel/index.ts";
import { ballotRowsOf, DEFAULT_POLICY } from "../../shared/index.ts";
import type { Standin } from "../standin/index.ts";
import { freshStandin, typeInto } from "./helpers.ts";

let s: Standin;
beforeEach(() => {
  s = freshStandin();
});

describe("createAssessmentSkeleton", () => {
  it("creates both tables with bilingual headers, frozen header rows and an instructions sheet", async () => {
    await createAssessmentSkeleton(DEFAULT_POLICY, "zh-CN");
    expect(s.inspect.sheetNames()).toEqual(["Sheet1", "干部名单", "测评票", "说明 Instructions"]);
    expect(s.inspect.values("干部名单")).toEqual([["编号 cadreId", "姓名 name", "单位 unit", "岗位类别 post"]]);
    expect(s.inspect.values("测评票")).toEqual([
      [
        "票号 ballotId",
        "测评主体 raterGroup",
        "编号 cadreId",
        "德 morality",
        "能 ability",
        "勤 diligence",
        "绩 achievement",
        "廉 integrity",
        "等次 gradeVote",
      ],
    ]);
    for (const name of ["干部名单", "测评票"]) {
      expect(s.inspect.sheet(name).frozenRows).toBe(1);
      expect(s.inspect.sheet(name).tables).toHaveLength(1);
    }
    expect(s.inspect.sheet("测评票").tables[0]).toMatchObject({ address: "A1:I2", hasHeaders: true });
    expect(s.inspect.activeSheet()).toBe("干部名单");
    const help = s.inspect.values("说明 Instructions");
    expect(help[0]).toEqual(["说明", "Instructions"]);
    expect(help.flat().join("\n")).toContain("好=95");
  });

  it("offers drop-downs for posts, rater groups and grade votes, and checks scores on the scale or as levels", async () => {
    await createAssessmentSkeleton(DEFAULT_POLICY, "en");
    const rule = (sheet: string, address: string) =>
      s.inspect.sheet(sheet).validations.find((v) => v.address === address);
    expect(rule("干部名单", "D2:D1048576")?.rule).toEqual({
      list: { inCellDropDown: true, source: "党政正职,党政副职,部门负责人,专业技术,一般干部" },
    });
    expect(rule("测评票", "B2:B1048576")?.rule).toEqual({
      list: { inCellDropDown: true, source: "上级领导,同级,下级,服务对象" },
    });
    expect(rule("测评票", "I2:I1048576")?.rule).toEqual({
      list: { inCellDropDown: true, source: "优秀,称职,基本称职,不称职" },
    });
    const scores = rule("测评票", "D2:H1048576")!;
    expect(scores.rule).toEqual({
      custom: { formula: '=OR(AND(ISNUMBER(D2),D2>=0,D2<=100),D2="好",D2="较好",D2="一般",D2="较差",D2="差")' },
    });
    expect(JSON.stringify(scores.prompt)).toContain("较差=55");
    // English UI: the instructions put English first.
    expect(s.inspect.values("说明 Instructions")[0]).toEqual(["Instructions", "说明"]);
  });

  it("never overwrites an existing sheet: a typed error, bilingual, and nothing changed", async () => {
    await typeInto(s, "测评票", [["my own data"]]);
    const err = await createAssessmentSkeleton(DEFAULT_POLICY, "zh-CN").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SheetExistsError);
    expect((err as SheetExistsError).sheets).toEqual(["测评票"]);
    expect((err as SheetExistsError).bilingual["zh-CN"]).toContain("已存在");
    expect((err as SheetExistsError).bilingual.en).toContain("already exists");
    expect(s.inspect.sheetNames()).toEqual(["Sheet1", "测评票"]);
    expect(s.inspect.values("测评票")).toEqual([["my own data"]]);
  });
});

describe("readAssessment", () => {
  it("reads the template as filled in, each row with its sheet row number", async () => {
    await createAssessmentSkeleton(DEFAULT_POLICY, "zh-CN");
    await typeInto(
      s,
      "干部名单",
      [
        ["C001", "张三", "组织部", "党政正职"],
        ["C002", "李四", "组织部", "一般干部"],
      ],
      2,
    );
    await typeInto(
      s,
      "测评票",
      [["B1", "上级领导", "C001", 90, 88.5, "好", 85, 95, "优秀"], [], ["B2", "同级", "C002", 70, 70, 70, 70, 70]],
      2,
    );
    const input = await readAssessment();
    expect(input.sheets).toEqual({ cadres: "干部名单", ballots: "测评票" });
    expect(input.cadres).toEqual([
      { cadreId: "C001", name: "张三", unit: "组织部", post: "党政正职", row: 2 },
      { cadreId: "C002", name: "李四", unit: "组织部", post: "一般干部", row: 3 },
    ]);
    expect(ballotRowsOf(input.ballots)).toEqual([
      {
        ballotId: "B1",
        raterGroup: "上级领导",
        cadreId: "C001",
        morality: 90,
        ability: 88.5,
        diligence: "好",
        achievement: 85,
        integrity: 95,
        gradeVote: "优秀",
        row: 2,
      },
      // Row 3 is empty and skipped; the next ballot keeps its real row 4. A blank vote is an abstention (null).
      {
        ballotId: "B2",
        raterGroup: "同级",
        cadreId: "C002",
        morality: 70,
        ability: 70,
        diligence: 70,
        achievement: 70,
        integrity: 70,
        gradeVote: null,
        row: 4,
      },
    ]);
  });

  it("accepts English sheet names and English-only headers in another order", async () => {
    await typeInto(s, "Cadres", [
      ["name", "cadreId", "post"],
      ["王五", 7, "deputy"],
    ]);
    await typeInto(s, "Ballots", [
      ["cadreId", "ballotId", "raterGroup", "morality", "ability", "diligence", "achievement", "integrity"],
      [7, 1, "peer", 1, 2, 3, 4, 5],
    ]);
    const input = await readAssessment();
    expect(input.sheets).toEqual({ cadres: "Cadres", ballots: "Ballots" });
    expect(input.cadres).toEqual([{ cadreId: 7, name: "王五", unit: "", post: "deputy", row: 2 }]);
    expect(ballotRowsOf(input.ballots)[0]).toMatchObject({
      cadreId: 7,
      ballotId: 1,
      raterGroup: "peer",
      morality: 1,
      integrity: 5,
      row: 2,
    });
  });

  it("names the missing sheet in both languages", async () => {
    await typeInto(s, "干部名单", [["编号", "姓名", "岗位类别"]]);
    const err = await readAssessment().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KaopingExcelError);
    expect((err as KaopingExcelError).bilingual).toEqual({
      "zh-CN":
        "当前工作簿没有名为「测评票」或「Ballots」的工作表（也可写作「测评票 Ballots」）。现有工作表：「Sheet1」 「干部名单」",
      en: 'This workbook has no sheet named Ballots or 测评票 (or "测评票 Ballots"). Sheets found: 「Sheet1」 「干部名单」',
    });
  });

  it("reads a sheet larger than the 5 MB cap in chunks that each stay under it", async () => {
    // 40,000 ballots with 40-character Chinese ids: about 8 MB of values, so one response cannot carry them.
    const id = "票".repeat(40);
    const rows = Array.from({ length: 40_000 }, (_, i) => [`${id}${i}`, "同级", "C1", 80, 80, 80, 80, 80, ""]);
    await typeInto(s, "干部名单", [
      ["编号", "姓名", "岗位类别"],
      ["C1", "张三", "党政正职"],
    ]);
    await typeInto(s, "测评票", [["票号", "测评主体", "编号", "德", "能", "勤", "绩", "廉", "等次"], ...rows]);
    const input = await readAssessment();
    expect(ballotRowsOf(input.ballots)).toHaveLength(40_000);
    expect(ballotRowsOf(input.ballots).at(-1)?.row).toBe(40_001);
    const stats = s.inspect.stats();
    expect(stats.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
    expect(stats.totalResponseBytes).toBeGreaterThan(5 * 1024 * 1024);
  });
});
