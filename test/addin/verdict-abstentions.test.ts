import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_POLICY, policyIdentity, verdictBatch, type VerdictItem } from "../../shared/index.ts";
import { ApiClient } from "../../addin/api/client.ts";
import { createRulesService } from "../../addin/api/rules.ts";
import { createCustomFunctions } from "../../addin/functions/impl.ts";
import { generateFunctionsMetadata } from "../../dev/addin/build.ts";
import type { Lang } from "../../addin/i18n/index.ts";
import { startStubServer, type StubServer } from "./stub-server.ts";

/** KAOPING.VERDICT's 5th argument: abstentions count in n (spec section 5). */

let server: StubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const fail = (message: string) => ({ excel: "#VALUE!", message });

async function verdictFunctions(lang: Lang = "zh-CN") {
  const identity = await policyIdentity(DEFAULT_POLICY);
  server = await startStubServer(({ body }) => ({
    status: 200,
    body: {
      policy: identity,
      results: verdictBatch(DEFAULT_POLICY, (body as { items: VerdictItem[] }).items, "brief"),
    },
  }));
  const rules = createRulesService({
    client: new ApiClient({ baseUrl: server.url }),
    policy: () => ({ policy: DEFAULT_POLICY, published: false }),
    windowMs: 5,
  });
  return createCustomFunctions({ rules, policy: () => DEFAULT_POLICY, lang: () => lang, fail });
}

describe("KAOPING.VERDICT counts abstentions", () => {
  it("3 excellent, 10 competent, 5 basic and 3 blank is 13/21 < 2/3: unfit, as on the results sheet", async () => {
    const fns = await verdictFunctions();
    // Without the blanks, 13/18 >= 2/3 would pass: 13 x 3 = 39 >= 36. With them 39 < 42.
    expect(await fns.VERDICT(3, 10, 5, 0)).toBe("胜任现职");
    expect(await fns.VERDICT(3, 10, 5, 0, 3)).toBe("不胜任现职");
    const sent = server!.requests.flatMap((r) => (r.body as { items: VerdictItem[] }).items);
    expect(sent).toContainEqual({ excellent: 3, competent: 10, basic: 5, incompetent: 0, blank: 3 });
  });

  it("an empty 5th argument means no abstentions; a bad one names the argument in both languages", async () => {
    const fns = await verdictFunctions();
    // 2 + 2 of 6 is exactly 2/3, not below it: fit.
    expect(await fns.VERDICT(2, 2, 2, 0, null)).toBe("胜任现职");
    expect(await fns.VERDICT(2, 2, 2, 0, "")).toBe("胜任现职");
    // One abstention more: 4/7 < 2/3.
    expect(await fns.VERDICT(2, 2, 2, 0, 1)).toBe("不胜任现职");
    expect(await fns.VERDICT(2, 2, 2, 0, -1)).toEqual({
      excel: "#VALUE!",
      message:
        '弃权票数须为不小于 0 的整数，现为「-1」 | blank (abstention) votes must be a whole number of at least 0, got "-1"',
    });
  });

  it("3 ballots all left blank: 0/3 < 2/3 fires the competency rule (spec section 5)", async () => {
    const zh = await verdictFunctions();
    expect(await zh.VERDICT(0, 0, 0, 0, 3)).toBe("不胜任现职");
    expect(await zh.VERDICT(0, 0, 0, 0, 1)).toBe("不胜任现职");
  });

  it("with no ballot at all (every count 0) the cell says there are no ballots instead of a verdict", async () => {
    const zh = await verdictFunctions();
    expect(await zh.VERDICT(0, 0, 0, 0)).toBe("无测评票");
    expect(await zh.VERDICT(0, 0, 0, 0, 0)).toBe("无测评票");
    await server!.close();
    const en = await verdictFunctions("en");
    expect(await en.VERDICT(0, 0, 0, 0)).toBe("No ballots");
  });

  it("is documented in the generated metadata as an optional 5th parameter", async () => {
    const metadata = JSON.parse(await generateFunctionsMetadata()) as {
      functions: {
        id: string;
        description: string;
        parameters: { name: string; description: string; optional?: boolean }[];
      }[];
    };
    const verdict = metadata.functions.find((f) => f.id === "VERDICT")!;
    expect(verdict.parameters.map((p) => [p.name, p.optional ?? false])).toEqual([
      ["excellent", false],
      ["competent", false],
      ["basic", false],
      ["incompetent", false],
      ["blank", true],
    ]);
    expect(verdict.parameters[4]!.description).toContain("弃权");
    expect(verdict.description).toContain("无测评票");
  });
});
