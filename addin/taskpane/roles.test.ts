import { describe, expect, it } from "vitest";
import { effectiveRoles, visiblePages, type Audience } from "./roles.ts";

const PAGES: { id: string; audience: Audience[] }[] = [
  { id: "new", audience: ["assessor"] },
  { id: "check", audience: ["assessor"] },
  { id: "score", audience: ["assessor"] },
  { id: "recommend", audience: ["assessor"] },
  { id: "submit", audience: ["assessor"] },
  { id: "pull", audience: ["hr"] },
  { id: "history", audience: ["hr"] },
  { id: "settings", audience: ["all"] },
];
const ids = (roles: string[]) => visiblePages(PAGES, roles).map((p) => p.id);

describe("role-aware navigation", () => {
  it("shows an assessor the assessment pages and settings, not HR's", () => {
    expect(ids(["assessor"])).toEqual(["new", "check", "score", "recommend", "submit", "settings"]);
  });
  it("shows HR pull, history and settings only", () => {
    expect(ids(["hr"])).toEqual(["pull", "history", "settings"]);
  });
  it("shows someone with both roles both sets, and an administrator everything", () => {
    expect(ids(["hr", "assessor"])).toEqual(PAGES.map((p) => p.id));
    expect(ids(["admin"])).toEqual(PAGES.map((p) => p.id));
  });
  it("treats no token or an unknown role as an assessor", () => {
    expect(ids([])).toEqual(ids(["assessor"]));
    expect(ids(["Reader", "guest"])).toEqual(ids(["assessor"]));
    expect(effectiveRoles(["guest"])).toEqual(["assessor"]);
  });
});
