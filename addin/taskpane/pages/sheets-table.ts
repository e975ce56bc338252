import type { SheetSummary } from "../../../shared/index.ts";
import { t } from "../../i18n/index.ts";
import { h } from "../dom.ts";
import { withPolicyDocument } from "../pull.ts";
import type { PaneContext } from "./context.ts";

/** Submitted sheets as a table, each with a button that pulls it into a new worksheet. */
export function sheetsTable(ctx: PaneContext, items: readonly SheetSummary[], withSubmitter = false): HTMLElement {
  const { lang } = ctx;
  const pull = (id: string) =>
    ctx.run(async () => {
      const sheet = await withPolicyDocument(ctx.rt.client, await ctx.rt.client.getSheet(id));
      const name = await ctx.excel.writePulledSheet(sheet, lang);
      return t(lang, "pull.done", { sheet: name });
    });
  const th = (text: string) => h("th", { scope: "col" }, text);
  return h(
    "table",
    { class: "grid sheets" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        th(t(lang, "pull.unit")),
        th(t(lang, "pull.period")),
        th(t(lang, "pull.title")),
        th(t(lang, "pull.cadres")),
        th(t(lang, withSubmitter ? "history.by" : "pull.submittedAt")),
        th(t(lang, "pull.pull")),
      ),
    ),
    h(
      "tbody",
      {},
      ...items.map((s) =>
        h(
          "tr",
          { "data-testid": `pull-row-${s.id}` },
          h("td", {}, s.unit),
          h("td", {}, s.period),
          h("td", {}, `${s.title ?? ""}${s.unpublished ? t(lang, "pull.unpublished") : ""}`),
          h("td", {}, String(s.cadres)),
          h("td", {}, withSubmitter ? `${s.submittedBy} · ${s.submittedAt.slice(0, 10)}` : s.submittedAt.slice(0, 10)),
          h(
            "td",
            {},
            h(
              "fluent-button",
              {
                "data-testid": `pull-${s.id}`,
                appearance: "outline",
                "aria-label": t(lang, "pull.pullLabel", { unit: s.unit, period: s.period }),
                onclick: () => void pull(s.id),
              },
              t(lang, "pull.pull"),
            ),
          ),
        ),
      ),
    ),
  );
}
