import {
  DEFAULT_SURVEY_POLICY,
  scoreSurveyWithIdentity,
  SurveyResultSchema,
  SurveyStoredSchema,
  type SurveyResult,
} from "../../../shared/index.ts";
import { pick, t } from "../../i18n/index.ts";
import { fallsBackLocally } from "../../api/errors.ts";
import { readSurvey, writeSurveyResults } from "../../excel/survey.ts";
import { button, field, h, textField, valueOf } from "../dom.ts";
import type { PaneContext } from "./context.ts";

/** 满意度 (一报告两评议): scores the open survey workbook through the service, writes 评议结果, stores the year. */
export function surveyPage(ctx: PaneContext): HTMLElement {
  const { lang } = ctx;
  const out = h("div", { "data-testid": "survey-result" });
  const section = h(
    "section",
    { "data-testid": "page-survey" },
    field(t(lang, "survey.period"), textField("survey-period", String(new Date().getFullYear()))),
    h(
      "div",
      { class: "row" },
      button("survey-score", t(lang, "survey.score"), () => score()),
      button("survey-store", t(lang, "survey.store"), () => store(), "outline"),
    ),
    out,
  );
  const period = () => {
    const p = valueOf(section, "survey-period");
    return /^\d{4}$/.test(p) ? p : undefined;
  };
  const read = async () => {
    const tables = await readSurvey();
    return { tables, items: tables.items, answers: tables.answers };
  };
  const score = () =>
    ctx.run(async () => {
      const { tables, items, answers } = await read();
      const p = period();
      let result: SurveyResult;
      let local = false;
      try {
        result = await ctx.rt.client.request("POST", "/api/survey/score", SurveyResultSchema, {
          items,
          answers,
          ...(p ? { period: p } : {}),
        });
      } catch (e) {
        if (!fallsBackLocally(e)) throw e;
        local = true;
        result = await scoreSurveyWithIdentity(tables, DEFAULT_SURVEY_POLICY, { period: p, sheets: tables.sheets });
      }
      // The service names the rows by the sheets it was sent; the workbook's own sheet names are what a person sees.
      result = {
        ...result,
        issues: result.issues.map((i) => ({
          ...i,
          sheet: i.sheet === "评议项目" ? tables.sheets.items : i.sheet === "评议票" ? tables.sheets.answers : i.sheet,
        })),
      };
      await writeSurveyResults(result, DEFAULT_SURVEY_POLICY);
      out.replaceChildren(...summary(result, local));
      return t(lang, "survey.written", {
        items: result.items.length,
        units: result.units.length,
        issues: result.issues.length,
      });
    });
  const store = () =>
    ctx.run(async () => {
      const p = period();
      if (!p) throw new Error(t(lang, "survey.needPeriod"));
      const { items, answers } = await read();
      const stored = await ctx.rt.client.request("POST", "/api/surveys", SurveyStoredSchema, {
        period: p,
        items,
        answers,
      });
      return t(lang, "survey.stored", { period: stored.period, units: stored.units.length });
    });

  const summary = (r: SurveyResult, local: boolean): (HTMLElement | string)[] => {
    const change = (c: number | null | undefined) =>
      c === null || c === undefined ? "—" : `${c > 0 ? "+" : ""}${c.toFixed(2)}`;
    const rows = r.units.map((u) =>
      h(
        "tr",
        { "data-testid": `survey-unit-${u.unit}` },
        h("td", {}, u.unit),
        h(
          "td",
          { class: "num" },
          "withheld" in u.stats ? t(lang, "survey.withheld") : (u.stats.index?.toFixed(2) ?? "—"),
        ),
        h("td", { class: "num" }, change(u.lastYear?.change)),
        h("td", {}, u.flags.includes("supervise") ? (lang === "en" ? "Focused supervision" : "重点督导") : ""),
      ),
    );
    const fired = [...r.items, ...r.units].flatMap((x) =>
      x.reasons.filter((why) => why.fired && why.rule !== "withheld").map((why) => pick(lang, why.message)),
    );
    return [
      local ? h("p", { class: "warning", "data-testid": "survey-local" }, t(lang, "survey.local")) : "",
      h(
        "table",
        { class: "mini", "data-testid": "survey-units" },
        h(
          "tr",
          {},
          h("th", {}, t(lang, "survey.unit")),
          h("th", {}, t(lang, "survey.index")),
          h("th", {}, t(lang, "survey.change")),
          h("th", {}, t(lang, "survey.flags")),
        ),
        ...rows,
      ),
      h("ul", { "data-testid": "survey-flags" }, ...fired.map((m) => h("li", {}, m))),
      r.issues.length
        ? h(
            "div",
            { "data-testid": "survey-issues" },
            h("p", { class: "warning" }, t(lang, "survey.issues", { count: r.issues.length })),
            h("ul", {}, ...r.issues.slice(0, 20).map((i) => h("li", {}, pick(lang, i.message)))),
          )
        : "",
    ];
  };
  return section;
}
