import { DEFAULT_SURVEY_POLICY, multiYearFlags, scoreSurveyWithIdentity } from "../../shared/index.ts";
import type { OperationExamples } from "./examples.ts";

/** The survey operations' examples: a small 一报告两评议 of one county, scored by the engine itself. */
export async function surveyExamples(): Promise<Record<string, OperationExamples>> {
  const layers = ["全委会委员", "本级领导班子成员", "基层干部群众"];
  const items = [
    { itemId: "W1", unit: "甲县", title: "选人用人工作总体评价", kind: "选人用人工作" },
    { itemId: "C1", unit: "甲县", title: "李四（县交通局局长）", kind: "新提拔干部" },
  ];
  const work = ["很满意", "满意", "满意", "基本满意", "很满意", "不太满意", "满意", "不了解"];
  const cadre = ["认同", "认同", "基本认同", "认同", "不认同", "认同", "认同", "认同"];
  const answers = work.flatMap((w, k) => [
    { respondentId: `F${k + 1}`, layer: layers[k % 3]!, itemId: "W1", answer: w },
    { respondentId: `F${k + 1}`, layer: layers[k % 3]!, itemId: "C1", answer: cadre[k]! },
  ]);
  const result = await scoreSurveyWithIdentity({ items, answers }, DEFAULT_SURVEY_POLICY, { period: "2026" });
  const at = "2026-11-24T08:00:00.000Z";
  const id = "7d6f3c2a-1b4e-4c8d-9a0f-2e5b6c7d8e9f";
  const summary = {
    id,
    period: "2026",
    units: ["甲县"],
    policy: result.policy,
    submittedAt: at,
    submittedBy: "assessor@example.org",
  };
  const years = [
    {
      period: "2025",
      sheetId: "1d6f3c2a-1b4e-4c8d-9a0f-2e5b6c7d8e9f",
      unit: "财政局",
      name: "张三",
      composite: 58.2,
      grade: "incompetent" as const,
      verdict: "unfit_for_post" as const,
      provisional: false,
    },
    {
      period: "2026",
      sheetId: "2d6f3c2a-1b4e-4c8d-9a0f-2e5b6c7d8e9f",
      unit: "财政局",
      name: "张三",
      composite: 57.9,
      grade: "incompetent" as const,
      verdict: "unfit_for_post" as const,
      provisional: false,
    },
  ];
  const rules = DEFAULT_SURVEY_POLICY.multiYear;
  return {
    surveyScore: { request: { period: "2026", items, answers, lastYear: "none" }, response: result },
    surveysSubmit: { request: { period: "2026", items, answers }, response: { ...summary, result } },
    surveysGet: { response: { ...summary, result } },
    historyCadre: {
      response: {
        cadreId: "C001",
        years,
        flags: multiYearFlags(years, rules),
        rules: rules.map((r) => ({ id: r.id, grades: r.grades, years: r.years })),
      },
    },
    historyUnit: {
      response: {
        unit: "甲县",
        years: [{ period: "2026", surveyId: id, unit: result.units[0]!, items: result.items }],
        flags: [],
      },
    },
  };
}
