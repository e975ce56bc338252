import {
  meetingFromGrid,
  meetingTemplate,
  RECOMMENDATION_SHEETS,
  recommendationAnnouncements,
  STATUS_WORDS,
  tallyRecommendation,
  type RecommendationResult,
} from "../../../shared/index.ts";
import { pick, t } from "../../i18n/index.ts";
import { policyRef } from "../../api/policy-cache.ts";
import { fallsBackLocally } from "../../api/errors.ts";
import { activePolicy } from "../policy.ts";
import { candidateList, fieldProblem, parsePostLines, sheetProblem } from "../recommendation.ts";
import { button, field, h, textField, valueOf } from "../dom.ts";
import type { PaneContext } from "./context.ts";

/** 民主推荐: a ballot sheet for a meeting with several posts and voter types; tally; a 现场公布 sheet per post. */
export function recommendPage(ctx: PaneContext): HTMLElement {
  const { lang } = ctx;
  const out = h("div", { "data-testid": "rec-result" });
  const section = h(
    "section",
    { "data-testid": "page-recommend" },
    field(t(lang, "recommend.title"), textField("rec-title")),
    field(t(lang, "recommend.date"), textField("rec-date", "", "2026-11-24")),
    field(
      t(lang, "recommend.posts"),
      h("fluent-text-area", {
        "data-testid": "rec-posts",
        resize: "vertical",
        rows: 4,
        placeholder: "办公室主任 | 1 | 周文、吴刚、郑洁",
      }),
    ),
    field(t(lang, "recommend.voterTypes"), textField("rec-types", "领导班子成员、中层干部、群众代表")),
    h(
      "div",
      { class: "row" },
      button("rec-template", t(lang, "recommend.template"), () => template(), "outline"),
    ),
    h("p", { class: "hint" }, t(lang, "recommend.hint")),
    h(
      "div",
      { class: "row" },
      button("rec-tally", t(lang, "recommend.tally"), () => tally()),
    ),
    out,
  );
  const template = () =>
    ctx.run(async () => {
      const posts = parsePostLines(valueOf(section, "rec-posts"));
      if (!posts.ok)
        throw fieldProblem(
          `「${t("zh-CN", "recommend.posts")}」第 ${posts.line} 行须写成「岗位 | 职数 | 候选人、候选人」`,
          `"${t("en", "recommend.posts")}" line ${posts.line} must read "post | vacancies | name、name"`,
        );
      await ctx.excel.writeRecommendationSheet(
        RECOMMENDATION_SHEETS.meeting,
        meetingTemplate({
          title: valueOf(section, "rec-title"),
          date: valueOf(section, "rec-date"),
          posts: posts.posts,
          voterTypes: candidateList(valueOf(section, "rec-types")),
        }),
      );
      return t(lang, "recommend.templateWritten");
    });
  const tally = () =>
    ctx.run(async () => {
      const grids = await ctx.excel.readRecommendationGrids();
      const sheet = grids.find((g) => g.name === RECOMMENDATION_SHEETS.meeting);
      if (!sheet)
        throw fieldProblem(
          "找不到「民主推荐」工作表：请先点「创建推荐票表」并录入推荐票",
          "No 民主推荐 sheet: create the ballot sheet first and enter the ballots",
        );
      let input;
      try {
        input = meetingFromGrid(sheet.grid);
      } catch (e) {
        throw sheetProblem(e);
      }
      const cached = await activePolicy(ctx);
      let provisional = false;
      let result: RecommendationResult;
      try {
        result = await ctx.rt.client.recommendation({ ...policyRef(cached), ...input });
      } catch (e) {
        if (!fallsBackLocally(e)) throw e;
        provisional = true;
        result = tallyRecommendation(cached.policy, input);
      }
      await ctx.excel.writeAnnouncements(recommendationAnnouncements(result));
      out.replaceChildren(
        provisional ? h("p", { class: "warning", "data-testid": "rec-provisional" }, t(lang, "banner.offline")) : "",
        h("p", { "data-testid": "rec-quorum" }, pick(lang, result.quorum.message)),
        ...result.meetingChecks.map((c) => h("p", { class: "warning" }, pick(lang, c.message))),
        ...result.posts.map((post) =>
          h(
            "div",
            { class: "post", "data-testid": `rec-post-${post.key}` },
            h("h3", {}, post.label),
            h("p", { "data-testid": "rec-message" }, pick(lang, post.message)),
            h(
              "ol",
              { "data-testid": "rec-shortlist" },
              ...post.candidates
                .filter((c) => c.status !== "not_shortlisted" && c.status !== "no_votes")
                .map((c) => h("li", {}, `${c.name} ${c.votes} 票 ${c.percent}% — ${STATUS_WORDS[c.status]}`)),
            ),
            ...post.flags.map((f) =>
              h("p", { class: "warning", "data-testid": `rec-flag-${f.code}` }, pick(lang, f.message)),
            ),
          ),
        ),
        result.invalid.length
          ? h("p", { "data-testid": "rec-invalid" }, t(lang, "recommend.invalid", { n: result.invalid.length }))
          : "",
      );
      return t(lang, "recommend.written");
    });
  return section;
}
