import { describe, expect, it } from "vitest";
import { quotaScope } from "./quota.ts";

const cadre = { unit: "办公室", post: "principal" };

describe("quota scope (spec section 5: at most q x N excellent per scope)", () => {
  it("puts every cadre of the assessment in one scope", () => {
    expect(quotaScope("assessment", cadre)).toBe(quotaScope("assessment", { unit: "财务处", post: "deputy" }));
  });

  it("separates cadres by unit, and by post", () => {
    expect(quotaScope("unit", cadre)).toBe("办公室");
    expect(quotaScope("unit", cadre)).not.toBe(quotaScope("unit", { ...cadre, unit: "财务处" }));
    expect(quotaScope("post", cadre)).toBe("principal");
    expect(quotaScope("post", cadre)).not.toBe(quotaScope("post", { ...cadre, post: "deputy" }));
  });

  it("reads only the unit for a unit scope and only the post for a post scope", () => {
    expect(quotaScope("unit", cadre)).toBe(quotaScope("unit", { ...cadre, post: "deputy" }));
    expect(quotaScope("post", cadre)).toBe(quotaScope("post", { ...cadre, unit: "财务处" }));
  });
});
