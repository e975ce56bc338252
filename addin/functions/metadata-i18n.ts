import type { Lang } from "../i18n/index.ts";

/**
 * The custom functions' tooltips in each language (Office's "localize custom functions": one metadata file per
 * language, the manifest naming the file per locale). functions.ts's JSDoc gives the structure (ids, types,
 * optional arguments); this gives what zh-CN and en-US Excel show: the description and each argument's name and
 * description. Function names stay KAOPING.SCORE etc. in every language, as the documentation writes them.
 */
export interface FunctionText {
  description: string;
  params: Record<string, { name: string; description: string }>;
}

export const FUNCTION_TEXT: Record<string, Record<Lang, FunctionText>> = {
  SCORE: {
    "zh-CN": {
      description: "加权得分：一行五个要素分（德、能、勤、绩、廉）按岗位权重加权，四舍五入保留两位小数",
      params: {
        scores: { name: "五个分数", description: "一行五个分数或等级：德、能、勤、绩、廉" },
        post: { name: "岗位类别", description: "岗位类别的名称，如“党政正职”" },
      },
    },
    en: {
      description:
        "Weighted score of a row of five scores (morality, ability, diligence, achievement, integrity) by the post's weights, rounded half up to 2 decimals",
      params: {
        scores: {
          name: "scores",
          description: "A row of five scores or levels: morality, ability, diligence, achievement, integrity",
        },
        post: { name: "post", description: "The post category's name, e.g. 党政正职" },
      },
    },
  },
  WEIGHTS: {
    "zh-CN": {
      description: "岗位权重：按德、能、勤、绩、廉的顺序返回一行五个权重",
      params: { post: { name: "岗位类别", description: "岗位类别的名称，如“党政正职”" } },
    },
    en: {
      description:
        "The post's five weights as a row, in the order morality, ability, diligence, achievement, integrity",
      params: { post: { name: "post", description: "The post category's name, e.g. 党政正职" } },
    },
  },
  VERDICT: {
    "zh-CN": {
      description:
        "胜任现职认定（两个三分之二）：由等次票数给出“胜任现职”或“不胜任现职”；弃权票计入有效票数；四类票数均为 0 时显示“无等次票”",
      params: {
        excellent: { name: "优秀票数", description: "评为优秀的票数" },
        competent: { name: "称职票数", description: "评为称职的票数" },
        basic: { name: "基本称职票数", description: "评为基本称职的票数" },
        incompetent: { name: "不称职票数", description: "评为不称职的票数" },
        blank: { name: "弃权票数", description: "未选等次（弃权）的票数，可省略，默认 0；计入有效票数" },
      },
    },
    en: {
      description:
        "Fit for post or not (the two-thirds rule) from the grade vote counts; abstentions count in the valid ballots",
      params: {
        excellent: { name: "excellent", description: "Votes for excellent" },
        competent: { name: "competent", description: "Votes for competent" },
        basic: { name: "basic", description: "Votes for basically competent" },
        incompetent: { name: "incompetent", description: "Votes for incompetent" },
        blank: {
          name: "blank",
          description: "Ballots with no grade (abstentions), optional, default 0; counted in the valid ballots",
        },
      },
    },
  },
  QUORUM: {
    "zh-CN": {
      description: "会议有效性（五分之四）：实到人数是否达到应到人数的规定比例",
      params: {
        attendees: { name: "实到人数", description: "实际到会的人数" },
        expected: { name: "应到人数", description: "应当到会的人数" },
      },
    },
    en: {
      description: "Whether a meeting reaches its quorum (four fifths of those expected)",
      params: {
        attendees: { name: "attendees", description: "How many attended" },
        expected: { name: "expected", description: "How many were expected" },
      },
    },
  },
};

/** The metadata file names: the default (zh-CN, the manifest's DefaultLocale) and the en-US override. */
export const METADATA_FILES: Record<Lang, string> = { "zh-CN": "functions.json", en: "functions.en-US.json" };
export const HELP_FILE = "functions-help.html";

interface Metadata {
  functions: {
    id: string;
    description?: string;
    helpUrl?: string;
    parameters: { name: string; description?: string }[];
  }[];
}

/**
 * The generated metadata in one language, each function with a helpUrl on the add-in's host. Fails (the build
 * stops) when a function or an argument has no text in that language.
 */
export function localizeMetadata(metadataJson: string, lang: Lang, base: string): string {
  const metadata = JSON.parse(metadataJson) as Metadata;
  for (const fn of metadata.functions) {
    const text = FUNCTION_TEXT[fn.id]?.[lang];
    if (!text) throw new Error(`no ${lang} text for custom function ${fn.id}`);
    fn.description = text.description;
    fn.helpUrl = `${base.replace(/\/+$/, "")}/${HELP_FILE}${lang === "en" ? "?lang=en" : ""}#${fn.id.toLowerCase()}`;
    for (const p of fn.parameters) {
      const param = text.params[p.name];
      if (!param) throw new Error(`no ${lang} text for argument ${p.name} of ${fn.id}`);
      p.name = param.name;
      p.description = param.description;
    }
  }
  return JSON.stringify(metadata, null, 2);
}
