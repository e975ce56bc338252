/** writeResults on a tiny assessment whose figures are worked by hand from the spec (sections 4 and 5). */
import { beforeEach, describe, expect, it } from "vitest";
import { readAssessment, readStoredResult, writePulledSheet, writeResults } from "../../addin/excel/index.ts";
import { DEFAULT_POLICY, policyIdentity, scoreWithIdentity, type AssessmentResult } from "../../shared/index.ts";
import type { Standin } from "../standin/index.ts";
import { freshStandin, typeInto } from "./helpers.ts";

let s: Standin;
let result: AssessmentResult;

const five = (x: number) => [x, x, x, x, x];
beforeEach(async () => {
  s = freshStandin();
  await typeInto(s, "干部名单", [
    ["编号 cadreId", "姓名 name", "单位 unit", "岗位类别 post"],
    ["C1", "张三", "组织部", "党政正职"],
    ["C2", "李四", "组织部", "一般干部"],
    ["C3", "王五", "宣传部", "一般干部"],
    ["C4", "赵六", "宣传部", "党政正职"],
  ]);
  const b = (id: string, group: string, cadre: string, scores: number[], vote = "") => [
    id,
    group,
    cadre,
    ...scores,
    vote,
  ];
  await typeInto(s, "测评票", [
    ["票号", "测评主体", "编号", "德", "能", "勤", "绩", "廉", "等次"],
    ...[1, 2, 3].map((i) => b(`S${i}`, "上级领导", "C1", [90, 80, 90, 80, 100], "优秀")),
    b("P1", "同级", "C1", five(80), "优秀"),
    b("P2", "同级", "C1", five(80), "称职"),
    b("P3", "同级", "C1", five(80), "称职"),
    ...[1, 2, 3].map((i) => b(`S${i}`, "上级领导", "C2", five(95), "优秀")),
    ...[1, 2, 3].map((i) => b(`P${i}`, "同级", "C2", five(95), "优秀")),
    b("S1", "上级领导", "C3", five(70), "称职"),
    ...[2, 3].map((i) => b(`S${i}`, "上级领导", "C3", five(70))),
    ...[1, 2].map((i) => b(`F${i}`, "服务对象", "C3", five(70))),
    ...[1, 2, 3].map((i) => b(`S${i}`, "上级领导", "C4", five(50), "不称职")),
  ]);
  result = scoreWithIdentity(DEFAULT_POLICY, await policyIdentity(DEFAULT_POLICY), await readAssessment());
  s.inspect.resetStats();
});

/*
 * By hand (default policy; groups of 3 are not trimmed, minBallots is 7):
 * C1 党政正职 (.25 .2 .15 .3 .1): superior means 90 80 90 80 100, peer 80s; only superior and peer (0.3 each)
 *    present, so D = their average = 85 80 85 80 90 and S = 21.25+16+12.75+24+9 = 83.00.
 *    Group G: superior .25*90+.2*80+.15*90+.3*80+.1*100 = 86, peer 80. Votes 4 E, 2 C of 6: band 称职, fit.
 * C2 一般干部: every score 95 -> S = 95; 6 E of 6; the quota is floor(4 x 1/4) = 1 and C2 is the only
 *    excellent-band cadre: 优秀.
 * C3 一般干部: every score 70 -> S = 70; service has 2 ballots (< 3): withheld. 1 C and 4 blank: (E+C)/n = 1/5 < 2/3
 *    -> 不胜任现职, grade at most 基本称职 (band 70 is 基本称职 too); review required.
 * C4 党政正职: every score 50 -> S = 50; 3 不称职 of 3 > 1/3 and 廉 50 < 60 veto -> 不称职, 不胜任现职.
 * Ranks by S: C2 95, C1 83, C3 70, C4 50. In post: 党政正职 C1 then C4; 一般干部 C2 then C3.
 */
const EXPECTED: Record<string, (string | number)[]> = {
  C1: [
    2,
    1,
    "C1",
    "张三",
    "组织部",
    "党政正职",
    83,
    85,
    80,
    85,
    80,
    90,
    86,
    80,
    "",
    "",
    4,
    2,
    0,
    0,
    0,
    6,
    4 / 6,
    1,
    0,
    "称职",
    "胜任现职",
  ],
  C2: [
    1,
    1,
    "C2",
    "李四",
    "组织部",
    "一般干部",
    95,
    ...five(95),
    95,
    95,
    "",
    "",
    6,
    0,
    0,
    0,
    0,
    6,
    1,
    1,
    0,
    "优秀",
    "胜任现职",
  ],
  C3: [
    3,
    2,
    "C3",
    "王五",
    "宣传部",
    "一般干部",
    70,
    ...five(70),
    70,
    "",
    "",
    "不公开 withheld",
    0,
    1,
    0,
    0,
    4,
    5,
    0,
    1 / 5,
    0,
    "基本称职",
    "不胜任现职",
  ],
  C4: [
    4,
    2,
    "C4",
    "赵六",
    "宣传部",
    "党政正职",
    50,
    ...five(50),
    50,
    "",
    "",
    "",
    0,
    0,
    0,
    3,
    0,
    3,
    0,
    0,
    1,
    "不称职",
    "不胜任现职",
  ],
};
const REVIEW: Record<string, string> = { C1: "否", C2: "否", C3: "是", C4: "是" };

describe("writeResults", () => {
  it("writes the results table with hand-checked figures, the stamp and the offline marks", async () => {
    await writeResults(result, DEFAULT_POLICY, { lang: "zh-CN", offline: true });
    const sheet = s.inspect.values("考核结果");
    expect(sheet[1]![0]).toBe(`方案 policy: default · 版本 version 1 · sha256 ${result.policy.sha256}`);
    expect(String(sheet[2]![0])).toContain("暂定（离线）provisional (offline)");
    const header = sheet[3]!.slice(0, 30);
    expect(header.slice(0, 7)).toEqual([
      "排名 rank",
      "岗位内排名 rankInPost",
      "编号 cadreId",
      "姓名 name",
      "单位 unit",
      "岗位类别 post",
      "综合得分 composite",
    ]);
    expect(header.slice(12, 16)).toEqual(["上级领导 superior", "同级 peer", "下级 subordinate", "服务对象 service"]);
    expect(header[25]).toBe("建议等次 proposed grade");
    for (const [i, id] of ["C1", "C2", "C3", "C4"].entries()) {
      const row = sheet[4 + i]!;
      expect(row.slice(0, 27)).toEqual(EXPECTED[id]);
      expect(row[27]).toBe("暂定（离线）provisional (offline)");
      expect(row[28]).toBe(REVIEW[id]);
    }
    expect(String(sheet[6]![29])).toContain("1/5");
    const ws = s.inspect.sheet("考核结果");
    expect(ws.frozenRows).toBe(4);
    expect(ws.tables[0]).toMatchObject({ address: "A4:AD8", hasHeaders: true });
    expect(s.inspect.cell("考核结果", "G5")?.numberFormat).toBe("0.00");
    expect(s.inspect.cell("考核结果", "W5")?.numberFormat).toBe("0.00%");
  });

  it("colours rows by proposed grade: excellent green, basic amber, incompetent red, quota tie purple", async () => {
    await writeResults(result, DEFAULT_POLICY, { lang: "zh-CN", offline: false });
    const cfs = s.inspect.sheet("考核结果").conditionalFormats.map((c) => [c.address, c.formula, c.fill]);
    expect(cfs).toEqual([
      ["A5:AD8", '=$Z5="优秀"', "#C6EFCE"],
      ["A5:AD8", '=$Z5="基本称职"', "#FFEB9C"],
      ["A5:AD8", '=$Z5="不称职"', "#FFC7CE"],
      ["A5:AD8", '=$Z5="名额并列待定"', "#E4DFEC"],
    ]);
    expect(s.inspect.values("考核结果")[4]![27]).toBe("否");
  });

  it("charts composites, and a radar whose formulas look up the cadre id typed in its block", async () => {
    await writeResults(result, DEFAULT_POLICY, { lang: "en", offline: false });
    const ws = s.inspect.sheet("考核结果");
    expect(ws.charts.map((c) => [c.type, c.source, c.xAxisValues])).toEqual([
      ["Radar", "AF2:AG6", undefined],
      ["BarClustered", "G4:G8", "D5:D8"],
    ]);
    const block = s.inspect
      .formulas("考核结果")
      .slice(0, 6)
      .map((r) => r.slice(31, 33));
    expect(block[0]).toEqual(["雷达图：输入编号 radar: cadre id", "C1"]);
    expect(block[1]).toEqual(["德 morality", "=IFERROR(INDEX($H$5:$H$8,MATCH($AG$1,$C$5:$C$8,0)),0)"]);
    expect(block[5]).toEqual(["廉 integrity", "=IFERROR(INDEX($L$5:$L$8,MATCH($AG$1,$C$5:$C$8,0)),0)"]);
    // English UI: grade and verdict labels in English, headers still bilingual.
    expect(s.inspect.values("考核结果")[5]!.slice(25, 27)).toEqual(["Excellent", "Fit for post"]);
  });

  it("stores the result JSON in the hidden sheet and reads it back; writing again replaces the sheet", async () => {
    expect(await readStoredResult()).toBeNull();
    await writeResults(result, DEFAULT_POLICY, { lang: "zh-CN", offline: false });
    await writeResults(result, DEFAULT_POLICY, { lang: "zh-CN", offline: false });
    expect(s.inspect.sheetNames().filter((n) => n.startsWith("考核结果"))).toEqual(["考核结果"]);
    expect(s.inspect.sheet("_kaoping").visibility).toBe("Hidden");
    expect(await readStoredResult()).toEqual(result);
  });

  it("splits a large result over cells under 32,767 characters and stays under the payload cap", async () => {
    const big: AssessmentResult = {
      ...result,
      cadres: Array.from({ length: 3_000 }, (_, i) => ({ ...result.cadres[0]!, cadreId: `X${i}` })),
    };
    s.inspect.resetStats();
    await writeResults(big, DEFAULT_POLICY, { lang: "zh-CN", offline: false });
    const cells = s.inspect
      .values("_kaoping")
      .slice(2)
      .map((r) => String(r[0]));
    expect(cells.length).toBeGreaterThan(10);
    expect(cells.every((c) => c.length <= 32_767)).toBe(true);
    expect(s.inspect.stats().maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect((await readStoredResult())?.cadres).toHaveLength(3_000);
  });

  it("writes a pulled sheet under a new unique name with the same table", async () => {
    const name = await writePulledSheet(
      { id: "sheet-1", unit: "组织部", period: "2026", policy: result.policy, result },
      "zh-CN",
    );
    const again = await writePulledSheet(
      { id: "sheet-1", unit: "组织部", period: "2026", policy: result.policy, result },
      "zh-CN",
    );
    expect([name, again]).toEqual(["拉取 2026 组织部", "拉取 2026 组织部 (2)"]);
    const sheet = s.inspect.values(name);
    expect(String(sheet[0]![0])).toContain("sheet-1");
    expect(sheet[4]!.slice(0, 27)).toEqual(EXPECTED.C1);
  });
});
