import { describe, expect, it } from "vitest";
import { fieldProblem, jsonPointer } from "./pointer.ts";

const msg = { "zh-CN": "错", en: "wrong" };

describe("JSON pointers (RFC 6901)", () => {
  it("joins keys and indexes with a leading slash", () => {
    expect(jsonPointer(["result", "cadres", 0, "post"])).toBe("/result/cadres/0/post");
  });

  it("is the empty string for the whole document", () => {
    expect(jsonPointer([])).toBe("");
  });

  it("escapes ~ as ~0 and / as ~1, ~ first so a/~1 stays distinguishable", () => {
    expect(jsonPointer(["groups", "a/b"])).toBe("/groups/a~1b");
    expect(jsonPointer(["groups", "x~y"])).toBe("/groups/x~0y");
    expect(jsonPointer(["groups", "~1"])).toBe("/groups/~01");
  });

  it("keeps an empty key as an empty segment", () => {
    expect(jsonPointer(["", 3])).toBe("//3");
  });

  it("builds a field problem whose pointer names the same path", () => {
    expect(fieldProblem(["ballots", 3, "integrity"], msg)).toEqual({
      path: ["ballots", 3, "integrity"],
      pointer: "/ballots/3/integrity",
      message: msg,
    });
    expect(fieldProblem([Symbol("k")], msg).pointer).toBe("/Symbol(k)");
  });
});
