/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata reads these signatures: `any` is Excel's "any" result type */
/// <reference types="office-js" />
import { langFromDisplay } from "../i18n/index.ts";
import { runtime } from "../api/runtime.ts";
import { createCustomFunctions } from "./impl.ts";

// The JSDoc below is the source of functions.json (custom-functions-metadata at build time); namespace KAOPING is in manifest.xml.

const impl = createCustomFunctions({
  rules: { verdict: (item) => runtime().rules.verdict(item), quorum: (q) => runtime().rules.quorum(q) } as ReturnType<
    typeof runtime
  >["rules"],
  // The workbook's policy once the pane has loaded it (shared runtime), else the cached choice.
  policy: () => runtime().policy().policy,
  lang: () => langFromDisplay(typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined),
  fail: (message) => new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message),
});

/**
 * 加权得分：一行五个要素分（德能勤绩廉）按岗位权重加权，四舍五入保留两位小数。Weighted score of five dimension scores by the post's weights, rounded half up to 2 decimals.
 * @customfunction SCORE
 * @param scores 一行五个分数：德、能、勤、绩、廉 | a row of five scores: morality, ability, diligence, achievement, integrity
 * @param post 岗位类别（键或名称）| post category (key or label)
 * @returns 加权得分 | the weighted score
 */
export function score(scores: any[][], post: string): any {
  return impl.SCORE(scores, post);
}

/**
 * 岗位权重：按德能勤绩廉顺序返回一行五个权重。The post's five dimension weights as a row.
 * @customfunction WEIGHTS
 * @param post 岗位类别（键或名称）| post category (key or label)
 * @returns 五个权重 | five weights
 */
export function weights(post: string): any[][] {
  return impl.WEIGHTS(post) as any[][];
}

/**
 * 胜任现职认定（两个三分之二）：由等次票数给出“胜任现职”或“不胜任现职”；弃权票计入有效票数（全部弃权即 0/n，不胜任现职）；无测评票时显示“无测评票”。Fit-for-post verdict from grade vote counts; abstentions count in the valid ballots (all blank is 0/n, unfit); "No ballots" when every count is 0.
 * @customfunction VERDICT
 * @param excellent 优秀票数 | excellent votes
 * @param competent 称职票数 | competent votes
 * @param basic 基本称职票数 | basic votes
 * @param incompetent 不称职票数 | incompetent votes
 * @param [blank] 弃权（空白）票数，默认 0，计入有效票数 | blank (abstention) votes, default 0, counted in the valid ballots
 * @returns 裁定 | the verdict
 */
export function verdict(
  excellent: number,
  competent: number,
  basic: number,
  incompetent: number,
  blank?: number,
): Promise<any> {
  return impl.VERDICT(excellent, competent, basic, incompetent, blank);
}

/**
 * 会议有效性（五分之四）：实到人数是否达到应到人数的法定比例。Whether a meeting reaches its quorum.
 * @customfunction QUORUM
 * @param attendees 实到人数 | attendees
 * @param expected 应到人数 | expected
 * @returns 会议有效或无效 | meeting valid or not
 */
export function quorum(attendees: number, expected: number): Promise<any> {
  return impl.QUORUM(attendees, expected);
}

// A page that stands in for Excel may not provide CustomFunctions: the pane still works there.
if (typeof CustomFunctions !== "undefined") {
  CustomFunctions.associate("SCORE", score);
  CustomFunctions.associate("WEIGHTS", weights);
  CustomFunctions.associate("VERDICT", verdict);
  CustomFunctions.associate("QUORUM", quorum);
}
