import { t } from "../../i18n/index.ts";
import { button, formField, h, textField, valueOf } from "../dom.ts";
import { sheetsTable } from "./sheets-table.ts";
import type { PaneContext } from "./context.ts";

/** 拉取 (HR): find submitted sheets by unit and period, pull one into a new worksheet. */
export function pullPage(ctx: PaneContext): HTMLElement {
  const { lang } = ctx;
  const list = h("div", { "data-testid": "pull-results" });
  const section = h(
    "section",
    { "data-testid": "page-pull" },
    formField(t(lang, "pull.unit"), textField("pull-unit"), "pull-unit").el,
    formField(t(lang, "submit.period"), textField("pull-period"), "pull-period").el,
    h(
      "div",
      { class: "row" },
      button("pull-list", t(lang, "pull.list"), () => find()),
    ),
    list,
  );
  const find = () =>
    ctx.run(async () => {
      const { items } = await ctx.rt.client.listSheets({
        unit: valueOf(section, "pull-unit"),
        period: valueOf(section, "pull-period"),
      });
      list.replaceChildren(
        items.length === 0 ? h("p", { "data-testid": "pull-none" }, t(lang, "pull.none")) : sheetsTable(ctx, items),
      );
      return items.length === 0
        ? { text: t(lang, "pull.none"), intent: "info" }
        : t(lang, "pull.found", { count: items.length });
    });
  return section;
}
