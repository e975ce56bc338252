import { t, type Lang } from "../../i18n/index.ts";
import { readSettings, saveSettings } from "../../api/settings.ts";
import { tokenInfo } from "../../api/token.ts";
import { pageAuthConfig } from "../../auth/config.ts";
import { FieldsError } from "../pane-error.ts";
import { currentToken, developerMode, signIn } from "../session.ts";
import { effectiveRoles } from "../roles.ts";
import { button, formField, h, textField, valueOf } from "../dom.ts";
import type { FieldSlots, PaneContext } from "./context.ts";

const ROLE_KEYS = { assessor: "role.assessor", hr: "role.hr", admin: "role.admin" } as const;

export function whoText(token: string | null, lang: Lang): string {
  const info = tokenInfo(token);
  if (!info) return t(lang, "settings.signedOut");
  const known = info.roles.filter((r) => r in ROLE_KEYS);
  const roles =
    known.length > 0
      ? effectiveRoles(known)
          .map((r) => t(lang, ROLE_KEYS[r]))
          .join(lang === "en" ? ", " : "、")
      : t(lang, "settings.noRole");
  return (
    t(lang, "settings.signedIn", { name: info.name ?? "—", roles }) +
    (info.expired ? ` · ${t(lang, "settings.expired")}` : "")
  );
}

/** 设置: sign in (NAA, Office SSO or the dialog), the service address; in developer mode a pasted token. */
export function settingsPage(ctx: PaneContext): HTMLElement {
  const { lang } = ctx;
  const current = readSettings(ctx.rt.store);
  const dev = developerMode(ctx.rt.store);
  const who = h("p", { "data-testid": "settings-who", class: "who" }, whoText(currentToken(ctx.rt), lang));
  const cloud = pageAuthConfig().cloud;
  const apiBase = formField(
    t(lang, "settings.apiBase"),
    textField("settings-api-base", current.apiBase),
    "settings-api-base",
  );
  const token = dev
    ? formField(
        t(lang, "settings.token"),
        h("fluent-text-area", {
          "data-testid": "settings-token",
          resize: "vertical",
          rows: 3,
          value: current.token ?? "",
        }),
        "settings-token",
      )
    : null;
  const fields: FieldSlots = { apiBase: { field: apiBase, fix: t(lang, "settings.fix.apiBase") } };
  const section = h(
    "section",
    { "data-testid": "page-settings" },
    who,
    h(
      "div",
      { class: "row" },
      button("settings-sso", t(lang, "settings.sso"), () => sso()),
    ),
    h(
      "p",
      { class: "hint", "data-testid": "settings-cloud" },
      t(lang, "settings.cloud", { cloud: t(lang, `settings.cloud.${cloud}`) }),
    ),
    h("hr"),
    apiBase.el,
    token ? h("p", { class: "hint" }, t(lang, "settings.devMode")) : "",
    token?.el ?? "",
    h(
      "div",
      { class: "row" },
      button("settings-save", t(lang, "settings.save"), () => save(), "outline"),
    ),
  );
  const save = () =>
    ctx.run(async () => {
      const base = valueOf(section, "settings-api-base");
      // https, or http on this machine for local development.
      if (base !== "" && !/^(https:\/\/|http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$))/.test(base))
        throw new FieldsError(["apiBase"]);
      saveSettings({ apiBase: base, ...(dev ? { token: valueOf(section, "settings-token") } : {}) }, ctx.rt.store);
      who.textContent = whoText(currentToken(ctx.rt), lang);
      ctx.rolesChanged?.();
      return t(lang, "settings.saved");
    }, fields);
  const sso = () =>
    ctx.run(async () => {
      const info = await signIn(ctx.rt, true);
      who.textContent = whoText(currentToken(ctx.rt), lang);
      ctx.rolesChanged?.();
      return t(lang, "settings.pagesChanged", { name: info?.name ?? "—" });
    });
  return section;
}
