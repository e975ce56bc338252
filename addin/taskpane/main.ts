/// <reference types="office-js" />
import {
  fluentButton,
  fluentOption,
  fluentSelect,
  fluentTextArea,
  fluentTextField,
  provideFluentDesignSystem,
} from "@fluentui/web-components";
import * as excel from "../excel/index.ts";
// The custom functions register on this page too: one shared runtime, one client and one batcher.
import "../functions/functions.ts";
import { langFromDisplay, t, type Lang, type StringKey } from "../i18n/index.ts";
import { runtime } from "../api/runtime.ts";
import { errorText, pointerField } from "./format.ts";
import { activePolicy } from "./policy.ts";
import { h } from "./dom.ts";
import { messageBar } from "./message-bar.ts";
import { tabList } from "./tabs.ts";
import { followTheme } from "./theme.ts";
import { visiblePages, type Audience } from "./roles.ts";
import { currentUser, signIn } from "./session.ts";
import { FieldsError } from "./pane-error.ts";
import type { ExcelPort } from "./excel-port.ts";
import type { PaneContext } from "./pages/context.ts";
import { newPage } from "./pages/new.ts";
import { checkPage } from "./pages/check.ts";
import { scorePage } from "./pages/score.ts";
import { recommendPage } from "./pages/recommend.ts";
import { selectionPage } from "./pages/selection.ts";
import { decidePage } from "./pages/decide.ts";
import { submitPage } from "./pages/submit.ts";
import { pullPage } from "./pages/pull.ts";
import { historyPage } from "./pages/history.ts";
import { yearsPage } from "./pages/years.ts";
import { settingsPage } from "./pages/settings.ts";
import { surveyPage } from "./pages/survey.ts";
import { ballotsPage } from "./pages/ballots.ts";

// Checked against the Excel layer's real signatures (no cast): a change there shows up here.
const excelPort: ExcelPort = excel;

provideFluentDesignSystem().register(
  fluentButton(),
  fluentSelect(),
  fluentOption(),
  fluentTextField(),
  fluentTextArea(),
);

interface PageDef {
  id: string;
  /** The short tab label (the tab bar fits 320 px) and the page's own heading. */
  nav: StringKey;
  title: StringKey;
  intro?: StringKey;
  audience: readonly Audience[];
  make: (ctx: PaneContext) => HTMLElement;
}

const PAGES: readonly PageDef[] = [
  { id: "new", nav: "nav.new", title: "page.new", intro: "new.intro", audience: ["assessor"], make: newPage },
  { id: "ballots", nav: "nav.ballots", title: "page.ballots", audience: ["assessor"], make: ballotsPage },
  { id: "check", nav: "nav.check", title: "page.check", intro: "check.intro", audience: ["assessor"], make: checkPage },
  { id: "score", nav: "nav.score", title: "page.score", intro: "score.intro", audience: ["assessor"], make: scorePage },
  {
    id: "recommend",
    nav: "nav.recommend",
    title: "page.recommend",
    intro: "recommend.intro",
    audience: ["assessor"],
    make: recommendPage,
  },
  {
    id: "selection",
    nav: "nav.selection",
    title: "page.selection",
    audience: ["assessor"],
    make: selectionPage,
  },
  { id: "decide", nav: "nav.decide", title: "page.decide", audience: ["assessor"], make: decidePage },
  { id: "survey", nav: "nav.survey", title: "page.survey", audience: ["assessor"], make: surveyPage },
  {
    id: "submit",
    nav: "nav.submit",
    title: "page.submit",
    intro: "submit.intro",
    audience: ["assessor"],
    make: submitPage,
  },
  { id: "pull", nav: "nav.pull", title: "page.pull", intro: "pull.intro", audience: ["hr"], make: pullPage },
  {
    id: "history",
    nav: "nav.history",
    title: "page.history",
    intro: "history.intro",
    audience: ["hr"],
    make: historyPage,
  },
  { id: "years", nav: "nav.years", title: "page.years", audience: ["hr"], make: yearsPage },
  {
    id: "settings",
    nav: "nav.settings",
    title: "page.settings",
    intro: "settings.intro",
    audience: ["all"],
    make: settingsPage,
  },
];

/** Office.onReady never resolves without a host (or offline without office.js): give up after a while and say so. */
async function officeReady(timeoutMs = 10_000): Promise<{ host: boolean; lang: Lang }> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function")
    return { host: false, lang: langFromDisplay(navigator.language) };
  const ready = await Promise.race([
    Office.onReady().then(() => true),
    new Promise<false>((r) => setTimeout(() => r(false), timeoutMs)),
  ]);
  const display = ready ? Office.context?.displayLanguage : undefined;
  return { host: ready, lang: langFromDisplay(display ?? navigator.language) };
}

async function start() {
  const root = document.getElementById("app")!;
  const { host, lang } = await officeReady();
  document.documentElement.lang = lang;
  document.title = t(lang, "app.title");
  followTheme();
  const rt = runtime();

  const offline = messageBar(lang, { "data-testid": "offline-banner" });
  const hostBar = messageBar(lang, { "data-testid": "no-office-banner" });
  if (!host) hostBar.show("warning", t(lang, "banner.noOffice"));
  const status = messageBar(lang, { "data-testid": "status", "data-state": "idle" });
  const notice = messageBar(lang, { "data-testid": "policy-notice" });
  const showOffline = (on: boolean) => (on ? offline.show("warning", t(lang, "banner.offline")) : offline.clear());
  rt.client.onConnectivity((s) => showOffline(s === "offline"));
  window.addEventListener("offline", () => showOffline(true));
  window.addEventListener("online", () => void rt.client.health({ timeoutMs: 3000 }).catch(() => undefined));

  const main = h("main", { class: "page" });
  let nav: ReturnType<typeof tabList> | null = null;
  const navSlot = h("div", { class: "nav-slot" });
  const built = new Map<string, HTMLElement>();
  let current = "";

  const ctx: PaneContext = {
    lang,
    excel: excelPort,
    rt,
    lastResult: null,
    notice(message) {
      if (message === null) notice.clear();
      else notice.show("info", message);
    },
    async run(action, fields = {}) {
      for (const slot of Object.values(fields)) slot.field.setError(null);
      status.show("info", t(lang, "status.working"), "busy");
      try {
        const outcome = await action();
        const { text, intent } =
          typeof outcome === "object"
            ? outcome
            : { text: outcome ?? t(lang, "status.done"), intent: "success" as const };
        status.show(intent, text, "done");
      } catch (e) {
        // Each wrong field says what to do next to itself; the bar says what happened.
        const named =
          e instanceof FieldsError
            ? e.fields
            : ((e as { fieldErrors?: { pointer: string }[] }).fieldErrors ?? []).map((f) => pointerField(f.pointer));
        const marked = named.filter((n) => fields[n]);
        for (const n of marked) fields[n]!.field.setError(fields[n]!.fix);
        status.show(
          "error",
          t(lang, "status.error", { message: marked.length > 0 ? t(lang, "error.fixFields") : errorText(e, lang) }),
          "error",
        );
      }
    },
    rolesChanged: () => layout(),
  };

  const show = (id: string) => {
    current = id;
    const page = PAGES.find((p) => p.id === id)!;
    if (!built.has(id))
      built.set(
        id,
        h(
          "div",
          { role: "tabpanel", id: `panel-${id}`, "aria-labelledby": `tab-${id}`, class: "panel" },
          h("h1", { class: "page-title" }, t(lang, page.title)),
          page.intro ? h("p", { class: "intro" }, t(lang, page.intro)) : "",
          page.make(ctx),
        ),
      );
    for (const [pid, el] of built) el.hidden = pid !== id;
    main.replaceChildren(...built.values());
    status.clear("idle");
  };

  /** The tabs of the signed-in person's roles; the current page stays when it is still theirs. */
  const layout = () => {
    const pages = visiblePages(PAGES, currentUser(rt)?.roles ?? []);
    nav = tabList(
      t(lang, "nav.label"),
      pages.map((p) => ({ id: p.id, text: t(lang, p.nav) })),
      show,
    );
    navSlot.replaceChildren(nav.el);
    for (const [id, el] of built)
      if (!pages.some((p) => p.id === id)) {
        built.delete(id);
        el.remove();
      }
    nav.select(pages.some((p) => p.id === current) ? current : pages[0]!.id);
  };

  root.replaceChildren(hostBar.el, offline.el, notice.el, navSlot, status.el, main);
  // A quiet sign-in where the host can (NAA or SSO): no window opens; the Settings page has the button.
  if (host && !currentUser(rt)) await signIn(rt, false).catch(() => undefined);
  layout();
  // An honest first look at connectivity: a short probe, its failure only shows the banner.
  void rt.client.health({ timeoutMs: 3000 }).catch(() => undefined);
  if (host) {
    // The workbook's own policy, loaded now so the custom functions use it too (shared runtime).
    await activePolicy(ctx).catch(() => undefined);
    await excel.watchResultsSelection().catch(() => undefined);
  }
  document.body.dataset.ready = "true";
}

void start();
