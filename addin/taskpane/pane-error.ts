import type { Bilingual } from "../../shared/index.ts";
import { t, type StringKey } from "../i18n/index.ts";

/** An error the pane raises itself, carrying both languages like the service's and the Excel layer's errors. */
export class PaneError extends Error {
  readonly bilingual: Bilingual;
  constructor(bilingual: Bilingual) {
    super(`${bilingual["zh-CN"]} | ${bilingual.en}`);
    this.name = "PaneError";
    this.bilingual = bilingual;
  }
}

/** A pane string in both languages as an error. */
export const paneError = (key: StringKey, params: Record<string, string | number> = {}): PaneError =>
  new PaneError({ "zh-CN": t("zh-CN", key, params), en: t("en", key, params) });

/** Fields of the form that are wrong, by their names; the page shows each one's fix next to it. */
export class FieldsError extends PaneError {
  readonly fields: string[];
  constructor(fields: string[]) {
    super({ "zh-CN": t("zh-CN", "error.fixFields"), en: t("en", "error.fixFields") });
    this.name = "FieldsError";
    this.fields = fields;
  }
}
