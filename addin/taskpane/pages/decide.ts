import {
  roundSheetNames,
  roundsFromGrids,
  runRounds,
  decideVote,
  decisionAnnouncement,
  decisionFromGrid,
  decisionTemplate,
  RECOMMENDATION_SHEETS,
  type DecisionResult,
} from "../../../shared/index.ts";
import { pick, t } from "../../i18n/index.ts";
import { fallsBackLocally } from "../../api/errors.ts";
import { activePolicy } from "../policy.ts";
import { candidateList, fieldProblem, sheetProblem, wholeNumber } from "../recommendation.ts";
import { button, field, h, textField, valueOf } from "../dom.ts";
import type { PaneContext } from "./context.ts";

/** 票决: records a decision meeting (members, present, yes/no/abstain per candidate) and publishes it. */
export function decidePage(ctx: PaneContext): HTMLElement {
  const { lang } = ctx;
  const out = h("div", { "data-testid": "dec-result" });
  const section = h(
    "section",
    { "data-testid": "page-decide" },
    field(t(lang, "recommend.title"), textField("dec-title")),
    field(t(lang, "selection.post"), textField("dec-post")),
    field(t(lang, "decide.members"), textField("dec-members")),
    field(
      t(lang, "selection.candidates"),
      h("fluent-text-area", { "data-testid": "dec-candidates", resize: "vertical", rows: 3 }),
    ),
    h(
      "div",
      { class: "row" },
      button("dec-template", t(lang, "decide.template"), () => template(), "outline"),
    ),
    h("p", { class: "hint" }, t(lang, "decide.hint")),
    h(
      "div",
      { class: "row" },
      button("dec-tally", t(lang, "decide.tally"), () => tally()),
    ),
    out,
  );
  /** After a 公推公选 in this workbook, its finalists are the default candidates (counted locally, as on the page). */
  const finalists = async (): Promise<{ post: string; vacancies: number; names: string[] } | null> => {
    const grids = await ctx.excel.readRecommendationGrids();
    const selection = grids.find((g) => g.name === RECOMMENDATION_SHEETS.selection);
    const rounds = roundSheetNames(grids.map((g) => g.name)).map((name) => grids.find((g) => g.name === name)!);
    if (!selection || rounds.length === 0) return null;
    try {
      const r = runRounds((await activePolicy(ctx)).policy, roundsFromGrids(selection.grid, rounds));
      return r.finalists.length ? { post: r.post, vacancies: r.vacancies, names: r.finalists } : null;
    } catch {
      return null; // an unfinished round sheet: the user lists the candidates instead
    }
  };
  const template = () =>
    ctx.run(async () => {
      let candidates = candidateList(valueOf(section, "dec-candidates"));
      const fromRounds = candidates.length === 0 ? await finalists() : null;
      if (fromRounds) candidates = fromRounds.names;
      if (candidates.length === 0) throw fieldProblem("请填写提交票决的人选", "List the candidates to vote on");
      const members = valueOf(section, "dec-members");
      if (members && wholeNumber(members, 1) === undefined)
        throw fieldProblem("应到人数须为正整数", "Members must be a positive whole number");
      await ctx.excel.writeRecommendationSheet(
        RECOMMENDATION_SHEETS.decision,
        decisionTemplate({
          title: valueOf(section, "dec-title"),
          post: valueOf(section, "dec-post") || fromRounds?.post,
          ...(fromRounds ? { vacancies: fromRounds.vacancies } : {}),
          ...(members ? { members: Number(members) } : {}),
          candidates,
        }),
      );
      return t(lang, "decide.templateWritten");
    });
  const tally = () =>
    ctx.run(async () => {
      const grids = await ctx.excel.readRecommendationGrids();
      const sheet = grids.find((g) => g.name === RECOMMENDATION_SHEETS.decision);
      if (!sheet) throw fieldProblem("找不到「票决」工作表：请先点「创建票决表」", "No 票决 sheet: create it first");
      let input;
      try {
        input = decisionFromGrid(sheet.grid);
      } catch (e) {
        throw sheetProblem(e);
      }
      let provisional = false;
      let result: DecisionResult;
      try {
        result = await ctx.rt.client.decide(input);
      } catch (e) {
        if (!fallsBackLocally(e)) throw e;
        provisional = true;
        result = decideVote(input);
      }
      await ctx.excel.writeAnnouncements([decisionAnnouncement(result)]);
      out.replaceChildren(
        provisional ? h("p", { class: "warning", "data-testid": "dec-provisional" }, t(lang, "banner.offline")) : "",
        h("p", { "data-testid": "dec-quorum" }, pick(lang, result.quorum.message)),
        h("ul", {}, ...result.candidates.map((c) => h("li", {}, `${c.name}：${pick(lang, c.reasons[0]!.message)}`))),
        h("p", { "data-testid": "dec-message" }, pick(lang, result.message)),
      );
      return t(lang, "recommend.written");
    });
  return section;
}
