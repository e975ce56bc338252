import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { DEFAULT_POLICY, score } from "../shared/index.ts";
import { resultToCsv, writeScoredWorkbook } from "./write.ts";

// One principal, two superior ballots (withheld below 3) and one ballot with an unknown group.
const input = {
  cadres: [{ cadreId: "C1", name: "张三", unit: "办公室", post: "党政正职" }],
  ballots: [
    {
      ballotId: "B1",
      raterGroup: "上级领导",
      cadreId: "C1",
      morality: 90,
      ability: 90,
      diligence: 90,
      achievement: 90,
      integrity: 90,
      gradeVote: "优秀",
    },
    {
      ballotId: "B2",
      raterGroup: "上级领导",
      cadreId: "C1",
      morality: 80,
      ability: 80,
      diligence: 80,
      achievement: 80,
      integrity: 80,
      gradeVote: "称职",
    },
    {
      ballotId: "B3",
      raterGroup: "领导",
      cadreId: "C1",
      morality: 80,
      ability: 80,
      diligence: 80,
      achievement: 80,
      integrity: 80,
    },
  ],
};

describe("scored workbook", () => {
  it("names the policy's identity, lists issues bilingually and withholds small groups", async () => {
    const result = await score(DEFAULT_POLICY, input);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeScoredWorkbook(result, DEFAULT_POLICY)) as unknown as ArrayBuffer);
    const policy = wb.getWorksheet("方案 Policy")!;
    expect([policy.getCell("A1").value, policy.getCell("B1").value]).toEqual(["编号 id", "default"]);
    expect(policy.getCell("B3").value).toBe(result.policy.sha256);
    const issues = wb.getWorksheet("问题 Issues")!;
    expect((issues.getRow(2).values as unknown[]).slice(1)).toEqual([
      "Ballots",
      4,
      "raterGroup",
      "unknown_group",
      "领导",
      result.issues[0]!.message["zh-CN"],
      result.issues[0]!.message.en,
    ]);
    const results = wb.getWorksheet("考核结果 Results")!;
    const header = results.getRow(1).values as string[];
    const at = (name: string) => results.getRow(2).getCell(header.indexOf(name)).value;
    expect(at("上级领导均分 superior mean")).toBe("不公开 withheld");
    expect(at("上级领导票数 superior ballots")).toBe(2);
    expect(at("建议等次 Proposed grade")).toBe("称职 Competent");
    expect(at("优秀和称职占比 (E+C)/n")).toBe("100.00%");
    expect(results.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  it("writes HR's CSV without a policy, labelling groups by key", async () => {
    const result = await score(DEFAULT_POLICY, input);
    const [header, row] = parse(resultToCsv(result).replace(/^\uFEFF/, "")) as string[][];
    expect(header).toContain("均分 superior mean");
    expect(row![header!.indexOf("综合得分 Composite")]).toBe("85");
    expect(row![header!.indexOf("岗位类别 Post")]).toBe("principal");
  });
});
