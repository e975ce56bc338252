import {
  RECOMMENDATION_SHEETS,
  roundAnnouncements,
  roundSheetNames,
  roundsFromGrids,
  roundTemplate,
  runRounds,
  selectionTemplate,
  type RoundsResult,
} from "../../../shared/index.ts";
import { pick, t } from "../../i18n/index.ts";
import { policyRef } from "../../api/policy-cache.ts";
import { fallsBackLocally } from "../../api/errors.ts";
import { activePolicy } from "../policy.ts";
import { candidateList, fieldProblem, sheetProblem, wholeNumber } from "../recommendation.ts";
import { button, field, h, textField, valueOf } from "../dom.ts";
import type { PaneContext } from "./context.ts";

/**
 * 公推公选: the selection sheet and its first round; then, one round after another, tally the rounds so far,
 * publish each round, and open the next round's sheet with the candidates who advanced.
 */
export function selectionPage(ctx: PaneContext): HTMLElement {
  const { lang } = ctx;
  const out = h("div", { "data-testid": "sel-result" });
  const section = h(
    "section",
    { "data-testid": "page-selection" },
    field(t(lang, "recommend.title"), textField("sel-title")),
    field(t(lang, "selection.post"), textField("sel-post")),
    field(t(lang, "selection.vacancies"), textField("sel-vacancies", "1")),
    field(
      t(lang, "selection.candidates"),
      h("fluent-text-area", { "data-testid": "sel-candidates", resize: "vertical", rows: 3 }),
    ),
    field(t(lang, "selection.advance"), textField("sel-advance", "3")),
    h(
      "div",
      { class: "row" },
      button("sel-template", t(lang, "selection.template"), () => template(), "outline"),
    ),
    h("p", { class: "hint" }, t(lang, "selection.hint")),
    h(
      "div",
      { class: "row" },
      button("sel-tally", t(lang, "selection.tally"), () => tally()),
    ),
    out,
  );
  const advanceField = () => {
    const n = wholeNumber(valueOf(section, "sel-advance"), 1);
    if (n === undefined)
      throw fieldProblem(
        `「${t("zh-CN", "selection.advance")}」须为正整数`,
        `"${t("en", "selection.advance")}" must be a positive whole number`,
      );
    return n;
  };
  const template = () =>
    ctx.run(async () => {
      const vacancies = wholeNumber(valueOf(section, "sel-vacancies"), 1);
      const candidates = candidateList(valueOf(section, "sel-candidates"));
      const post = valueOf(section, "sel-post");
      if (!post) throw fieldProblem("请填写岗位名称", "Fill in the post");
      if (vacancies === undefined) throw fieldProblem("职数须为正整数", "Vacancies must be a positive whole number");
      if (candidates.length <= vacancies)
        throw fieldProblem(
          `候选人须多于职数（至少 ${vacancies + 1} 人）`,
          `List more candidates than vacancies (at least ${vacancies + 1})`,
        );
      const advance = advanceField();
      await ctx.excel.writeRecommendationSheet(
        RECOMMENDATION_SHEETS.selection,
        selectionTemplate({ title: valueOf(section, "sel-title"), post, vacancies, candidates }),
      );
      await ctx.excel.writeRecommendationSheet(
        RECOMMENDATION_SHEETS.round(1),
        roundTemplate({ label: "第一轮", advance, candidates }),
      );
      return t(lang, "selection.templateWritten", { sheet: RECOMMENDATION_SHEETS.round(1) });
    });
  const tally = () =>
    ctx.run(async () => {
      const grids = await ctx.excel.readRecommendationGrids();
      const selection = grids.find((g) => g.name === RECOMMENDATION_SHEETS.selection);
      const names = roundSheetNames(grids.map((g) => g.name));
      if (!selection || names.length === 0)
        throw fieldProblem(
          "找不到「公推公选」或「第1轮」工作表：请先点「创建公推公选表」",
          "No 公推公选 or 第1轮 sheet: create the selection sheets first",
        );
      let input;
      try {
        input = roundsFromGrids(
          selection.grid,
          names.map((name) => ({ name, grid: grids.find((g) => g.name === name)!.grid })),
        );
      } catch (e) {
        throw sheetProblem(e);
      }
      const cached = await activePolicy(ctx);
      let provisional = false;
      let result: RoundsResult;
      try {
        result = await ctx.rt.client.advance({ ...policyRef(cached), ...input });
      } catch (e) {
        if (!fallsBackLocally(e)) throw e;
        provisional = true;
        result = runRounds(cached.policy, input);
      }
      await ctx.excel.writeAnnouncements(roundAnnouncements(result));
      const last = result.rounds[result.rounds.length - 1]!;
      // The next round opens only on a settled result that still has more finalists than the next round keeps.
      const next = wholeNumber(valueOf(section, "sel-advance"), 1);
      let opened = "";
      if (result.finalists.length > 0 && next !== undefined && next < result.finalists.length) {
        const name = RECOMMENDATION_SHEETS.round(names.length + 1);
        await ctx.excel.writeRecommendationSheet(
          name,
          roundTemplate({ label: `第${names.length + 1}轮`, advance: next, candidates: result.finalists }),
        );
        opened = t(lang, "selection.nextOpened", { sheet: name });
      }
      out.replaceChildren(
        provisional ? h("p", { class: "warning", "data-testid": "sel-provisional" }, t(lang, "banner.offline")) : "",
        ...result.rounds.map((r) => h("p", { "data-testid": `sel-round-${r.round}` }, pick(lang, r.message))),
        ...result.flags.map((f) =>
          h("p", { class: "warning", "data-testid": `sel-flag-${f.code}` }, pick(lang, f.message)),
        ),
        h("p", { "data-testid": "sel-message" }, pick(lang, result.message)),
        opened ? h("p", { "data-testid": "sel-next" }, opened) : "",
        last.status === "done" && result.finalists.length > 0
          ? h("p", { class: "hint" }, t(lang, "selection.toDecision"))
          : "",
      );
      return t(lang, "recommend.written");
    });
  return section;
}
