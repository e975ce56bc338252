import { tallyRecommendation } from "../../../shared/index.ts";
import { pick, t, type StringKey } from "../../i18n/index.ts";
import { policyRef } from "../../api/policy-cache.ts";
import { ApiError, fallsBackLocally } from "../../api/errors.ts";
import { activePolicy } from "../policy.ts";
import { candidateList, recommendationRequest } from "../recommendation.ts";
import { button, field, h, textField, valueOf } from "../dom.ts";
import type { PaneContext } from "./context.ts";

/** 民主推荐: ballot template, tally through the service (locally and provisional when unreachable), write the result. */
export function recommendPage(ctx: PaneContext): HTMLElement {
  const { lang } = ctx;
  const out = h("div", { "data-testid": "rec-result" });
  const section = h(
    "section",
    { "data-testid": "page-recommend" },
    field(t(lang, "recommend.vacancies"), textField("rec-vacancies", "1")),
    field(
      t(lang, "recommend.candidates"),
      h("fluent-text-area", { "data-testid": "rec-candidates", resize: "vertical", rows: 5 }),
    ),
    h(
      "div",
      { class: "row" },
      button("rec-template", t(lang, "recommend.template"), () => template(), "outline"),
    ),
    field(t(lang, "recommend.expected"), textField("rec-expected")),
    field(t(lang, "recommend.attendees"), textField("rec-attendees")),
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
  const badField = (f: string) => {
    const key = `recommend.${f}` as StringKey;
    return new ApiError("problem", {
      "zh-CN": `「${t("zh-CN", key)}」须为整数`,
      en: `"${t("en", key)}" must be a whole number`,
    });
  };
  const template = () =>
    ctx.run(async () => {
      const vacancies = Number(form().vacancies);
      if (!Number.isInteger(vacancies) || vacancies < 1) throw badField("vacancies");
      await ctx.excel.writeRecommendationTemplate(candidateList(form().candidates), vacancies, lang);
    });
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
    });
  return section;
}
