import { describe, expect, it } from "vitest";
import { checkAnswers } from "./ballot-answers.ts";
import type { SessionDoc } from "../store/sessions.ts";

const doc = (scores: "numeric" | "levels", gradeVote: boolean): SessionDoc => ({
  id: "K7M2Q9",
  title: "t",
  policy: { id: "default", version: 1, sha256: "0".repeat(64) },
  form: { scores, gradeVote },
  cadres: [{ cadreId: "A1", name: "张三", unit: "", post: "principal" }],
  groups: [{ key: "peer", label: "同级" }],
  scale: { min: 0, max: 100 },
  levels: [
    { label: "好", points: 95 },
    { label: "差", points: 40 },
  ],
  expected: null,
});
const all = (v: number | string) => ({ morality: v, ability: v, diligence: v, achievement: v, integrity: v });
const problem = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as { status: number; extra: { errors: { pointer: string }[] } };
  }
  throw new Error("no refusal");
};

describe("a phone's answers against the form", () => {
  it("accepts the ends of the scale and two decimals, refuses just outside and a third decimal", () => {
    for (const v of [0, 100, 99.99, "0.01", 0.29, 1.15, 57.01])
      expect(checkAnswers(doc("numeric", false), [{ cadreId: "A1", ...all(v) }])[0]!.morality).toBe(Number(v));
    for (const v of [-0.01, 100.01, 99.999, "abc"]) {
      const p = problem(() => checkAnswers(doc("numeric", false), [{ cadreId: "A1", ...all(v) }]));
      expect(p.status).toBe(422);
      expect(p.extra.errors).toHaveLength(5);
    }
  });

  it("takes only the policy's levels on a levels form", () => {
    expect(checkAnswers(doc("levels", false), [{ cadreId: "A1", ...all("好") }])[0]!.integrity).toBe("好");
    expect(problem(() => checkAnswers(doc("levels", false), [{ cadreId: "A1", ...all(95) }])).status).toBe(422);
  });

  it("needs a grade choice when the form has the grade vote; abstaining is one", () => {
    const form = doc("levels", true);
    expect(checkAnswers(form, [{ cadreId: "A1", ...all("差"), gradeVote: "" }])[0]!.gradeVote).toBe("");
    expect(checkAnswers(form, [{ cadreId: "A1", ...all("差"), gradeVote: "不称职" }])[0]!.gradeVote).toBe("不称职");
    const missing = problem(() => checkAnswers(form, [{ cadreId: "A1", ...all("差") }]));
    expect(missing.extra.errors.map((e) => e.pointer)).toEqual(["/answers/0/gradeVote"]);
    const wrong = problem(() => checkAnswers(form, [{ cadreId: "A1", ...all("差"), gradeVote: "良好" }]));
    expect(wrong.extra.errors.map((e) => e.pointer)).toEqual(["/answers/0/gradeVote"]);
  });

  it("refuses a missing cadre, an unknown one and a cadre answered twice", () => {
    const form = doc("numeric", false);
    expect(problem(() => checkAnswers(form, [])).extra.errors[0]!.pointer).toBe("/answers");
    expect(
      problem(() =>
        checkAnswers(form, [
          { cadreId: "A1", ...all(90) },
          { cadreId: "ZZ", ...all(90) },
        ]),
      ).extra.errors[0]!.pointer,
    ).toBe("/answers/1/cadreId");
    expect(
      problem(() =>
        checkAnswers(form, [
          { cadreId: "A1", ...all(90) },
          { cadreId: "A1", ...all(80) },
        ]),
      ).extra.errors[0]!.pointer,
    ).toBe("/answers/1/cadreId");
  });
});
