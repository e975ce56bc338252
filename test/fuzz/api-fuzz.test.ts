/**
 * Malformed input never reaches a 5xx: for every endpoint, 2,000 generated bodies (arbitrary JSON,
 * a valid example with one field broken, text that is not JSON) and broken path/query values must
 * each get a 4xx RFC 9457 problem with a bilingual message (or, for the rare mutation that is still
 * valid, a 2xx), over real HTTP against Azurite.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_POLICY, ProblemSchema } from "../../shared/index.ts";
import { buildExamples } from "../../functions/openapi/examples.ts";
import { startStack, type Role, type Stack } from "../integration/harness.ts";

const PER_ENDPOINT = 2_000;
const CONCURRENCY = 16;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ inMemory: true });
});
afterAll(async () => {
  await stack?.stop();
});

type Body = { kind: "json"; value: unknown } | { kind: "text"; value: string };

function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.slice(0, 3).flatMap((v, i) => paths(v, [...prefix, i]))];
  if (value && typeof value === "object")
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return [prefix];
}

function setAt(root: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement === DELETE ? undefined : replacement;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === DELETE) delete node[last];
  else node[last] = replacement;
  return copy;
}
const DELETE = Symbol("delete");

function malformedBodies(example: unknown, seed: number): Body[] {
  const broken = fc.oneof(
    fc.constant(DELETE),
    fc.constant(null),
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.double(),
    fc.constantFrom(-1, 1e308, -1e308, 0.001, 2 ** 53 + 1),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  );
  const arb: fc.Arbitrary<Body> = fc.oneof(
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => ({ kind: "json" as const, value })) },
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.constantFrom(...paths(example)), broken)
        .map(([p, r]) => ({ kind: "json" as const, value: setAt(example, p, r) })),
    },
    {
      weight: 1,
      arbitrary: fc.string({ maxLength: 40 }).map((value) => ({ kind: "text" as const, value: `{${value}` })),
    },
  );
  return fc.sample(arb, { numRuns: PER_ENDPOINT, seed });
}

async function inBatches<T>(items: T[], run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += CONCURRENCY) await Promise.all(items.slice(i, i + CONCURRENCY).map(run));
}

interface Tally {
  client: number;
  ok: number;
  bad: string[];
}

async function expectNoServerError(res: Response, label: string, tally: Tally): Promise<void> {
  const text = await res.text();
  if (res.status >= 500) {
    tally.bad.push(`${label} -> ${res.status} ${text.slice(0, 300)}`);
    return;
  }
  if (res.status < 400) {
    tally.ok++;
    return;
  }
  tally.client++;
  const type = res.headers.get("content-type") ?? "";
  const parsed = type.startsWith("application/problem+json") ? ProblemSchema.safeParse(JSON.parse(text)) : undefined;
  if (!parsed?.success || !parsed.data.message?.["zh-CN"] || !parsed.data.message.en)
    tally.bad.push(`${label} -> ${res.status} ${type} ${text.slice(0, 200)}`);
}

const BODY_ENDPOINTS: {
  name: string;
  method: "POST" | "PUT";
  path: string;
  role: Role;
  headers?: () => Record<string, string>;
}[] = [
  { name: "score", method: "POST", path: "/score", role: "assessor" },
  { name: "rulesVerdict", method: "POST", path: "/rules/verdict", role: "assessor" },
  { name: "rulesQuorum", method: "POST", path: "/rules/quorum", role: "assessor" },
  { name: "rulesQuorumBatch", method: "POST", path: "/rules/quorum/batch", role: "assessor" },
  { name: "rulesRecommendation", method: "POST", path: "/rules/recommendation", role: "assessor" },
  { name: "rulesAdvance", method: "POST", path: "/rules/advance", role: "assessor" },
  { name: "rulesDecide", method: "POST", path: "/rules/decide", role: "assessor" },
  {
    name: "policiesPut",
    method: "PUT",
    path: "/policies/fuzzed",
    role: "admin",
    headers: () => ({ "If-None-Match": "*" }),
  },
  {
    name: "sheetsSubmit",
    method: "POST",
    path: "/sheets",
    role: "assessor",
    headers: () => ({ "Idempotency-Key": crypto.randomUUID() }),
  },
];

describe("fuzz: malformed bodies get 4xx problem+json, never 5xx", () => {
  BODY_ENDPOINTS.forEach((ep, k) => {
    it(`${ep.method} /api${ep.path}: ${PER_ENDPOINT} malformed bodies`, async () => {
      const examples = await buildExamples();
      const bodies = malformedBodies(examples[ep.name]!.request, 1_000 + k);
      const tally: Tally = { client: 0, ok: 0, bad: [] };
      await inBatches(bodies, async (body) => {
        const res = await stack.call(ep.role, ep.path, {
          method: ep.method,
          headers: { "Content-Type": "application/json", ...(ep.headers?.() ?? {}) },
          // An undefined JSON value is an empty body.
          body: body.kind === "json" ? (JSON.stringify(body.value) ?? "") : body.value,
        });
        await expectNoServerError(res, `${ep.name} ${String(JSON.stringify(body.value)).slice(0, 200)}`, tally);
      });
      expect(tally.bad).toEqual([]);
      expect(tally.client + tally.ok).toBe(PER_ENDPOINT);
      // The generator really is hostile: most of what it sends is refused (a broken score cell is
      // not refused but reported as an issue in a 2xx result, so this is not "nearly all").
      expect(tally.client).toBeGreaterThan(PER_ENDPOINT * 0.5);
    });
  });

  it(`GET endpoints: ${PER_ENDPOINT} malformed path and query values each`, async () => {
    const junk = fc.sample(
      fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.integer().map(String),
        fc.constantFrom("-1", "0", "1e9", "%00", "../x", "a".repeat(300), "🙂", "' or 1=1"),
      ),
      { numRuns: PER_ENDPOINT, seed: 7 },
    );
    const tally: Tally = { client: 0, ok: 0, bad: [] };
    const routes: [Role, (j: string) => string][] = [
      ["assessor", (j) => `/policies/${encodeURIComponent(j)}`],
      ["assessor", (j) => `/policies/default/versions/${encodeURIComponent(j)}`],
      ["hr", (j) => `/sheets/${encodeURIComponent(j)}?format=${encodeURIComponent(j)}`],
      ["hr", (j) => `/sheets?unit=${encodeURIComponent(j)}&period=${encodeURIComponent(j)}`],
    ];
    for (const [role, path] of routes)
      await inBatches(junk, async (j) => expectNoServerError(await stack.call(role, path(j)), path(j), tally));
    expect(tally.bad).toEqual([]);
  });
});

/** Numbers no person writes, as JSON numbers and as number-like strings: each must be refused or handled, quickly. */
const HUGE: unknown[] = [
  "1e2000000000",
  "-1e-999999",
  "9".repeat(5000),
  "0." + "0".repeat(4999) + "1",
  "1/" + "9".repeat(5000),
  "9".repeat(5000) + "/1",
  "1e308/1e-308",
  "1e308",
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER * 1024,
];

/** The policy fields that are fractions or decimals (spec section 7). */
const POLICY_NUMBERS: (string | number)[][] = [
  ["quorum"],
  ["voteRules", "competentMin"],
  ["voteRules", "incompetentMax"],
  ["voteRules", "excellentMin"],
  ["excellentQuota", "share"],
  ["posts", "principal", "weights", "morality"],
  ["posts", "staff", "weights", "integrity"],
  ["raterGroups", "superior", "weight"],
  ["bands", "excellent"],
  ["vetoes", 0, "below"],
  ["scale", "max"],
  ["scale", "levels", "好"],
];

describe("fuzz: numbers too big to be true", () => {
  it("in an inline policy's fractions and weights, on every endpoint that takes a policy", async () => {
    const examples = await buildExamples();
    const withInline = (name: string) => {
      const { policyId: _ignored, ...rest } = examples[name]!.request as Record<string, unknown>;
      return { ...rest, policy: DEFAULT_POLICY };
    };
    const targets: {
      name: string;
      path: string;
      role: Role;
      method: "POST" | "PUT";
      body: unknown;
      at: (string | number)[];
      headers?: () => Record<string, string>;
    }[] = [
      ...["score", "rulesVerdict", "rulesQuorum", "rulesQuorumBatch", "rulesRecommendation"].map((name) => ({
        name,
        path: BODY_ENDPOINTS.find((e) => e.name === name)!.path,
        role: "assessor" as Role,
        method: "POST" as const,
        body: withInline(name),
        at: ["policy"],
      })),
      {
        name: "sheetsSubmit",
        path: "/sheets",
        role: "assessor",
        method: "POST",
        body: { ...(examples.sheetsSubmit!.request as object), policy: DEFAULT_POLICY },
        at: ["policy"],
      },
      {
        name: "policiesPut",
        path: "/policies/huge",
        role: "admin",
        method: "PUT",
        body: { ...DEFAULT_POLICY, id: "huge" },
        at: [],
        headers: () => ({ "If-None-Match": "*" }),
      },
    ];
    const cases = targets.flatMap((t) => POLICY_NUMBERS.flatMap((field) => HUGE.map((value) => ({ t, field, value }))));
    const tally: Tally = { client: 0, ok: 0, bad: [] };
    await inBatches(cases, async ({ t, field, value }) => {
      const res = await stack.call(t.role, t.path, {
        method: t.method,
        json: setAt(t.body, [...t.at, ...field], value),
        headers: t.headers?.(),
      });
      await expectNoServerError(res, `${t.name} ${[...t.at, ...field].join(".")}=${String(value).slice(0, 40)}`, tally);
    });
    expect(tally.bad).toEqual([]);
    expect(tally.client + tally.ok).toBe(cases.length);
    // The text forms never parse as a share or a weight: most cases are refused.
    expect(tally.client).toBeGreaterThan(cases.length * 0.5);
  });

  it("in the rounds' counts and the decision's votes", async () => {
    const example = (await buildExamples()).rulesAdvance!.request as object;
    const fields: (string | number)[][] = [
      ["vacancies"],
      ["rounds", 0, "advance"],
      ["rounds", 0, "expected"],
      ["rounds", 0, "attendees"],
    ];
    const cases = fields.flatMap((field) => HUGE.map((value) => ({ field, value })));
    const tally: Tally = { client: 0, ok: 0, bad: [] };
    await inBatches(cases, async ({ field, value }) => {
      const res = await stack.call("assessor", "/rules/advance", {
        method: "POST",
        json: setAt(example, field, value),
      });
      await expectNoServerError(res, `advance ${field.join(".")}=${String(value).slice(0, 40)}`, tally);
    });
    expect(tally.bad).toEqual([]);
    const decision = (await buildExamples()).rulesDecide!.request as object;
    const decisionFields: (string | number)[][] = [["members"], ["attendees"], ["candidates", 0, "yes"]];
    await inBatches(
      decisionFields.flatMap((field) => HUGE.map((value) => ({ field, value }))),
      async ({ field, value }) => {
        const res = await stack.call("assessor", "/rules/decide", {
          method: "POST",
          json: setAt(decision, field, value),
        });
        await expectNoServerError(res, `decide ${field.join(".")}=${String(value).slice(0, 40)}`, tally);
      },
    );
    expect(tally.bad).toEqual([]);
  });
});

/** Issue 8: names every JavaScript object has, numbers of 300 to 1,000 digits, and text a spreadsheet would run. */
const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).concat(["prototype"]);
const FORMULA_PREFIXES = ["=", "+", "-", "@", "\t", "\r"];
const ISSUE8_PER_ENDPOINT = 400;

describe("fuzz (issue 8): prototype names, 300-1,000-digit numbers and formula prefixes get no 5xx", () => {
  BODY_ENDPOINTS.forEach((ep, k) => {
    it(`${ep.method} /api${ep.path}: ${ISSUE8_PER_ENDPOINT} bodies`, async () => {
      const example = (await buildExamples())[ep.name]!.request;
      const all = paths(example);
      const objects = all.filter((p) => {
        let node: unknown = example;
        for (const key of p) node = (node as Record<string | number, unknown>)[key];
        return !!node && typeof node === "object" && !Array.isArray(node);
      });
      const digits = fc
        .integer({ min: 300, max: 1000 })
        .chain((n) =>
          fc
            .tuple(fc.integer({ min: 1, max: 9 }), fc.constantFrom("", ".5", "e2"))
            .map(([d, tail]) => `${d}${"9".repeat(n - 1)}${tail}`),
        );
      const HOLE = "\u0000huge\u0000";
      const mutation = fc.oneof(
        // A number of hundreds of digits: as a JSON number (text) or as a number-like string.
        fc.tuple(fc.constantFrom(...all), digits).map(([p, d]) => ({ body: setAt(example, p, HOLE), literal: d })),
        fc.tuple(fc.constantFrom(...all), digits).map(([p, d]) => ({ body: setAt(example, p, d), literal: undefined })),
        // A prototype name as a value, and as a key beside the real ones.
        fc
          .tuple(fc.constantFrom(...all), fc.constantFrom(...PROTO_NAMES))
          .map(([p, n]) => ({ body: setAt(example, p, n), literal: undefined })),
        fc
          .tuple(fc.constantFrom(...objects), fc.constantFrom(...PROTO_NAMES), fc.jsonValue({ maxDepth: 1 }))
          .map(([p, n, v]) => ({ body: setAt(example, [...p, n], v), literal: undefined })),
        // Text a spreadsheet would run as a formula.
        fc
          .tuple(fc.constantFrom(...all), fc.constantFrom(...FORMULA_PREFIXES), fc.string({ maxLength: 12 }))
          .map(([p, prefix, rest]) => ({
            body: setAt(example, p, `${prefix}cmd|' /C calc'!A0${rest}`),
            literal: undefined,
          })),
      );
      const cases = fc.sample(mutation, { numRuns: ISSUE8_PER_ENDPOINT, seed: 8_000 + k });
      const tally: Tally = { client: 0, ok: 0, bad: [] };
      await inBatches(cases, async ({ body, literal }) => {
        let text = JSON.stringify(body) ?? "";
        if (literal !== undefined) text = text.replace(JSON.stringify(HOLE), literal);
        const res = await stack.call(ep.role, ep.path, {
          method: ep.method,
          headers: { "Content-Type": "application/json", ...(ep.headers?.() ?? {}) },
          body: text,
        });
        await expectNoServerError(res, `${ep.name} ${text.slice(0, 200)}`, tally);
      });
      expect(tally.bad).toEqual([]);
      expect(tally.client + tally.ok).toBe(ISSUE8_PER_ENDPOINT);
    });
  });

  it("GET endpoints with prototype names, huge numbers and formula prefixes in the path and query", async () => {
    const values = [...PROTO_NAMES, "9".repeat(300), "9".repeat(1000), ...FORMULA_PREFIXES.map((p) => `${p}1+1`)];
    const tally: Tally = { client: 0, ok: 0, bad: [] };
    const routes: [Role, (j: string) => string][] = [
      ["assessor", (j) => `/policies/${encodeURIComponent(j)}`],
      ["assessor", (j) => `/policies/default/versions/${encodeURIComponent(j)}`],
      ["hr", (j) => `/sheets/${encodeURIComponent(j)}?format=${encodeURIComponent(j)}`],
      [
        "hr",
        (j) => `/sheets?unit=${encodeURIComponent(j)}&period=${encodeURIComponent(j)}&limit=${encodeURIComponent(j)}`,
      ],
      ["hr", (j) => `/audit?limit=${encodeURIComponent(j)}&continuationToken=${encodeURIComponent(j)}`],
      ["hr", (j) => `/audit/verify?full=${encodeURIComponent(j)}`],
    ];
    for (const [role, path] of routes)
      await inBatches(values, async (j) => expectNoServerError(await stack.call(role, path(j)), path(j), tally));
    expect(tally.bad).toEqual([]);
  });
});
