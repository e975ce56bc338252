import { GRADE_LABELS, postLabel, VERDICT_LABELS, type AssessmentResult, type Policy } from "../shared/index.ts";
import { rowsByRank } from "../shared/report/index.ts";
import { formatTable } from "./text.ts";

/** Issues shown in the terminal; the rest are in --json or the Issues sheet of --out. */
const MAX_ISSUES_SHOWN = 20;

/** The short bilingual summary printed when neither --json nor --out is given. */
export function summaryText(result: AssessmentResult, policy: Policy): string {
  const header = [
    "排名 Rank",
    "编号 ID",
    "姓名 Name",
    "岗位 Post",
    "综合 Composite",
    "建议等次 Proposed grade",
    "结论 Verdict",
    "标记 Flags",
  ];
  const rows = rowsByRank(result).map((c) => {
    const flags = [c.provisional ? "暂定 provisional" : "", c.reviewRequired ? "需复核 review" : ""]
      .filter(Boolean)
      .join(", ");
    return [
      c.rank === null ? "—" : String(c.rank),
      c.cadreId,
      c.name,
      postLabel(policy, c.post),
      c.composite === null ? "—" : c.composite.toFixed(2),
      c.grade ? `${GRADE_LABELS[c.grade]["zh-CN"]} ${GRADE_LABELS[c.grade].en}` : "未计分 not scored",
      c.verdict ? `${VERDICT_LABELS[c.verdict]["zh-CN"]} ${VERDICT_LABELS[c.verdict].en}` : "—",
      flags,
    ];
  });
  const out = [
    `考核方案 Policy: ${policy.title} (${result.policy.id} v${result.policy.version}, sha256 ${result.policy.sha256.slice(0, 12)}…)`,
    `干部 Cadres: ${result.cadres.length}   问题 Issues: ${result.issues.length}`,
    "",
    formatTable([header, ...rows]),
  ];
  if (result.issues.length > 0) {
    out.push("", "问题 Issues:");
    for (const issue of result.issues.slice(0, MAX_ISSUES_SHOWN))
      out.push(`  - ${issue.message["zh-CN"]}`, `    ${issue.message.en}`);
    const rest = result.issues.length - MAX_ISSUES_SHOWN;
    if (rest > 0)
      out.push(
        `  … 另有 ${rest} 条，完整列表见 --json 或 --out 的「问题 Issues」表`,
        `  … ${rest} more; see --json or the Issues sheet of --out`,
      );
  }
  out.push("", "等次为建议等次，须经组织认定。 Grades are proposed; the organisation confirms them.");
  return out.join("\n") + "\n";
}
