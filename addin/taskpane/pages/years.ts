import { CadreHistorySchema, GRADE_LABELS, UnitHistorySchema, VERDICT_LABELS } from "../../../shared/index.ts";
import { pick, t } from "../../i18n/index.ts";
import { button, field, h, textField, valueOf } from "../dom.ts";
import type { PaneContext } from "./context.ts";

/** 历年 (HR): a cadre's grades across the stored years, or a unit's survey years, with the multi-year flags. */
export function yearsPage(ctx: PaneContext): HTMLElement {
  const { lang } = ctx;
  const out = h("div", { "data-testid": "years-result" });
  const section = h(
    "section",
    { "data-testid": "page-years" },
    field(t(lang, "years.cadre"), textField("years-cadre")),
    h(
      "div",
      { class: "row" },
      button("years-show-cadre", t(lang, "years.showCadre"), () => cadre()),
    ),
    field(t(lang, "years.unit"), textField("years-unit")),
    h(
      "div",
      { class: "row" },
      button("years-show-unit", t(lang, "years.showUnit"), () => unit(), "outline"),
    ),
    out,
  );
  const table = (head: string[], rows: string[][], testid: string) =>
    h(
      "table",
      { class: "mini", "data-testid": testid },
      h("tr", {}, ...head.map((x) => h("th", {}, x))),
      ...rows.map((r) => h("tr", {}, ...r.map((x) => h("td", {}, x)))),
    );
  const flags = (list: { message: { "zh-CN": string; en: string } }[]) =>
    list.length
      ? h(
          "div",
          { "data-testid": "years-flags" },
          h("p", { class: "warning" }, t(lang, "years.review")),
          h("ul", {}, ...list.map((f) => h("li", {}, pick(lang, f.message)))),
        )
      : "";

  const cadre = () =>
    ctx.run(async () => {
      const id = valueOf(section, "years-cadre");
      if (!id) return t(lang, "years.none");
      const hist = await ctx.rt.client.request(
        "GET",
        `/api/history/cadres/${encodeURIComponent(id)}`,
        CadreHistorySchema,
      );
      out.replaceChildren(
        hist.years.length === 0
          ? h("p", {}, t(lang, "years.none"))
          : table(
              [t(lang, "years.period"), t(lang, "years.composite"), t(lang, "years.grade"), t(lang, "years.verdict")],
              hist.years.map((y) => [
                y.period,
                y.composite === null ? "—" : y.composite.toFixed(2),
                y.grade ? pick(lang, GRADE_LABELS[y.grade]) : "—",
                y.verdict ? pick(lang, VERDICT_LABELS[y.verdict]) : "—",
              ]),
              "years-years",
            ),
        flags(hist.flags),
      );
      return t(lang, "years.shown", { count: hist.years.length });
    });

  const unit = () =>
    ctx.run(async () => {
      const name = valueOf(section, "years-unit");
      if (!name) return t(lang, "years.none");
      const hist = await ctx.rt.client.request(
        "GET",
        `/api/history/units/${encodeURIComponent(name)}`,
        UnitHistorySchema,
      );
      out.replaceChildren(
        hist.years.length === 0
          ? h("p", {}, t(lang, "years.none"))
          : table(
              [t(lang, "years.period"), t(lang, "survey.index"), t(lang, "survey.change"), t(lang, "survey.flags")],
              hist.years.map((y) => [
                y.period,
                "withheld" in y.unit.stats ? t(lang, "survey.withheld") : (y.unit.stats.index?.toFixed(2) ?? "—"),
                y.unit.lastYear?.change === null || y.unit.lastYear?.change === undefined
                  ? "—"
                  : `${y.unit.lastYear.change > 0 ? "+" : ""}${y.unit.lastYear.change.toFixed(2)}`,
                y.unit.flags.includes("supervise") ? (lang === "en" ? "Focused supervision" : "重点督导") : "",
              ]),
              "years-years",
            ),
        flags(hist.flags),
      );
      return t(lang, "years.shown", { count: hist.years.length });
    });
  return section;
}
