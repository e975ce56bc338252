import { score } from "../../../shared/index.ts";
import { t } from "../../i18n/index.ts";
import { activePolicy } from "../policy.ts";
import { markOffline, mergeVerdicts, summarise, verdictItems, type Summary } from "../format.ts";
import { button, h } from "../dom.ts";
import type { PaneContext } from "./context.ts";

/** 计分: score locally (exact), all verdicts in one cloud call (local and provisional offline), write the results. */
export function scorePage(ctx: PaneContext): HTMLElement {
  const { lang } = ctx;
  const out = h("div", { "data-testid": "score-summary" });
  const run = () =>
    ctx.run(async () => {
      const input = await ctx.excel.readAssessment();
      const active = await activePolicy(ctx);
      const local = await score(active.policy, input);
      const extra = new Map(
        input.cadres.map((c) => [
          String(c.cadreId).trim(),
          { disciplinary: c.disciplinary, attendees: c.attendees, expected: c.expected },
        ]),
      );
      const { results, provisional } = await ctx.rt.rules.verdictsForAll(verdictItems(local, extra));
      const merged = mergeVerdicts(local, results, provisional);
      // Offline verdicts say so on every cadre (sheet, pane, HR) and keep Submit from sending them.
      const result = provisional ? markOffline(merged) : merged;
      await ctx.excel.writeResults(result, active.policy, { lang, offline: provisional });
      ctx.lastResult = result;
      out.replaceChildren(
        ...renderSummary(summarise(result, lang), `${result.policy.id} v${result.policy.version}`, provisional, ctx),
      );
    });
  return h(
    "section",
    { "data-testid": "page-score" },
    h("div", { class: "row" }, button("score-run", t(lang, "score.run"), run)),
    out,
  );
}

function renderSummary(s: Summary, policy: string, provisional: boolean, ctx: PaneContext): (Node | string)[] {
  const { lang } = ctx;
  return [
    h("p", {}, t(lang, "score.summary", { cadres: s.cadres, policy })),
    provisional ? h("p", { class: "warning", "data-testid": "score-provisional" }, t(lang, "score.provisional")) : "",
    s.issues > 0
      ? h("p", { class: "warning", "data-testid": "score-issues" }, t(lang, "score.issues", { count: s.issues }))
      : "",
    h(
      "table",
      { class: "grid", "data-testid": "grade-counts" },
      h("thead", {}, h("tr", {}, h("th", {}, t(lang, "score.grade")), h("th", {}, t(lang, "score.count")))),
      h(
        "tbody",
        {},
        ...s.counts.map((c) =>
          h("tr", { "data-testid": `grade-count-${c.grade}` }, h("td", {}, c.label), h("td", {}, String(c.count))),
        ),
        h(
          "tr",
          { "data-testid": "grade-count-unscored" },
          h("td", {}, t(lang, "score.unscored")),
          h("td", {}, String(s.unscored)),
        ),
      ),
    ),
    h("h3", {}, t(lang, "score.review", { count: s.review.length })),
    h(
      "ul",
      { "data-testid": "review-list" },
      ...s.review.map((r) =>
        h(
          "li",
          { "data-testid": `review-${r.cadreId}` },
          h(
            "strong",
            {},
            `${t(lang, "score.reviewWho", { name: r.name, id: r.cadreId, grade: r.grade })}${provisional ? t(lang, "verdict.provisional") : ""}`,
          ),
          h("ul", {}, ...r.reasons.map((m) => h("li", {}, m))),
        ),
      ),
    ),
  ];
}
