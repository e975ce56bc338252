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
const no = "否 No";
const yes = "是 Yes";
// Detail columns: rank, rank in post, id, name, unit, post, composite (formula), 5 dimensions, then per group
// (上级领导, 同级, 下级, 服务对象) mean and ballots, votes E C B I blank n, shares E, E+C, I (as text), grade, verdict,
// provisional, review.
const EXPECTED: Record<string, (string | number)[]> = {
  C1: [
    2,
    1,
    "C1",
    "张三",
    "组织部",
    "党政正职",
    "=",
    85,
    80,
    85,
    80,
    90,
    86,
    3,
    80,
    3,
    "",
    0,
    "",
    0,
    4,
    2,
    0,
    0,
    0,
    6,
    "66.67%",
    "100.00%",
    "0.00%",
    "称职 Competent",
    "胜任现职 Fit for post",
    no,
    no,
  ],
  C2: [
    1,
    1,
    "C2",
    "李四",
    "组织部",
    "一般干部",
    "=",
    ...five(95),
    95,
    3,
    95,
    3,
    "",
    0,
    "",
    0,
    6,
    0,
    0,
    0,
    0,
    6,
    "100.00%",
    "100.00%",
    "0.00%",
    "优秀 Excellent",
    "胜任现职 Fit for post",
    no,
    no,
  ],
  C3: [
    3,
    2,
    "C3",
    "王五",
    "宣传部",
    "一般干部",
    "=",
    ...five(70),
    70,
    3,
    "",
    0,
    "",
    0,
    "不公开 withheld",
    2,
    0,
    1,
    0,
    0,
    4,
    5,
    "0.00%",
    "20.00%",
    "0.00%",
    "基本称职 Basically competent",
    "不胜任现职 Unfit for post",
    no,
    yes,
  ],
  C4: [
    4,
    2,
    "C4",
    "赵六",
    "宣传部",
    "党政正职",
    "=",
    ...five(50),
    50,
    3,
    "",
    0,
    "",
    0,
    "",
    0,
    0,
    0,
    0,
    3,
    0,
    3,
    "0.00%",
    "0.00%",
    "100.00%",
    "不称职 Incompetent",
    "不胜任现职 Unfit for post",
    no,
    yes,
  ],
};
/** Policy sheet rows (1-based) of the posts' weights: title, version, checksum, section, header, then the posts. */
const WEIGHT_ROW = { 党政正职: 6, 一般干部: 10 } as const;
const RANKED = ["C2", "C1", "C3", "C4"];

describe("writeResults", () => {
  it("writes the detail with hand-checked figures and live composite formulas over the policy sheet's weights", async () => {
    await writeResults(result, DEFAULT_POLICY, { lang: "zh-CN", offline: false });
    const detail = s.inspect.values("考核明细");
    expect(detail[0]!.slice(0, 7)).toEqual([
      "排名 Rank",
      "岗位内排名 Rank in post",
      "编号 Cadre ID",
      "姓名 Name",
      "单位 Unit",
      "岗位类别 Post",
      "综合得分 Composite",
    ]);
    expect(detail[0]!.slice(12, 20)).toEqual([
      "上级领导均分 Mean",
      "上级领导票数 Ballots",
      "同级均分 Mean",
      "同级票数 Ballots",
      "下级均分 Mean",
      "下级票数 Ballots",
      "服务对象均分 Mean",
      "服务对象票数 Ballots",
    ]);
    for (const [i, id] of RANKED.entries()) {
      const row = detail[1 + i]!;
      const expected = EXPECTED[id]!;
      expect(row.slice(0, 6)).toEqual(expected.slice(0, 6));
      expect(row.slice(7, 33)).toEqual(expected.slice(7));
      const post = expected[5] as keyof typeof WEIGHT_ROW;
      const r = WEIGHT_ROW[post];
      expect(row[6]).toBe(`=ROUND(ROUND(SUMPRODUCT(H${i + 2}:L${i + 2},'考核方案'!$B$${r}:$F$${r}),12),2)`);
    }
    expect(String(detail[3]![33])).toContain("1/5");
    // The weights the formulas read: 党政正职 .25 .2 .15 .3 .1 (spec's default policy).
    expect(s.inspect.values("考核方案")[WEIGHT_ROW.党政正职 - 1]!.slice(0, 6)).toEqual([
      "党政正职",
      0.25,
      0.2,
      0.15,
      0.3,
      0.1,
    ]);
    expect(s.inspect.sheet("考核明细").frozenRows).toBe(1);
    expect(s.inspect.cell("考核明细", "H2")?.numberFormat).toBe("0.00");
  });

  it("writes the results page: title, offline mark, key columns, composite from the detail, colours by grade", async () => {
    await writeResults(result, DEFAULT_POLICY, { lang: "zh-CN", offline: true });
    const page = s.inspect.values("考核结果");
    expect(String(page[0]![0])).toContain("年度考核（领导干部） 考核结果（建议等次）");
    expect(String(page[1]![0])).toContain("暂定（离线）provisional (offline)");
    expect(page[3]).toEqual([
      "排名\nRank",
      "编号\nID",
      "姓名\nName",
      "单位\nUnit",
      "岗位类别\nPost",
      "综合得分\nComposite",
      "建议等次（需组织认定）\nProposed grade (to be confirmed)",
      "结论\nVerdict",
      "优秀和称职票占比\nExcellent + competent share",
      "决定理由\nDeciding reasons",
      "组织认定等次\nConfirmed",
      "备注\nNote",
    ]);
    for (const [i, id] of RANKED.entries()) {
      const row = page[4 + i]!;
      const e = EXPECTED[id]!;
      expect(row.slice(0, 5)).toEqual([e[0], e[2], e[3], e[4], e[5]]);
      expect(row[5]).toBe(`='考核明细'!G${i + 2}`);
      expect(row.slice(6, 9)).toEqual([e[29], e[30], e[27]]);
      expect(row.slice(10, 12)).toEqual(["", ""]);
    }
    // C3's deciding reason in full, both languages; C2 (band only) shows its band reason.
    expect(String(page[6]![9])).toContain("1/5");
    expect(String(page[6]![9]).split("\n").length).toBeGreaterThanOrEqual(2);
    const fills = RANKED.map((_, i) => s.inspect.cell("考核结果", `A${5 + i}`)?.fill);
    expect(fills).toEqual(["#C6EFCE", undefined, "#FFEB9C", "#FFC7CE"]);
    expect(page.flat()).toContain(
      "以上等次为建议等次，须经组织认定。 The grades above are proposed grades and must be confirmed by the organisation.",
    );
    expect(page.flat().some((v) => String(v).startsWith("制表 Prepared by"))).toBe(true);
    expect(s.inspect.sheet("考核结果").frozenRows).toBe(4);
  });

  it("sets up the results page for A4 landscape at 100 % with the header repeated and page numbers", async () => {
    await writeResults(result, DEFAULT_POLICY, { lang: "zh-CN", offline: false });
    const ws = s.inspect.sheet("考核结果");
    expect(ws.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { scale: 100 },
      centerHorizontally: true,
      printTitleRows: "$4:$4",
      printArea: `A1:L${s.inspect.values("考核结果").length}`,
    });
    expect(ws.pageLayout.footer?.center).toContain("&P");
    expect(ws.pageLayout.footer?.center).toContain("&N");
    // Every written cell of the page is at least 10 pt; the title 14.
    const sizes = [...ws.rows.values()].flatMap((r) => [...r.values()].map((c) => c.fontSize));
    expect(Math.min(...sizes.map((x) => x ?? 0))).toBe(10);
    expect(s.inspect.cell("考核结果", "A1")?.fontSize).toBe(14);
    expect(ws.merges).toContain("A1:L1");
    expect(s.inspect.sheet("考核方案").pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 1 });
  });

  it("charts composites, and a radar whose formulas look up the cadre id typed in its block", async () => {
    await writeResults(result, DEFAULT_POLICY, { lang: "en", offline: false });
    const ws = s.inspect.sheet("考核明细");
    // 36 detail columns (A..AJ); the radar block starts at AL.
    expect(ws.charts.map((c) => [c.type, c.source, c.xAxisValues])).toEqual([
      ["Radar", "AL2:AM6", undefined],
      ["BarClustered", "G1:G5", "D2:D5"],
    ]);
    const block = s.inspect
      .formulas("考核明细")
      .slice(0, 6)
      .map((r) => r.slice(37, 39));
    expect(block[0]).toEqual(["雷达图：输入编号 Radar: cadre ID", "C2"]);
    expect(block[1]).toEqual(["德 Morality", "=IFERROR(INDEX($H$2:$H$5,MATCH($AM$1,$C$2:$C$5,0)),0)"]);
    expect(block[5]).toEqual(["廉 Integrity", "=IFERROR(INDEX($L$2:$L$5,MATCH($AM$1,$C$2:$C$5,0)),0)"]);
  });

  it("stores the result JSON in the hidden sheet and reads it back; writing again writes over the same sheets", async () => {
    expect(await readStoredResult()).toBeNull();
    await writeResults(result, DEFAULT_POLICY, { lang: "zh-CN", offline: false });
    const ids = s.state.sheets.map((x) => [x.name, x.id]);
    await writeResults(result, DEFAULT_POLICY, { lang: "zh-CN", offline: false });
    // Written over in place: the same sheets (same ids), none deleted or added, the charts not doubled.
    expect(s.state.sheets.map((x) => [x.name, x.id])).toEqual(ids);
    expect(s.inspect.sheet("考核明细").charts).toHaveLength(2);
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
    expect(String(sheet[0]![0])).toMatch(/^组织部 2026年度 /);
    // The same page as 考核结果, the composite as its value (a pull has no detail sheet to refer to).
    expect(sheet[4]!.slice(0, 9)).toEqual([
      1,
      "C2",
      "李四",
      "组织部",
      "一般干部",
      95,
      "优秀 Excellent",
      "胜任现职 Fit for post",
      "100.00%",
    ]);
  });
});
