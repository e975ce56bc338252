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
  it("names the policy's identity, lists issues bilingually with ballot number and name, withholds small groups", async () => {
    const result = await score(DEFAULT_POLICY, input);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeScoredWorkbook(result, DEFAULT_POLICY, { input })) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "考核结果 Results",
      "明细 Detail",
      "个人测评反馈表 Feedback",
      "问题 Issues",
      "方案 Policy",
    ]);
    const policy = wb.getWorksheet("方案 Policy")!;
    expect(policy.getCell("A1").value).toBe("考核方案 Policy：年度考核（领导干部）");
    expect([policy.getCell("A2").value, policy.getCell("B2").value]).toEqual(["版本 Version", "1"]);
    expect(policy.getCell("A3").value).toBe(
      `方案编号 Policy ID：${result.policy.id} · 校验码 SHA-256：${result.policy.sha256}`,
    );
    const issues = wb.getWorksheet("问题 Issues")!;
    // Ballot B3 (sheet row 4) names an unknown group; it is a ballot for 张三.
    expect((issues.getRow(2).values as unknown[]).slice(1)).toEqual([
      "Ballots",
      4,
      "B3",
      "张三",
      "测评主体 Rater group",
      "领导",
      `${result.issues[0]!.message["zh-CN"]}\n${result.issues[0]!.message.en}`,
    ]);
    const detail = wb.getWorksheet("明细 Detail")!;
    const header = detail.getRow(1).values as string[];
    const at = (name: string) => detail.getRow(2).getCell(header.indexOf(name)).value;
    expect(at("上级领导均分 Mean")).toBe("不公开 withheld");
    expect(at("上级领导票数 Ballots")).toBe(2);
    expect(at("建议等次（需组织认定） Proposed grade (to be confirmed)")).toBe("称职 Competent");
    // 1 excellent + 1 competent of 2 valid votes (the third ballot has no vote).
    expect(at("优秀和称职票占比 Excellent + competent share")).toBe("100.00%");
    expect(at("优秀票占比 Excellent share")).toBe("50.00%");
    expect(detail.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const report = wb.getWorksheet("考核结果 Results")!;
    expect(report.getRow(4).getCell(7).value).toBe("建议等次（需组织认定）\nProposed grade (to be confirmed)");
    expect(report.getRow(5).getCell(3).value).toBe("张三");
    expect(report.getRow(5).getCell(7).value).toBe("称职 Competent");
  });

  it("writes HR's CSV without a policy, labelling groups by the result's names", async () => {
    const result = await score(DEFAULT_POLICY, input);
    const [header, row] = parse(resultToCsv(result).replace(/^\uFEFF/, "")) as string[][];
    expect(header).toContain("superior均分 Mean");
    expect(row![header!.indexOf("综合得分 Composite")]).toBe("85");
    expect(row![header!.indexOf("岗位类别 Post")]).toBe("principal");
  });
});
