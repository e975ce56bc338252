import { z } from "zod";
import { CadreHistorySchema, DEFAULT_SURVEY_POLICY, multiYearFlags, type CadreHistory } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { COMMON_PROBLEMS } from "./lib/responses.ts";
import { getSheet, allSheets } from "./store/sheets.ts";

type Year = CadreHistory["years"][number];

export const operation = defineOperation({
  name: "historyCadre",
  method: "GET",
  route: "history/cadres/{cadreId}",
  roles: ["hr"],
  summary: {
    "zh-CN": "干部历年考核：每年的综合得分、等次与结论，并按多年规则提示复核",
    en: "A cadre's years: composite, grade and verdict per year, with the multi-year rules flagged for review",
  },
  description: {
    "zh-CN":
      "从服务中保存的考评表中找出该干部（按编号），每个年度取最后一次提交。按内置评议方案的多年规则（连续两年考核不称职、连续两年基本称职）提示复核，只提示，不自动认定。",
    en: "Finds the cadre (by id) in the stored sheets, the latest submission per period. The built-in policy's multi-year rules (incompetent two years running, basically competent two years running) are flagged for review, never decided.",
  },
  request: { params: z.object({ cadreId: z.string().min(1).max(200) }) },
  responses: [
    {
      status: 200,
      description: { "zh-CN": "历年结果（无记录时为空）", en: "The years (empty when none is stored)" },
      schema: CadreHistorySchema,
    },
    ...COMMON_PROBLEMS,
  ],
  run: async ({ params }) => {
    const sheets = await allSheets();
    const byPeriod = new Map<string, Year & { submittedAt: string }>();
    // A few downloads at a time: the store is shared.
    for (let i = 0; i < sheets.length; i += 8) {
      const found = await Promise.all(sheets.slice(i, i + 8).map((s) => getSheet(s.id)));
      for (const f of found) {
        const c = f?.doc.result.cadres.find((x) => x.cadreId === params.cadreId);
        if (!f || !c) continue;
        const earlier = byPeriod.get(f.summary.period);
        // The latest submission for a period corrects the earlier ones.
        if (earlier && earlier.submittedAt > f.summary.submittedAt) continue;
        byPeriod.set(f.summary.period, {
          period: f.summary.period,
          sheetId: f.summary.id,
          unit: c.unit,
          name: c.name,
          composite: c.composite,
          grade: c.grade,
          verdict: c.verdict,
          provisional: c.provisional,
          submittedAt: f.summary.submittedAt,
        });
      }
    }
    const years = [...byPeriod.values()]
      .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
      .map(({ submittedAt: _, ...y }) => y);
    const rules = DEFAULT_SURVEY_POLICY.multiYear;
    return {
      json: {
        cadreId: params.cadreId,
        years,
        flags: multiYearFlags(years, rules),
        rules: rules.map((r) => ({ id: r.id, grades: r.grades, years: r.years })),
      },
    };
  },
});

export const historyCadre = operation.handler;
register(operation);
