import { describe, expect, it } from "vitest";
import type { AssessmentResult, CadreResult } from "../schemas/result.ts";
import { cadre, policyWith, run, votes } from "../../test/fixtures/engine/builders.ts";
import { isKnownGroup, isKnownPost, policyMismatches, postLabel } from "./fits-policy.ts";

const policy = policyWith();
const scored = run(policy, [cadre("C1", "principal")], votes("C1", "superior", 3, "competent"));
const withCadre = (change: Partial<CadreResult>): AssessmentResult => ({
  ...scored,
  cadres: [{ ...scored.cadres[0]!, ...change }],
});

describe("a result fits its policy", () => {
  it("accepts a post given by key or by label, and the policy's rater groups", () => {
    expect(isKnownPost(policy, "principal")).toBe(true);
    expect(isKnownPost(policy, "党政正职")).toBe(true);
    expect(isKnownGroup(policy, "superior")).toBe(true);
    expect(policyMismatches(scored, policy)).toEqual([]);
    expect(policyMismatches(withCadre({ post: "党政正职" }), policy)).toEqual([]);
  });

  it("knows no post or group named after an Object.prototype property", () => {
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      expect(isKnownPost(policy, name), name).toBe(false);
      expect(isKnownGroup(policy, name), name).toBe(false);
    }
  });

  it("names a scored cadre's unknown post at its JSON pointer", () => {
    const problems = policyMismatches(withCadre({ post: "constructor" }), policy);
    expect(problems).toEqual([
      {
        path: ["result", "cadres", 0, "post"],
        pointer: "/result/cadres/0/post",
        message: {
          "zh-CN": `岗位类别「constructor」不在方案「${policy.id}」中`,
          en: `post "constructor" is not in policy "${policy.id}"`,
        },
      },
    ]);
  });

  it("lets an unscored cadre keep the unknown post of its sheet", () => {
    expect(policyMismatches(withCadre({ post: "科员", composite: null }), policy)).toEqual([]);
  });

  it("names every unknown rater group, escaping / and ~ in the pointer", () => {
    const group = { ballots: 3, withheld: true as const };
    const problems = policyMismatches(
      withCadre({ groups: { superior: group, "a/b": group, toString: group } }),
      policy,
    );
    expect(problems.map((p) => p.pointer)).toEqual([
      "/result/cadres/0/groups/a~1b",
      "/result/cadres/0/groups/toString",
    ]);
    expect(problems[1]!.message.en).toBe(`rater group "toString" is not in policy "${policy.id}"`);
  });

  it("labels a post key, and shows a label or an unknown post (even constructor) as given", () => {
    expect(postLabel(policy, "principal")).toBe("党政正职");
    expect(postLabel(policy, "党政正职")).toBe("党政正职");
    expect(postLabel(policy, "constructor")).toBe("constructor");
  });

  it("puts the path under the prefix it is given", () => {
    expect(policyMismatches(withCadre({ post: "x" }), policy, [])[0]!.pointer).toBe("/cadres/0/post");
  });
});
