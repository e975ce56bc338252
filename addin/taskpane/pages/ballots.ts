import QRCode from "qrcode";
import {
  IssuedCodesSchema,
  SessionBallotsSchema,
  SessionCloseSchema,
  SessionSummarySchema,
  type SessionSummary,
} from "../../../shared/index.ts";
import { t } from "../../i18n/index.ts";
import { readSettings } from "../../api/settings.ts";
import { activePolicy } from "../policy.ts";
import { appendBallotRows } from "../../excel/ballots-append.ts";
import { button, field, h, textField, valueOf } from "../dom.ts";
import type { PaneContext } from "./context.ts";
import { BALLOTS_STYLE } from "./ballots-style.ts";

const SESSION_KEY = "kaoping.ballotSession";
const REFRESH_MS = 3000;

/**
 * 扫码测评: open a ballot session from the workbook's cadres and policy, issue codes and print the slips,
 * watch the returns against 应到 (four fifths, spec section 6), close, and append the electronic
 * ballots under the paper ones on 测评票.
 */
export function ballotsPage(ctx: PaneContext): HTMLElement {
  const { lang } = ctx;
  const api = () => ctx.rt.client;
  let session: SessionSummary | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;

  const scores = h(
    "select",
    { "data-testid": "ballots-scores", "aria-label": t(lang, "ballots.scores") },
    h("option", { value: "levels" }, t(lang, "ballots.scoresLevels")),
    h("option", { value: "numeric" }, t(lang, "ballots.scoresNumeric")),
  );
  const gradeVote = h("input", { type: "checkbox", "data-testid": "ballots-grade-vote", checked: true });
  const counts = h("div", { class: "row", "data-testid": "ballots-counts" });
  const progress = h("div", { "data-testid": "ballots-progress", "aria-live": "polite" });
  const slips = h("section", { class: "slips", "data-testid": "ballots-slips", hidden: true });
  const heading = h("h3", { "data-testid": "ballots-session" });
  const sessionPart = h("div", { hidden: true, "data-testid": "ballots-session-part" });

  const store = ctx.rt.store;
  const remember = (id: string | null) => (id ? store.setItem(SESSION_KEY, id) : store.removeItem?.(SESSION_KEY));

  const render = (s: SessionSummary) => {
    session = s;
    sessionPart.hidden = false;
    heading.textContent = `${t(lang, "ballots.session", { id: s.id })} · ${s.title} · ${t(lang, `ballots.status.${s.status}`)}`;
    if (counts.childElementCount === 0)
      counts.replaceChildren(
        ...s.groups.map((g) =>
          field(t(lang, "ballots.count", { group: g.label }), textField(`ballots-count-${g.group}`, "0", "0")),
        ),
      );
    const need = s.expected === null ? null : Math.ceil((s.expected * 4) / 5);
    progress.replaceChildren(
      h(
        "table",
        { class: "grid", "data-testid": "ballots-progress-table" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", {}, t(lang, "ballots.group")),
            h("th", {}, t(lang, "ballots.issuedCol")),
            h("th", {}, t(lang, "ballots.returnedCol")),
          ),
        ),
        h(
          "tbody",
          {},
          ...s.groups.map((g) =>
            h(
              "tr",
              { "data-testid": `ballots-row-${g.group}` },
              h("td", {}, g.label),
              h("td", {}, String(g.issued)),
              h("td", {}, String(g.returned)),
            ),
          ),
          h(
            "tr",
            { "data-testid": "ballots-row-total" },
            h("th", {}, t(lang, "ballots.total")),
            h("th", {}, String(s.issued)),
            h("th", {}, String(s.returned)),
          ),
        ),
      ),
      h(
        "p",
        {
          "data-testid": "ballots-quorum",
          class: need !== null && s.returned * 5 >= s.expected! * 4 ? "ok" : "warning",
        },
        s.expected === null
          ? t(lang, "ballots.noExpected")
          : // Four fifths by integers: returned * 5 >= expected * 4 (the boundary is valid).
            s.returned * 5 >= s.expected * 4
            ? t(lang, "ballots.quorumOk", { returned: s.returned, expected: s.expected })
            : t(lang, "ballots.quorumShort", { returned: s.returned, expected: s.expected, need: need! }),
      ),
    );
    if (s.status === "closed") stopRefresh();
  };

  const refresh = async () => {
    if (!session) return;
    render(await api().request("GET", `/api/sessions/${session.id}`, SessionSummarySchema));
  };
  const stopRefresh = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };
  const startRefresh = () => {
    stopRefresh();
    // Refreshes quietly: a failed poll leaves the last figures up and the next one tries again.
    timer = setInterval(() => void refresh().catch(() => undefined), REFRESH_MS);
  };

  const open = () =>
    ctx.run(async () => {
      const input = await ctx.excel.readAssessment();
      const active = await activePolicy(ctx);
      const expectedText = valueOf(page, "ballots-expected");
      const summary = await api().request("POST", "/api/sessions", SessionSummarySchema, {
        title: valueOf(page, "ballots-title") || t(lang, "ballots.titleDefault", { year: new Date().getFullYear() }),
        policyId: active.identity.id,
        version: active.identity.version,
        cadres: input.cadres.map((c) => ({
          cadreId: String(c.cadreId),
          name: c.name,
          unit: c.unit ?? "",
          post: c.post,
        })),
        form: { scores: scores.value, gradeVote: gradeVote.checked },
        ...(expectedText ? { expected: Number(expectedText) } : {}),
      });
      counts.replaceChildren();
      remember(summary.id);
      render(summary);
      startRefresh();
      return t(lang, "ballots.opened", {
        id: summary.id,
        cadres: summary.cadres,
        policy: `${summary.policy.id} v${summary.policy.version}`,
      });
    });

  const issue = () =>
    ctx.run(async () => {
      if (!session) throw new Error(t(lang, "ballots.needSession"));
      const voteUrl = `${readSettings(store).apiBase.replace(/\/api$/, "")}/api/vote`;
      const printed: { code: string; label: string }[] = [];
      for (const g of session.groups) {
        const count = Number(valueOf(page, `ballots-count-${g.group}`) || "0");
        if (!Number.isInteger(count) || count <= 0) continue;
        const issued = await api().request("POST", `/api/sessions/${session.id}/codes`, IssuedCodesSchema, {
          group: g.group,
          count,
        });
        for (const code of issued.codes) printed.push({ code, label: issued.label });
      }
      const cards = await Promise.all(
        printed.map(async (p) => {
          const svg = await QRCode.toString(`${voteUrl}#c=${p.code}`, { type: "svg", margin: 1 });
          const qr = h("div", { class: "slip-qr", "aria-hidden": "true" });
          qr.innerHTML = svg; // our own SVG from the QR library, no user text inside
          return h(
            "div",
            { class: "slip", "data-testid": "ballots-slip", "data-code": p.code, "data-group": p.label },
            h("div", { class: "slip-title" }, session!.title),
            h("div", { class: "slip-group" }, `${t(lang, "ballots.group")}：${p.label}`),
            qr,
            h(
              "div",
              { class: "slip-code" },
              `${t(lang, "ballots.slipCode")} ${p.code.replace(/^(.{7})(.{5})(.{5})(.{5})(.{5})$/, "$1-$2-$3-$4-$5")}`,
            ),
            h("div", { class: "slip-hint" }, t(lang, "ballots.slipHint")),
          );
        }),
      );
      slips.replaceChildren(
        h("h3", {}, t(lang, "ballots.slipsTitle", { count: printed.length })),
        button("ballots-print", t(lang, "ballots.print"), () => window.print(), "neutral"),
        h("div", { class: "slip-grid" }, ...cards),
      );
      slips.hidden = printed.length === 0;
      await refresh();
      return t(lang, "ballots.issued", { count: printed.length });
    });

  const close = () =>
    ctx.run(async () => {
      if (!session) throw new Error(t(lang, "ballots.needSession"));
      const closed = await api().request("POST", `/api/sessions/${session.id}/close`, SessionCloseSchema);
      stopRefresh();
      await refresh();
      return t(lang, "ballots.closed", { returned: closed.returned });
    });

  const pull = () =>
    ctx.run(async () => {
      if (!session) throw new Error(t(lang, "ballots.needSession"));
      const got = await api().request("GET", `/api/sessions/${session.id}/ballots`, SessionBallotsSchema);
      const outcome = await appendBallotRows(got.rows);
      const added = outcome.addedVoteColumn ? t(lang, "ballots.voteColumnAdded", { sheet: outcome.sheet }) : "";
      return outcome.appended > 0
        ? added +
            t(lang, "ballots.pulled", {
              count: outcome.appended,
              sheet: outcome.sheet,
              first: outcome.firstRow!,
              last: outcome.lastRow!,
            })
        : t(lang, "ballots.pulledNone", { sheet: outcome.sheet, skipped: outcome.skipped });
    });

  const page = h(
    "section",
    { "data-testid": "page-ballots" },
    h("style", {}, BALLOTS_STYLE),
    h("p", { class: "hint" }, t(lang, "ballots.intro")),
    field(t(lang, "ballots.title"), textField("ballots-title")),
    field(t(lang, "ballots.scores"), scores),
    h("label", { class: "ballots-check" }, gradeVote, h("span", {}, t(lang, "ballots.gradeVote"))),
    field(t(lang, "ballots.expected"), textField("ballots-expected")),
    h("div", { class: "row" }, button("ballots-open", t(lang, "ballots.open"), open)),
    sessionPart,
  );
  sessionPart.append(
    heading,
    counts,
    h(
      "div",
      { class: "row" },
      button("ballots-issue", t(lang, "ballots.issue"), issue),
      button("ballots-refresh", t(lang, "ballots.refresh"), () => void ctx.run(refresh), "neutral"),
    ),
    progress,
    h(
      "div",
      { class: "row" },
      button("ballots-close", t(lang, "ballots.close"), close, "neutral"),
      button("ballots-pull", t(lang, "ballots.pull"), pull),
    ),
    slips,
  );

  // A pane reopened during the meeting picks its session up again.
  const remembered = store.getItem(SESSION_KEY);
  if (remembered && /^[0-9A-Z]{6}$/.test(remembered)) {
    session = { id: remembered } as SessionSummary;
    void refresh()
      .then(() => session?.status === "open" && startRefresh())
      .catch(() => {
        session = null;
        remember(null);
      });
  }
  return page;
}
