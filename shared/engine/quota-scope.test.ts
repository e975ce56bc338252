import { describe, expect, it } from "vitest";
import { quotaScope } from "./quota.ts";
import { DEFAULT_POLICY } from "../policy/defaults.ts";

const scoped = (scope: "assessment" | "unit" | "post") => ({
  ...DEFAULT_POLICY,
  excellentQuota: { ...DEFAULT_POLICY.excellentQuota!, scope },
});

const cadre = { unit: "办公室", post: "principal" };

describe("quota scope (spec section 5: at most q x N excellent per scope)", () => {
  it("puts every cadre of the assessment in one scope", () => {
    expect(quotaScope(scoped("assessment"), cadre)).toBe(
      quotaScope(scoped("assessment"), { unit: "财务处", post: "deputy" }),
    );
  });

  it("separates cadres by unit, and by post", () => {
    expect(quotaScope(scoped("unit"), cadre)).toBe("办公室");
    expect(quotaScope(scoped("unit"), cadre)).not.toBe(quotaScope(scoped("unit"), { ...cadre, unit: "财务处" }));
    expect(quotaScope(scoped("post"), cadre)).toBe("principal");
    expect(quotaScope(scoped("post"), cadre)).not.toBe(quotaScope(scoped("post"), { ...cadre, post: "deputy" }));
  });

  it("puts everyone in one scope when the policy has no quota (excellentQuota: null)", () => {
    const none = { ...DEFAULT_POLICY, excellentQuota: null };
    expect(quotaScope(none, cadre)).toBe(quotaScope(none, { unit: "财务处", post: "deputy" }));
  });

  it("reads only the unit for a unit scope and only the post for a post scope", () => {
    expect(quotaScope(scoped("unit"), cadre)).toBe(quotaScope(scoped("unit"), { ...cadre, post: "deputy" }));
    expect(quotaScope(scoped("post"), cadre)).toBe(quotaScope(scoped("post"), { ...cadre, unit: "财务处" }));
  });
});
