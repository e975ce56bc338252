import { describe, expect, it } from "vitest";
import { mergeGrade, mostSevere } from "./grade.ts";

describe("the most severe grade (spec section 5)", () => {
  it("orders excellent < competent < basic < incompetent, either way round", () => {
    expect(mostSevere("excellent", "competent")).toBe("competent");
    expect(mostSevere("competent", "excellent")).toBe("competent");
    expect(mostSevere("basic", "competent")).toBe("basic");
    expect(mostSevere("incompetent", "basic")).toBe("incompetent");
    expect(mostSevere("excellent", "incompetent")).toBe("incompetent");
  });

  it("keeps an equal grade", () => {
    expect(mostSevere("basic", "basic")).toBe("basic");
  });
});

describe("merging a settled grade with a per-cadre verdict's grade", () => {
  it("takes the verdict's grade when it is more severe", () => {
    // Band excellent, kept under the quota; the cloud's vote rules cap at basic (two-thirds rule fired).
    expect(mergeGrade("excellent", "basic")).toBe("basic");
  });

  it("keeps the settled grade when the verdict is milder: the quota already demoted an excellent band", () => {
    // Band excellent but demoted to competent by the quota; the per-cadre verdict (no quota) says excellent.
    expect(mergeGrade("competent", "excellent")).toBe("competent");
  });

  it("keeps a quota tie for the committee whatever the verdict says", () => {
    expect(mergeGrade("quota_tie", "incompetent")).toBe("quota_tie");
    expect(mergeGrade("quota_tie", "excellent")).toBe("quota_tie");
  });

  it("ignores a quota tie or nothing from the per-cadre side", () => {
    expect(mergeGrade("competent", "quota_tie")).toBe("competent");
    expect(mergeGrade("competent", null)).toBe("competent");
  });

  it("takes the verdict's grade when nothing was settled", () => {
    expect(mergeGrade(null, "basic")).toBe("basic");
    expect(mergeGrade(null, null)).toBeNull();
  });
});
