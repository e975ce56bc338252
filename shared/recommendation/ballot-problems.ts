import type { Bilingual } from "../vocabulary.ts";

export type BallotProblem = "empty" | "too_many" | "repeated_name" | "not_a_candidate" | "unknown_voter_type";

export interface InvalidBallot {
  row: number;
  ballotId: string;
  post?: string;
  code: BallotProblem;
  message: Bilingual;
}

/** Why a ballot does not count for a post, with its row and what to do about it. */
export function ballotProblemMessage(code: BallotProblem, row: number, post: string, maxNames: number): Bilingual {
  switch (code) {
    case "empty":
      return {
        "zh-CN": `第 ${row} 行「${post}」：未推荐任何人，该岗位为无效票`,
        en: `Row ${row}, "${post}": names no one; not valid for this post`,
      };
    case "too_many":
      return {
        "zh-CN": `第 ${row} 行「${post}」：推荐人数超过 ${maxNames} 人，该岗位为无效票`,
        en: `Row ${row}, "${post}": names more than ${maxNames}; not valid for this post`,
      };
    case "repeated_name":
      return {
        "zh-CN": `第 ${row} 行「${post}」：同一人被重复推荐，该岗位为无效票`,
        en: `Row ${row}, "${post}": names the same person twice; not valid for this post`,
      };
    case "not_a_candidate":
      return {
        "zh-CN": `第 ${row} 行「${post}」：推荐了该岗位候选人名单以外的人员（本方案不允许另选他人），该岗位为无效票`,
        en: `Row ${row}, "${post}": names someone outside this post's candidate list (write-ins are not allowed); not valid for this post`,
      };
    case "unknown_voter_type":
      return {
        "zh-CN": `第 ${row} 行：推荐主体不是方案中的类别，整张票无效；请在「推荐主体」列填写方案中的类别`,
        en: `Row ${row}: the voter type is not one of the policy's; the whole ballot is not valid. Fill in a listed voter type`,
      };
  }
}
