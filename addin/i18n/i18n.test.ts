import { describe, expect, it } from "vitest";
import { zhCN } from "./zh-CN.ts";
import { en } from "./en.ts";
import { langFromDisplay, t } from "./index.ts";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n", () => {
  it("has an English counterpart for every zh-CN key, with the same placeholders", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(en[key].trim(), key).not.toBe("");
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });
  it("is zh-CN first, English only for en display languages", () => {
    expect(langFromDisplay("en-US")).toBe("en");
    expect(langFromDisplay("EN-gb")).toBe("en");
    expect(langFromDisplay("zh-CN")).toBe("zh-CN");
    expect(langFromDisplay("fr-FR")).toBe("zh-CN");
    expect(langFromDisplay(undefined)).toBe("zh-CN");
    expect(t("zh-CN", "submit.sent", { id: "S1" })).toBe("已提交为正式记录，编号 S1");
    expect(t("en", "submit.sent", { id: "S1" })).toBe("Submitted as an official record, number S1");
  });
});
