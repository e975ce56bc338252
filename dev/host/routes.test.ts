import { describe, expect, it } from "vitest";
import { compileRoute, matchRoute } from "./routes.ts";
import type { Registration } from "./capture.ts";

const reg = (name: string, route: string, methods: string[]): Registration => ({
  name,
  route,
  methods,
  authLevel: "anonymous",
  handler: async () => ({}),
});
const routes = [
  reg("policiesGet", "policies/{id}", ["GET"]),
  reg("policiesPut", "policies/{id}", ["PUT"]),
  reg("policiesVersion", "policies/{id}/versions/{version:int}", ["GET"]),
  reg("policiesList", "policies", ["GET"]),
  reg("preflight", "{*path}", ["OPTIONS"]),
].map((r) => compileRoute("api", r));

const name = (m: ReturnType<typeof matchRoute>) => (m.kind === "found" ? m.route.reg.name : m.kind);

describe("local host route matching (Azure route templates)", () => {
  it("picks the registration by path and method, with decoded parameters", () => {
    const m = matchRoute(routes, "GET", "/api/policies/default");
    expect(name(m)).toBe("policiesGet");
    expect(m.kind === "found" && m.params).toEqual({ id: "default" });
    expect(name(matchRoute(routes, "PUT", "/api/policies/default"))).toBe("policiesPut");
    expect(name(matchRoute(routes, "GET", "/api/policies"))).toBe("policiesList");
    const v = matchRoute(routes, "GET", "/api/policies/a%20b/versions/3");
    expect(v.kind === "found" && v.params).toEqual({ id: "a b", version: "3" });
  });

  it("an int constraint refuses text; a known path with another method is 405, an unknown one 404", () => {
    expect(name(matchRoute(routes, "GET", "/api/policies/x/versions/abc"))).toBe("none");
    const m = matchRoute(routes, "DELETE", "/api/policies/x");
    expect(m).toEqual({ kind: "method", allow: ["GET", "PUT"] });
    expect(name(matchRoute(routes, "GET", "/api/nowhere"))).toBe("none");
    expect(name(matchRoute(routes, "GET", "/elsewhere/policies"))).toBe("none");
  });

  it("the catch-all answers OPTIONS anywhere under the prefix", () => {
    expect(name(matchRoute(routes, "OPTIONS", "/api/policies/x"))).toBe("preflight");
    expect(name(matchRoute(routes, "OPTIONS", "/api/anything/at/all"))).toBe("preflight");
  });
});
