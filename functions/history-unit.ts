import { z } from "zod";
import { UnitHistorySchema, type HistoryFlag, type UnitHistory } from "../shared/index.ts";
import { defineOperation, register } from "./lib/operation.ts";
import { COMMON_PROBLEMS } from "./lib/responses.ts";
import { getSurvey, listSurveys } from "./store/surveys.ts";

export const operation = defineOperation({
  name: "historyUnit",
  method: "GET",
  route: "history/units/{unit}",
  roles: ["hr"],
  summary: {
    "zh-CN": "单位历年选人用人满意度：每年的指数、好评率、项目与标记",
    en: "A unit's survey years: index, positive rate, items and flags per year",
  },
  description: {
    "zh-CN": "每个年度取覆盖该单位的最后一次提交；连续两年列为重点督导的单位提示复核。答案少于 3 份的组不显示。",
    en: "Per year, the latest stored survey covering the unit; a unit under focused supervision two years running is flagged for review. Groups under 3 answers are withheld.",
  },
  request: { params: z.object({ unit: z.string().min(1).max(200) }) },
  responses: [
    {
      status: 200,
      description: { "zh-CN": "历年评议（无记录时为空）", en: "The years (empty when none is stored)" },
      schema: UnitHistorySchema,
    },
    ...COMMON_PROBLEMS,
  ],
  run: async ({ params }) => {
    const latest = new Map<string, string>();
    for (const s of await listSurveys()) if (s.units.includes(params.unit)) latest.set(s.period, s.id);
    const years: UnitHistory["years"] = [];
    for (const [period, id] of [...latest].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const found = await getSurvey(id);
      const unit = found?.doc.result.units.find((u) => u.unit === params.unit);
      if (!found || !unit) continue;
      years.push({ period, surveyId: id, unit, items: found.doc.result.items.filter((i) => i.unit === params.unit) });
    }
    return { json: { unit: params.unit, years, flags: supervisedRuns(years) } };
  },
});

/** Focused supervision in consecutive years: for the reviewer, not a decision. */
function supervisedRuns(years: UnitHistory["years"]): HistoryFlag[] {
  const flags: HistoryFlag[] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length >= 2)
      flags.push({
        rule: "supervised_years_running",
        years: run,
        reviewRequired: true,
        message: {
          "zh-CN": `${run.join("、")} 年度连续列为重点督导单位：请研究整改措施`,
          en: `Under focused supervision in ${run.join(", ")}, consecutive years: review the remedial measures`,
        },
      });
    run = [];
  };
  let previous: number | undefined;
  for (const y of years) {
    const year = Number(y.period);
    const supervised = y.unit.flags.includes("supervise");
    if (!supervised || (previous !== undefined && year !== previous + 1)) close();
    if (supervised) run.push(y.period);
    previous = year;
  }
  close();
  return flags;
}

export const historyUnit = operation.handler;
register(operation);
