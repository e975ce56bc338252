import type { Bilingual } from "../../shared/index.ts";
import { zhCN, type StringKey } from "./zh-CN.ts";
import { en } from "./en.ts";

export type Lang = "zh-CN" | "en";
export type { StringKey };

/** zh-CN first: English only when Office's display language starts with "en". */
export function langFromDisplay(displayLanguage: string | undefined | null): Lang {
  return displayLanguage && displayLanguage.toLowerCase().startsWith("en") ? "en" : "zh-CN";
}

/** A UI string with {placeholders} filled in. */
export function t(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  const template: string = lang === "en" ? en[key] : zhCN[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Picks one language of a bilingual message from the core or the server. */
export const pick = (lang: Lang, message: Bilingual): string => (lang === "en" ? message.en : message["zh-CN"]);

export const STRINGS = { "zh-CN": zhCN, en } as const;
