import { t } from "../../i18n/index.ts";
import { activePolicy } from "../policy.ts";
import { paneError } from "../pane-error.ts";
import { withPolicyDocument } from "../pull.ts";
import { idempotencyKey, submissionBody, submissionDone, submissionFingerprint } from "../submission.ts";
import { button, field, h, textField, valueOf } from "../dom.ts";
import type { PaneContext } from "./context.ts";

/** 提交/拉取: submit the scored result (idempotent); HR lists sheets by unit and period and pulls one. */
export function submitPage(ctx: PaneContext): HTMLElement {
  const { lang } = ctx;
  const list = h("div", { "data-testid": "pull-results" });
  const section = h(
    "section",
    { "data-testid": "page-submit" },
    field(t(lang, "submit.unit"), textField("submit-unit")),
    field(t(lang, "submit.period"), textField("submit-period", String(new Date().getFullYear()))),
    field(t(lang, "submit.title"), textField("submit-title")),
    h(
      "div",
      { class: "row" },
      button("submit-send", t(lang, "submit.send"), () => submit()),
    ),
    h("hr"),
    field(t(lang, "submit.unit"), textField("pull-unit")),
    field(t(lang, "submit.period"), textField("pull-period")),
    h(
      "div",
      { class: "row" },
      button("pull-list", t(lang, "pull.list"), () => listSheets(), "outline"),
    ),
    list,
  );

  const submit = () =>
    ctx.run(async () => {
      const result = ctx.lastResult ?? (await ctx.excel.readStoredResult());
      if (!result) throw paneError("submit.noResult");
      const title = valueOf(section, "submit-title");
      const body = submissionBody(
        { unit: valueOf(section, "submit-unit"), period: valueOf(section, "submit-period"), title },
        result,
        await activePolicy(ctx),
      );
      const key = idempotencyKey(ctx.rt.store, submissionFingerprint(body));
      const saved = await ctx.rt.client.submitSheet(body, key);
      submissionDone(ctx.rt.store, key);
      return t(lang, "submit.sent", { id: saved.id });
    });

  const listSheets = () =>
    ctx.run(async () => {
      const { items } = await ctx.rt.client.listSheets({
        unit: valueOf(section, "pull-unit"),
        period: valueOf(section, "pull-period"),
      });
      list.replaceChildren(
        items.length === 0
          ? h("p", { "data-testid": "pull-none" }, t(lang, "pull.none"))
          : h(
              "table",
              { class: "grid" },
              h(
                "thead",
                {},
                h(
                  "tr",
                  {},
                  ...["submit.unit", "submit.period", "pull.title", "pull.cadres", "pull.submittedAt"].map((key) =>
                    h("th", {}, t(lang, key as never).replace(/（.*|\s*\(.*/, "")),
                  ),
                  h("th", {}, ""),
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
                    h("td", {}, s.submittedAt.slice(0, 10)),
                    h(
                      "td",
                      {},
                      button(`pull-${s.id}`, t(lang, "pull.pull"), () => pull(s.id), "outline"),
                    ),
                  ),
                ),
              ),
            ),
      );
    });

  const pull = (id: string) =>
    ctx.run(async () => {
      const sheet = await withPolicyDocument(ctx.rt.client, await ctx.rt.client.getSheet(id));
      const name = await ctx.excel.writePulledSheet(sheet, lang);
      return t(lang, "pull.done", { sheet: name });
    });

  return section;
}
