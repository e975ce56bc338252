import { t, type Lang } from "../i18n/index.ts";
import { h } from "./dom.ts";

export type Intent = "success" | "warning" | "error" | "info";

/**
 * A Fluent-style message bar: success, warning and error in their colours with an icon (drawn by CSS, so the
 * text is the message alone). Errors are announced at once (role=alert, assertive), the rest politely.
 */
export function messageBar(lang: Lang, attrs: Record<string, string> = {}) {
  const text = h("span", { class: "msgbar-text" });
  const el = h("div", { class: "msgbar", hidden: true, ...attrs }, text);
  const set = (intent: Intent, message: string, state?: string) => {
    el.hidden = false;
    el.dataset.intent = intent;
    if (state) el.dataset.state = state;
    el.setAttribute("role", intent === "error" ? "alert" : "status");
    el.setAttribute("aria-live", intent === "error" ? "assertive" : "polite");
    // The intent's name for screen readers; the colour and the icon show it on screen.
    el.setAttribute("aria-roledescription", t(lang, `bar.${intent}`));
    text.textContent = message;
  };
  return {
    el,
    show: (intent: Intent, message: string, state?: string) => set(intent, message, state),
    clear(state?: string) {
      el.hidden = true;
      if (state) el.dataset.state = state;
      text.textContent = "";
    },
  };
}
