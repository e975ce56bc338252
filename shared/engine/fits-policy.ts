import type { Policy } from "../schemas/policy.ts";
import type { AssessmentResult } from "../schemas/result.ts";
import { fieldProblem, type FieldProblem } from "../schemas/pointer.ts";

/** A post key or label of the policy. Own keys only: "constructor" or "__proto__" is no post. */
export const isKnownPost = (policy: Policy, post: string): boolean =>
  Object.hasOwn(policy.posts, post) || Object.values(policy.posts).some((p) => p.label === post);

/** The label a person reads for a post key; a label or an unknown post is shown as given. */
export const postLabel = (policy: Policy, post: string): string =>
  Object.hasOwn(policy.posts, post) ? policy.posts[post]!.label : post;

/** A rater group key of the policy (own keys only). */
export const isKnownGroup = (policy: Policy, group: string): boolean => Object.hasOwn(policy.raterGroups, group);

/**
 * A result speaks its policy's vocabulary: every scored cadre's post and every rater group it reports are the
 * policy's, or HR's workbook could not label them and its weights could not be checked. An unscored cadre may
 * keep the unknown post its sheet had (that is reported as an issue of the input). One problem per field.
 */
export function policyMismatches(
  result: AssessmentResult,
  policy: Policy,
  prefix: (string | number)[] = ["result"],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  result.cadres.forEach((c, i) => {
    if (c.composite !== null && !isKnownPost(policy, c.post))
      problems.push(
        fieldProblem([...prefix, "cadres", i, "post"], {
          "zh-CN": `岗位类别「${c.post}」不在方案「${policy.id}」中`,
          en: `post "${c.post}" is not in policy "${policy.id}"`,
        }),
      );
    for (const g of Object.keys(c.groups))
      if (!isKnownGroup(policy, g))
        problems.push(
          fieldProblem([...prefix, "cadres", i, "groups", g], {
            "zh-CN": `测评主体「${g}」不在方案「${policy.id}」中`,
            en: `rater group "${g}" is not in policy "${policy.id}"`,
          }),
        );
  });
  return problems;
}
