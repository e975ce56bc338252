import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  DEFAULT_POLICY,
  fieldProblems,
  policyIdentity,
  PolicySchema,
  type PolicyInput,
} from "../index.ts";
import { ballots, cadre, run } from "../../test/fixtures/engine/builders.ts";

const base = (): PolicyInput => structuredClone(DEFAULT_POLICY);

describe("policy weights (spec 3 and 7)", () => {
  it("rejects post weights not summing to 1, naming the post", () => {
    const p = base();
    p.posts.principal!.weights.integrity = 0.09; // sum 0.99
    const parsed = PolicySchema.safeParse(p);
    expect(parsed.success).toBe(false);
    const problems = fieldProblems(parsed.error!);
    const problem = problems.find((x) => x.pointer === "/posts/principal/weights")!;
    expect(problem.message["zh-CN"]).toContain("党政正职");
    expect(problem.message["zh-CN"]).toContain("principal");
    expect(problem.message.en).toContain("principal");
    expect(problem.message.en).toContain("0.99");
  });

  it("rejects rater-group weights not summing to 1", () => {
    const p = base();
    p.raterGroups.service!.weight = 0.2;
    const parsed = PolicySchema.safeParse(p);
    expect(parsed.success).toBe(false);
    expect(fieldProblems(parsed.error!).map((x) => x.pointer)).toContain("/raterGroups");
  });

  it("refuses weights with more than 6 decimals, however the number is written", () => {
    const p = base();
    // 9.9e-7 + 1e-8 + 24.99999899 + 65 + 10 = 100 exactly, but 1e-8 has 8 decimals.
    p.posts.principal!.weights = {
      morality: 9.9e-7,
      ability: 1e-8,
      diligence: 24.99999899,
      achievement: 65,
      integrity: 10,
    };
    p.raterGroups.superior!.weight = 0.2999999;
    p.raterGroups.peer!.weight = 0.3000001;
    const parsed = PolicySchema.safeParse(p);
    expect(parsed.success).toBe(false);
    const pointers = fieldProblems(parsed.error!).map((x) => x.pointer);
    expect(pointers).toContain("/posts/principal/weights/ability");
    expect(pointers).toContain("/raterGroups/superior/weight");
    expect(pointers).not.toContain("/raterGroups"); // the group sum is still exactly 1
    const ok = base();
    ok.posts.principal!.weights = {
      morality: 0.250001,
      ability: 0.199999,
      diligence: 0.15,
      achievement: 0.3,
      integrity: 0.1,
    };
    expect(PolicySchema.safeParse(ok).success).toBe(true);
  });

  it("rejects 101 % as well as 0.99", () => {
    const p = base();
    p.posts.deputy!.weights = { morality: 25, ability: 20, diligence: 20, achievement: 26, integrity: 10 };
    expect(PolicySchema.safeParse(p).success).toBe(false);
  });

  it("accepts percentages and scores exactly as the fractions do", () => {
    const p = base();
    p.posts.principal!.weights = { morality: 25, ability: 20, diligence: 15, achievement: 30, integrity: 10 };
    p.raterGroups = {
      superior: { label: "上级领导", weight: 30 },
      peer: { label: "同级", weight: 30 },
      subordinate: { label: "下级", weight: 30 },
      service: { label: "服务对象", weight: 10 },
    };
    const percent = PolicySchema.parse(p);
    // Superior: one ballot 90/80/70/60/100 on the five dimensions: T = 22.5 + 16 + 10.5 + 18 + 10 = 77.
    // Peer 80, subordinate 70 (uniform), no service: S = (0.3 x 77 + 0.3 x 80 + 0.3 x 70) / 0.9 = 227 / 3.
    const rows = [
      {
        ...ballots("A", "superior", [0])[0]!,
        morality: 90,
        ability: 80,
        diligence: 70,
        achievement: 60,
        integrity: 100,
      },
      ...ballots("A", "peer", [80]),
      ...ballots("A", "subordinate", [70]),
    ];
    const withPercent = run(percent, [cadre("A")], rows);
    const withFractions = run(DEFAULT_POLICY, [cadre("A")], rows);
    expect(withPercent.cadres[0]!.compositeExact).toBe("227/3");
    expect(withPercent.cadres).toEqual(withFractions.cadres);
  });
});

describe("canonical JSON and identity", () => {
  it("does not depend on key order, and changes with any value", async () => {
    const reordered = Object.fromEntries(
      Object.entries(structuredClone(DEFAULT_POLICY)).reverse(),
    ) as typeof DEFAULT_POLICY;
    reordered.scale = { levels: DEFAULT_POLICY.scale.levels, max: 100, min: 0 };
    expect(canonicalJson(reordered)).toBe(canonicalJson(DEFAULT_POLICY));
    const a = await policyIdentity(DEFAULT_POLICY);
    const b = await policyIdentity(reordered);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toEqual(a);
    const changed = { ...structuredClone(DEFAULT_POLICY), version: 2 };
    expect((await policyIdentity(changed)).sha256).not.toBe(a.sha256);
  });

  it("writes sorted keys without white space", () => {
    expect(canonicalJson({ b: 1, a: [0.1, "x"], c: { z: null, y: true } })).toBe(
      '{"a":[0.1,"x"],"b":1,"c":{"y":true,"z":null}}',
    );
  });
});
