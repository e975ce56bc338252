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
import { errorText } from "./format.ts";
import { activePolicy } from "./policy.ts";
import { h } from "./dom.ts";
import type { ExcelPort } from "./excel-port.ts";
import type { PaneContext } from "./pages/context.ts";
import { newPage } from "./pages/new.ts";
import { checkPage } from "./pages/check.ts";
import { scorePage } from "./pages/score.ts";
import { recommendPage } from "./pages/recommend.ts";
import { submitPage } from "./pages/submit.ts";
import { settingsPage } from "./pages/settings.ts";
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

const PAGES = [
  ["new", "nav.new", newPage],
  ["check", "nav.check", checkPage],
  ["score", "nav.score", scorePage],
  ["recommend", "nav.recommend", recommendPage],
  ["submit", "nav.submit", submitPage],
  ["settings", "nav.settings", settingsPage],
  ["ballots", "nav.ballots", ballotsPage],
] as const satisfies readonly (readonly [string, StringKey, (ctx: PaneContext) => HTMLElement])[];

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
  const rt = runtime();

  const offlineBanner = h(
    "div",
    { class: "banner", role: "alert", "data-testid": "offline-banner", hidden: true },
    t(lang, "banner.offline"),
  );
  const hostBanner = h(
    "div",
    { class: "banner", role: "alert", "data-testid": "no-office-banner", hidden: host },
    t(lang, "banner.noOffice"),
  );
  const status = h("div", {
    class: "status",
    role: "status",
    "aria-live": "polite",
    "data-testid": "status",
    "data-state": "idle",
  });
  const policyNotice = h("div", { class: "notice", role: "note", "data-testid": "policy-notice", hidden: true });
  const showOffline = (offline: boolean) => (offlineBanner.hidden = !offline);
  rt.client.onConnectivity((s) => showOffline(s === "offline"));
  window.addEventListener("offline", () => showOffline(true));
  window.addEventListener("online", () => void rt.client.health({ timeoutMs: 3000 }).catch(() => undefined));

  const ctx: PaneContext = {
    lang,
    excel: excelPort,
    rt,
    lastResult: null,
    notice(message) {
      policyNotice.textContent = message ?? "";
      policyNotice.hidden = message === null;
    },
    async run(action) {
      status.dataset.state = "busy";
      status.textContent = t(lang, "status.working");
      try {
        const message = await action();
        status.dataset.state = "done";
        status.textContent = message ?? t(lang, "status.done");
      } catch (e) {
        status.dataset.state = "error";
        status.textContent = t(lang, "status.error", { message: errorText(e, lang) });
      }
    },
  };

  const main = h("main", { class: "page" });
  const built = new Map<string, HTMLElement>();
  const nav = h("nav", { class: "nav", role: "tablist" });
  const show = (id: string) => {
    for (const [pid, , make] of PAGES) {
      if (pid === id && !built.has(pid)) built.set(pid, make(ctx));
      const el = built.get(pid);
      if (el) el.hidden = pid !== id;
    }
    main.replaceChildren(...built.values());
    for (const b of Array.from(nav.children))
      b.setAttribute("aria-selected", String((b as HTMLElement).dataset.page === id));
    status.dataset.state = "idle";
    status.textContent = "";
  };
  for (const [id, key] of PAGES)
    nav.append(
      h(
        "button",
        { class: "nav-item", role: "tab", "data-page": id, "data-testid": `nav-${id}`, onclick: () => show(id) },
        t(lang, key),
      ),
    );

  root.replaceChildren(hostBanner, offlineBanner, policyNotice, nav, status, main);
  show("new");
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
