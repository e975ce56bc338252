import { t } from "../../i18n/index.ts";
import { button, h } from "../dom.ts";
import { sheetsTable } from "./sheets-table.ts";
import type { PaneContext } from "./context.ts";

/** 记录 (HR): every submitted sheet, newest first, with who submitted it. */
export function historyPage(ctx: PaneContext): HTMLElement {
  const { lang } = ctx;
  const list = h("div", { "data-testid": "history-list" });
  const load = () =>
    ctx.run(async () => {
      const { items } = await ctx.rt.client.listSheets({});
      const newest = [...items].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
      list.replaceChildren(newest.length === 0 ? h("p", {}, t(lang, "pull.none")) : sheetsTable(ctx, newest, true));
      return t(lang, "pull.found", { count: newest.length });
    });
  return h(
    "section",
    { "data-testid": "page-history" },
    h(
      "div",
      { class: "row" },
      button("history-refresh", t(lang, "history.refresh"), () => load()),
    ),
    list,
  );
}
