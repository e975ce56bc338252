/// <reference types="office-runtime" />
import { t, type Lang } from "../../i18n/index.ts";
import { readSettings, saveSettings } from "../../api/settings.ts";
import { tokenInfo } from "../../api/token.ts";
import { errorText } from "../format.ts";
import { paneError, PaneError } from "../pane-error.ts";
import { button, field, h, textField, valueOf } from "../dom.ts";
import type { PaneContext } from "./context.ts";

const ROLE_KEYS = { assessor: "role.assessor", hr: "role.hr", admin: "role.admin" } as const;

export function whoText(token: string | null, lang: Lang): string {
  const info = tokenInfo(token);
  if (!info) return t(lang, "settings.signedOut");
  const roles =
    info.roles
      .map((r) => (r in ROLE_KEYS ? t(lang, ROLE_KEYS[r as keyof typeof ROLE_KEYS]) : r))
      .join(lang === "en" ? ", " : "、") || "—";
  return (
    t(lang, "settings.signedIn", { name: info.name ?? "—", roles }) +
    (info.expired ? ` · ${t(lang, "settings.expired")}` : "")
  );
}

/** 设置: service URL and token (Office SSO where the host offers it, else pasted). */
export function settingsPage(ctx: PaneContext): HTMLElement {
  const { lang } = ctx;
  const current = readSettings(ctx.rt.store);
  const who = h("p", { "data-testid": "settings-who" }, whoText(ctx.rt.ssoToken ?? current.token, lang));
  const section = h(
    "section",
    { "data-testid": "page-settings" },
    field(t(lang, "settings.apiBase"), textField("settings-api-base", current.apiBase)),
    field(
      t(lang, "settings.token"),
      h("fluent-text-area", {
        "data-testid": "settings-token",
        resize: "vertical",
        rows: 3,
        value: current.token ?? "",
      }),
    ),
    h(
      "div",
      { class: "row" },
      button("settings-save", t(lang, "settings.save"), () => save()),
      button("settings-sso", t(lang, "settings.sso"), () => sso(), "outline"),
    ),
    who,
  );
  const save = () =>
    ctx.run(async () => {
      saveSettings(
        { apiBase: valueOf(section, "settings-api-base"), token: valueOf(section, "settings-token") },
        ctx.rt.store,
      );
      who.textContent = whoText(ctx.rt.ssoToken ?? readSettings(ctx.rt.store).token, lang);
      return t(lang, "settings.saved");
    });
  const sso = () =>
    ctx.run(async () => {
      const auth = typeof OfficeRuntime !== "undefined" ? OfficeRuntime.auth : undefined;
      if (!auth?.getAccessToken) throw paneError("settings.ssoUnavailable");
      try {
        ctx.rt.ssoToken = await auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true });
      } catch (e) {
        // SSO needs <WebApplicationInfo> in the manifest and an Entra app; without them, say so and keep the pasted token.
        throw new PaneError({
          "zh-CN": `${t("zh-CN", "settings.ssoUnavailable")}：${errorText(e, "zh-CN")}`,
          en: `${t("en", "settings.ssoUnavailable")}: ${errorText(e, "en")}`,
        });
      }
      who.textContent = whoText(ctx.rt.ssoToken, lang);
    });
  return section;
}
