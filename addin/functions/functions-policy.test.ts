import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, policyIdentity, type Policy } from "../../shared/index.ts";
import { createRuntime } from "../api/runtime.ts";
import { memoryStore } from "../api/settings.ts";
import { score, weights } from "./functions.ts";

/** KAOPING.SCORE and WEIGHTS use the workbook's policy once the pane has loaded it into the shared runtime. */

// A county's own policy: every dimension weighs 1/5 for 党政正职 (the default gives 0.25/0.2/0.15/0.3/0.1).
const county: Policy = {
  ...DEFAULT_POLICY,
  id: "county",
  version: 3,
  title: "县级年度考核",
  posts: {
    ...DEFAULT_POLICY.posts,
    principal: {
      ...DEFAULT_POLICY.posts.principal!,
      weights: { morality: 0.2, ability: 0.2, diligence: 0.2, achievement: 0.2, integrity: 0.2 },
    },
  },
};

describe("custom functions follow the shared runtime's policy", () => {
  it("uses the cached choice until the workbook's policy is loaded, then the workbook's", async () => {
    const rt = createRuntime(memoryStore());
    (globalThis as { __kaopingRuntime?: unknown }).__kaopingRuntime = rt;
    // Default: 90x0.25 + 85x0.2 + 80x0.15 + 88x0.3 + 95x0.1 = 22.5 + 17 + 12 + 26.4 + 9.5 = 87.4
    expect(score([[90, 85, 80, 88, 95]], "党政正职")).toBe(87.4);
    rt.workbookPolicy = { policy: county, identity: await policyIdentity(county), published: false };
    expect(weights("党政正职")).toEqual([[0.2, 0.2, 0.2, 0.2, 0.2]]);
    // County: (90 + 85 + 80 + 88 + 95) / 5 = 438 / 5 = 87.6
    expect(score([[90, 85, 80, 88, 95]], "党政正职")).toBe(87.6);
    delete (globalThis as { __kaopingRuntime?: unknown }).__kaopingRuntime;
  });
});
