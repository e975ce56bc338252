/** zh-CN Excel shows the custom functions' tooltips in Chinese, en-US Excel in English, each with a help link. */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { generateLocalizedMetadata } from "./build.ts";
import { MANIFEST_PATH } from "./manifest-url.ts";

type Metadata = {
  functions: {
    id: string;
    name: string;
    description: string;
    helpUrl: string;
    parameters: { name: string; description: string; optional?: boolean }[];
  }[];
};

const { "zh-CN": zhJson, en: enJson } = await generateLocalizedMetadata("https://kaoping.example.cn/addin");
const zh = JSON.parse(zhJson) as Metadata;
const en = JSON.parse(enJson) as Metadata;
const fn = (m: Metadata, id: string) => m.functions.find((f) => f.id === id)!;
const CJK = /[\u4e00-\u9fff]/;

describe("localized custom-function metadata", () => {
  it("gives zh-CN Excel Chinese descriptions and argument names", () => {
    expect(fn(zh, "SCORE").parameters.map((p) => p.name)).toEqual(["五个分数", "岗位类别"]);
    expect(fn(zh, "VERDICT").parameters.map((p) => [p.name, p.optional ?? false])).toEqual([
      ["优秀票数", false],
      ["称职票数", false],
      ["基本称职票数", false],
      ["不称职票数", false],
      ["弃权票数", true],
    ]);
    expect(fn(zh, "QUORUM").parameters.map((p) => p.name)).toEqual(["实到人数", "应到人数"]);
    for (const f of zh.functions) {
      expect(f.description, f.id).toMatch(CJK);
      expect(f.description, f.id).not.toMatch(/[A-Za-z]{4,}/);
      for (const p of f.parameters) expect(p.description, `${f.id} ${p.name}`).toMatch(CJK);
    }
  });

  it("gives en-US Excel English descriptions, with the same functions and structure", () => {
    expect(en.functions.map((f) => [f.id, f.name, f.parameters.length])).toEqual(
      zh.functions.map((f) => [f.id, f.name, f.parameters.length]),
    );
    expect(fn(en, "VERDICT").parameters.map((p) => p.name)).toEqual([
      "excellent",
      "competent",
      "basic",
      "incompetent",
      "blank",
    ]);
    for (const f of en.functions) expect(f.description, f.id).toMatch(/^[A-Z][^\u4e00-\u9fff]+$/);
  });

  it("keeps the names KAOPING.SCORE etc. in both languages, as the documentation writes them", () => {
    expect(zh.functions.map((f) => f.name)).toEqual(["SCORE", "WEIGHTS", "VERDICT", "QUORUM"]);
  });

  it("links each function to its section of the help page on the add-in's host", async () => {
    const help = await readFile(new URL("../../addin/functions/functions-help.html", import.meta.url), "utf8");
    for (const f of zh.functions) {
      expect(f.helpUrl).toBe(`https://kaoping.example.cn/addin/functions-help.html#${f.id.toLowerCase()}`);
      expect(help).toContain(`id="${f.id.toLowerCase()}"`);
    }
    expect(fn(en, "SCORE").helpUrl).toBe("https://kaoping.example.cn/addin/functions-help.html?lang=en#score");
  });

  it("is named per locale in the manifest: functions.json by default (zh-CN), functions.en-US.json for en-US", async () => {
    const xml = await readFile(MANIFEST_PATH, "utf8");
    expect(xml).toMatch(
      /<bt:Url id="Functions\.Metadata\.Url" DefaultValue="https:\/\/localhost:3000\/functions\.json">\s*<bt:Override Locale="en-US" Value="https:\/\/localhost:3000\/functions\.en-US\.json" \/>\s*<\/bt:Url>/,
    );
    expect(xml).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
  });
});
