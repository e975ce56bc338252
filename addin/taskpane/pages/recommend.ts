import { tallyRecommendation } from "../../../shared/index.ts";
import { pick, t } from "../../i18n/index.ts";
import { policyRef } from "../../api/policy-cache.ts";
import { fallsBackLocally } from "../../api/errors.ts";
import { FieldsError } from "../pane-error.ts";
import { activePolicy } from "../policy.ts";
import { candidateList, recommendationRequest } from "../recommendation.ts";
import { button, formField, h, textField, valueOf } from "../dom.ts";
import type { FieldSlots, PaneContext } from "./context.ts";

/** 民主推荐: ballot template, tally through the service (locally and provisional when unreachable), write the result. */
export function recommendPage(ctx: PaneContext): HTMLElement {
  const { lang } = ctx;
  const out = h("div", { "data-testid": "rec-result" });
  const vacancies = formField(t(lang, "recommend.vacancies"), textField("rec-vacancies", "1"), "rec-vacancies");
  const candidates = formField(
    t(lang, "recommend.candidates"),
    h("fluent-text-area", { "data-testid": "rec-candidates", resize: "vertical", rows: 5 }),
    "rec-candidates",
  );
  const expected = formField(t(lang, "recommend.expected"), textField("rec-expected"), "rec-expected");
  const attendees = formField(t(lang, "recommend.attendees"), textField("rec-attendees"), "rec-attendees");
  const fields: FieldSlots = {
    vacancies: { field: vacancies, fix: t(lang, "recommend.fix.vacancies") },
    candidates: { field: candidates, fix: t(lang, "recommend.fix.candidates") },
    expected: { field: expected, fix: t(lang, "recommend.fix.expected") },
    attendees: { field: attendees, fix: t(lang, "recommend.fix.attendees") },
  };
  const section = h(
    "section",
    { "data-testid": "page-recommend" },
    vacancies.el,
    candidates.el,
    h(
      "div",
      { class: "row" },
      button("rec-template", t(lang, "recommend.template"), () => template(), "outline"),
    ),
    expected.el,
    attendees.el,
    h(
      "div",
      { class: "row" },
      button("rec-tally", t(lang, "recommend.tally"), () => tally()),
    ),
    out,
  );
  const form = () => ({
    vacancies: valueOf(section, "rec-vacancies"),
    expected: valueOf(section, "rec-expected"),
    attendees: valueOf(section, "rec-attendees"),
    candidates: valueOf(section, "rec-candidates"),
  });
  const badField = (f: string) => new FieldsError([f]);
  const template = () =>
    ctx.run(async () => {
      const places = Number(form().vacancies);
      if (!Number.isInteger(places) || places < 1) throw badField("vacancies");
      await ctx.excel.writeRecommendationTemplate(candidateList(form().candidates), places, lang);
      return t(lang, "recommend.templateWritten");
    }, fields);
  const tally = () =>
    ctx.run(async () => {
      const read = await ctx.excel.readRecommendationBallots();
      const req = recommendationRequest(read, form());
      if (!req.ok) throw badField(req.field);
      const cached = await activePolicy(ctx);
      let provisional = false;
      let result;
      try {
        result = await ctx.rt.client.recommendation({ ...policyRef(cached), ...req.input });
      } catch (e) {
        if (!fallsBackLocally(e)) throw e;
        provisional = true;
        result = tallyRecommendation(cached.policy, req.input);
      }
      await ctx.excel.writeRecommendationResult(result, lang);
      out.replaceChildren(
        provisional ? h("p", { class: "warning", "data-testid": "rec-provisional" }, t(lang, "banner.offline")) : "",
        h("p", { "data-testid": "rec-quorum" }, pick(lang, result.quorum.message)),
        h("p", { "data-testid": "rec-message" }, pick(lang, result.message)),
        h("ol", { "data-testid": "rec-shortlist" }, ...result.shortlist.map((name) => h("li", {}, name))),
        result.tied.length > 0 ? h("p", { class: "warning", "data-testid": "rec-tied" }, result.tied.join("、")) : "",
      );
      return t(lang, "recommend.written");
    }, fields);
  return section;
}
