import { CadreHistorySchema, GRADE_LABELS, UnitHistorySchema, VERDICT_LABELS } from "../../../shared/index.ts";
import { pick, t } from "../../i18n/index.ts";
import { button, field, h, textField, valueOf } from "../dom.ts";
import type { PaneContext } from "./context.ts";

/** 历年 (HR): a cadre's grades across the stored years, or a unit's survey years, with the multi-year flags. */
export function historyPage(ctx: PaneContext): HTMLElement {
  const { lang } = ctx;
  const out = h("div", { "data-testid": "history-result" });
  const section = h(
    "section",
    { "data-testid": "page-history" },
    field(t(lang, "history.cadre"), textField("history-cadre")),
    h(
      "div",
      { class: "row" },
      button("history-show-cadre", t(lang, "history.showCadre"), () => cadre()),
    ),
    field(t(lang, "history.unit"), textField("history-unit")),
    h(
      "div",
      { class: "row" },
      button("history-show-unit", t(lang, "history.showUnit"), () => unit(), "outline"),
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
          { "data-testid": "history-flags" },
          h("p", { class: "warning" }, t(lang, "history.review")),
          h("ul", {}, ...list.map((f) => h("li", {}, pick(lang, f.message)))),
        )
      : "";

  const cadre = () =>
    ctx.run(async () => {
      const id = valueOf(section, "history-cadre");
      if (!id) return t(lang, "history.none");
      const hist = await ctx.rt.client.request(
        "GET",
        `/api/history/cadres/${encodeURIComponent(id)}`,
        CadreHistorySchema,
      );
      out.replaceChildren(
        hist.years.length === 0
          ? h("p", {}, t(lang, "history.none"))
          : table(
              [
                t(lang, "history.period"),
                t(lang, "history.composite"),
                t(lang, "history.grade"),
                t(lang, "history.verdict"),
              ],
              hist.years.map((y) => [
                y.period,
                y.composite === null ? "—" : y.composite.toFixed(2),
                y.grade ? pick(lang, GRADE_LABELS[y.grade]) : "—",
                y.verdict ? pick(lang, VERDICT_LABELS[y.verdict]) : "—",
              ]),
              "history-years",
            ),
        flags(hist.flags),
      );
      return t(lang, "history.shown", { count: hist.years.length });
    });

  const unit = () =>
    ctx.run(async () => {
      const name = valueOf(section, "history-unit");
      if (!name) return t(lang, "history.none");
      const hist = await ctx.rt.client.request(
        "GET",
        `/api/history/units/${encodeURIComponent(name)}`,
        UnitHistorySchema,
      );
      out.replaceChildren(
        hist.years.length === 0
          ? h("p", {}, t(lang, "history.none"))
          : table(
              [t(lang, "history.period"), t(lang, "survey.index"), t(lang, "survey.change"), t(lang, "survey.flags")],
              hist.years.map((y) => [
                y.period,
                "withheld" in y.unit.stats ? t(lang, "survey.withheld") : (y.unit.stats.index?.toFixed(2) ?? "—"),
                y.unit.lastYear?.change === null || y.unit.lastYear?.change === undefined
                  ? "—"
                  : `${y.unit.lastYear.change > 0 ? "+" : ""}${y.unit.lastYear.change.toFixed(2)}`,
                y.unit.flags.includes("supervise") ? (lang === "en" ? "Focused supervision" : "重点督导") : "",
              ]),
              "history-years",
            ),
        flags(hist.flags),
      );
      return t(lang, "history.shown", { count: hist.years.length });
    });
  return section;
}
