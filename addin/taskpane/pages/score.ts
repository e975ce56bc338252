import { score, type Policy } from "../../../shared/index.ts";
import { t } from "../../i18n/index.ts";
import { activePolicy } from "../policy.ts";
import {
  markOffline,
  mergeVerdicts,
  quotaUse,
  summarise,
  verdictItems,
  type QuotaUse,
  type Summary,
} from "../format.ts";
import { button, h } from "../dom.ts";
import type { PaneContext } from "./context.ts";

/** 计分: score locally (exact), all verdicts in one cloud call (local and provisional offline), write the results. */
export function scorePage(ctx: PaneContext): HTMLElement {
  const { lang } = ctx;
  const out = h("div", { "data-testid": "score-summary", class: "stack" });
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
      const summary = summarise(result, lang);
      out.replaceChildren(...renderSummary(summary, quotaUse(result, active.policy), active.policy, provisional, ctx));
      const done = t(lang, "score.summary", {
        cadres: summary.cadres,
        policy: t(lang, "new.policyOption", { title: active.policy.title, version: active.policy.version }),
      });
      return provisional || summary.issues > 0 ? { text: done, intent: "warning" } : done;
    });
  return h(
    "section",
    { "data-testid": "page-score" },
    h("div", { class: "row" }, button("score-run", t(lang, "score.run"), run)),
    out,
  );
}

function renderSummary(
  s: Summary,
  quota: QuotaUse[],
  policy: Policy,
  provisional: boolean,
  ctx: PaneContext,
): (Node | string)[] {
  const { lang } = ctx;
  const confirm = () => h("span", { class: "badge" }, t(lang, "score.needsConfirm"));
  return [
    h("p", {}, t(lang, "score.policy", { policy: `${policy.title}` })),
    provisional ? h("p", { class: "warning", "data-testid": "score-provisional" }, t(lang, "score.provisional")) : "",
    s.issues > 0
      ? h("p", { class: "warning", "data-testid": "score-issues" }, t(lang, "score.issues", { count: s.issues }))
      : "",
    h(
      "table",
      { class: "grid", "data-testid": "grade-counts" },
      h("caption", {}, t(lang, "score.gradeCounts")),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, t(lang, "score.grade")),
          h("th", { scope: "col" }, t(lang, "score.count")),
        ),
      ),
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
    h("p", { class: "proposed", "data-testid": "score-proposed" }, t(lang, "score.proposed")),
    h(
      "ul",
      { class: "plain", "data-testid": "score-quota" },
      ...quota.map((q) =>
        h(
          "li",
          {},
          q.scope === ""
            ? t(lang, "score.quota", { used: q.used, allowed: q.allowed })
            : t(lang, "score.quotaScope", { scope: q.scope, used: q.used, allowed: q.allowed }),
        ),
      ),
    ),
    h("h2", {}, t(lang, "score.review", { count: s.review.length })),
    s.review.length === 0
      ? h("p", {}, t(lang, "score.noReview"))
      : h(
          "ul",
          { "data-testid": "review-list", class: "review" },
          ...s.review.map((r) =>
            h(
              "li",
              { "data-testid": `review-${r.cadreId}` },
              h(
                "strong",
                {},
                `${t(lang, "score.reviewWho", { name: r.name, id: r.cadreId, grade: r.grade })}${provisional ? t(lang, "verdict.provisional") : ""}`,
              ),
              " ",
              confirm(),
              h("ul", {}, ...r.reasons.map((m) => h("li", {}, m))),
            ),
          ),
        ),
  ];
}
