import { ballotCount, compilePolicy, validateInput } from "../../../shared/index.ts";
import { t, type StringKey } from "../../i18n/index.ts";
import { activePolicy } from "../policy.ts";
import { issueRows } from "../format.ts";
import { button, h } from "../dom.ts";
import type { PaneContext } from "./context.ts";

/** 检查: validate the tables with the shared engine; every issue links to its cell. */
export function checkPage(ctx: PaneContext): HTMLElement {
  const { lang } = ctx;
  const list = h("div", { "data-testid": "issue-list" });
  const check = () =>
    ctx.run(async () => {
      const input = await ctx.excel.readAssessment();
      const { policy } = await activePolicy(ctx);
      const { issues } = validateInput(compilePolicy(policy), input.cadres, input.ballots, input.sheets);
      await ctx.excel.markIssues(issues);
      const rows = issueRows(issues, lang);
      const head = (k: StringKey) => h("th", {}, t(lang, k));
      const summary =
        rows.length === 0
          ? t(lang, "check.none", { cadres: input.cadres.length, ballots: ballotCount(input.ballots) })
          : t(lang, "check.count", { count: rows.length });
      list.replaceChildren(
        h("p", { "data-testid": "issue-count" }, summary),
        rows.length === 0
          ? ""
          : h(
              "table",
              { class: "grid" },
              h(
                "thead",
                {},
                h(
                  "tr",
                  {},
                  head("check.col.sheet"),
                  head("check.col.row"),
                  head("check.col.field"),
                  head("check.col.rule"),
                  head("check.col.message"),
                ),
              ),
              h(
                "tbody",
                {},
                ...rows.map((r, i) =>
                  h(
                    "tr",
                    { "data-testid": `issue-${i}` },
                    h("td", {}, r.sheet),
                    h(
                      "td",
                      {},
                      h(
                        "a",
                        {
                          href: "#",
                          "data-testid": `issue-link-${i}`,
                          "aria-label": t(lang, "check.goto", { row: r.row }),
                          onclick: (e: Event) => (
                            e.preventDefault(),
                            void ctx.run(async () => {
                              await ctx.excel.selectCell(r.sheet, r.row, r.fieldKey);
                              return t(lang, "check.went", { sheet: r.sheet, row: r.row });
                            })
                          ),
                        },
                        String(r.row),
                      ),
                    ),
                    h("td", {}, r.field),
                    h("td", {}, r.rule),
                    h("td", {}, r.message),
                  ),
                ),
              ),
            ),
      );
      return rows.length === 0 ? summary : { text: summary, intent: "warning" };
    });
  return h(
    "section",
    { "data-testid": "page-check" },
    h("div", { class: "row" }, button("check-run", t(lang, "check.run"), check)),
    list,
  );
}
