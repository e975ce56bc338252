import type { Bilingual } from "../vocabulary.ts";
import { GRADE_VOTE_ALIASES } from "../table/assessment.ts";

/** Scoring refused as a whole: the input cannot give a result the spec would stand behind. */
export class ScoreRefusal extends Error {
  constructor(
    readonly code: "no_vote_column",
    readonly bilingual: Bilingual,
  ) {
    super(`${bilingual["zh-CN"]} | ${bilingual.en}`);
    this.name = "ScoreRefusal";
  }
}

/** Spec section 2: vote rules are on but the ballot form has no grade-vote column. */
export function noVoteColumn(sheet: string, headers: readonly string[] | undefined): ScoreRefusal {
  const found = headers?.length ? headers.map((h) => `「${h}」`).join(" ") : undefined;
  const names = GRADE_VOTE_ALIASES.join("、");
  return new ScoreRefusal("no_vote_column", {
    "zh-CN": `「${sheet}」没有等次票列，而考核方案启用了得票规则（两个三分之二等），无法计分。${found ? `现有表头：${found}。` : ""}可用的列名：${names} 或 gradeVote。请添加等次列；若测评票确实不设等次，请使用 --no-votes（接口："gradeVotes": false），届时不执行任何得票规则`,
    en: `${sheet} has no grade-vote column but the policy has vote rules on (two thirds etc.), so it cannot be scored. ${found ? `Headers found: ${found}. ` : ""}Accepted names: ${names} or gradeVote. Add the column; if the form really carries no grade votes, use --no-votes (API: "gradeVotes": false) and no vote rule is evaluated`,
  });
}
