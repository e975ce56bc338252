import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import SwaggerParser from "@apidevtools/swagger-parser";
import { OPERATIONS } from "../operations.ts";
import { connectorDefinition, CONNECTOR_PLACEHOLDER_HOST } from "./connector.ts";

type Json = Record<string, unknown>;
const read = async (name: string) =>
  JSON.parse(await readFile(new URL(`../../connector/${name}`, import.meta.url), "utf8")) as Json;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const CJK = /[\u4e00-\u9fff]/;

/**
 * What Power Platform's custom-connector validator and its flow designer need, as Microsoft documents them
 * (the x-ms-* extensions each object may carry, the schema formats, one response schema per operation).
 */
const OPERATION_MS_KEYS = ["x-ms-visibility", "x-ms-api-annotation", "x-ms-no-generic-test", "x-ms-pageable"];
const PARAMETER_MS_KEYS = [
  "x-ms-summary",
  "x-ms-visibility",
  "x-ms-dynamic-values",
  "x-ms-dynamic-list",
  "x-ms-test-value",
];
const SCHEMA_MS_KEYS = ["x-ms-summary", "x-ms-visibility", "x-ms-dynamic-values", "x-ms-enum-values"];
const FORMATS = [
  "int32",
  "int64",
  "float",
  "double",
  "byte",
  "binary",
  "date",
  "date-time",
  "password",
  "date-no-tz",
  "html",
  "uri",
];
const MEDIA = ["application/json", "application/octet-stream"];

type Op = Json & { parameters?: Json[]; responses: Record<string, Json> };
const operationsOf = (doc: Json) =>
  Object.entries(doc.paths as Record<string, Record<string, Op>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ where: `${method.toUpperCase()} ${path}`, path, op })),
  );

/** Every schema object below a node, with where it is, and the property name it describes if any. */
function schemas(node: unknown, where: string, out: { where: string; schema: Json; property?: string }[] = []) {
  if (!node || typeof node !== "object") return out;
  const s = node as Json;
  out.push({ where, schema: s });
  for (const [k, v] of Object.entries((s.properties as Record<string, Json>) ?? {})) {
    const before = out.length;
    schemas(v, `${where}.${k}`, out);
    out[before]!.property = k;
  }
  if (s.items) schemas(s.items, `${where}[]`, out);
  if (s.additionalProperties && typeof s.additionalProperties === "object")
    schemas(s.additionalProperties, `${where}{}`, out);
  for (const sub of (s.allOf as Json[]) ?? []) schemas(sub, `${where}&`, out);
  return out;
}

describe("the Power Automate connector definition", () => {
  it("is the generated document, committed as generated (run npx tsx dev/connector.ts after an API change)", async () => {
    const committed = await read("apiDefinition.swagger.json");
    expect(committed).toEqual(clone(await connectorDefinition(CONNECTOR_PLACEHOLDER_HOST)));
    await expect(SwaggerParser.validate(clone(committed) as never)).resolves.toBeTruthy();
    // The custom-connector import refuses definitions over 1 MB.
    expect(JSON.stringify(committed).length).toBeLessThan(1_000_000);
  });

  it("signs in with Entra ID (oauth2), not a pasted token", async () => {
    const doc = await read("apiDefinition.swagger.json");
    const defs = doc.securityDefinitions as Record<string, Json>;
    expect(Object.values(defs).map((d) => [d.type, d.flow])).toEqual([["oauth2", "accessCode"]]);
    expect(doc.security).toEqual([{ [Object.keys(defs)[0]!]: [] }]);
    const props = ((await read("apiProperties.json")).properties as Json).connectionParameters as Record<string, Json>;
    const oauth = props.token!.oAuthSettings as Json;
    expect(oauth.identityProvider).toBe("aad");
    expect(oauth.redirectUrl).toBe("https://global.consent.azure-apim.net/redirect");
    expect(oauth.scopes).toEqual(["api://kaoping/user_impersonation"]);
    expect(((await read("apiProperties.json")).properties as Json).iconBrandColor).toMatch(/^#[0-9A-Fa-f]{6}$/);
  });

  it("declares one response schema per operation, files as files, and only media types the designer takes", async () => {
    const doc = await read("apiDefinition.swagger.json");
    for (const { where, op } of operationsOf(doc)) {
      const withSchema = Object.entries(op.responses).filter(([, r]) => r.schema);
      expect(withSchema.length, where).toBeLessThanOrEqual(1);
      for (const type of [...((op.produces as string[]) ?? []), ...((op.consumes as string[]) ?? [])])
        expect(MEDIA, `${where}: ${type}`).toContain(type);
    }
    const ops = Object.fromEntries(operationsOf(doc).map((o) => [o.op.operationId as string, o.op]));
    for (const id of ["sheetsFile", "scoreWorkbookFile"]) {
      expect(ops[id]!.responses["200"]!.schema, id).toEqual({ type: "file" });
      expect(ops[id]!.produces, id).toEqual(["application/octet-stream"]);
    }
    for (const id of ["scoreWorkbook", "scoreWorkbookFile"]) {
      expect(ops[id]!.consumes, id).toEqual(["application/octet-stream"]);
      expect(ops[id]!.parameters!.find((p) => p.in === "body")!.schema).toEqual({ type: "string", format: "binary" });
    }
    expect((ops.scoreWorkbook!.responses["200"]!.schema as Json).type).toBe("object");
  });

  it("names every parameter and field for the flow author, Chinese first", async () => {
    const doc = await read("apiDefinition.swagger.json");
    const unnamed: string[] = [];
    for (const { where, op } of operationsOf(doc)) {
      expect(String(op.summary), where).toMatch(/^[^/]*[\u4e00-\u9fff][^/]* \/ [A-Za-z]/);
      for (const p of op.parameters ?? []) {
        const at = `${where} ${String(p.in)}:${String(p.name)}`;
        expect(p["x-ms-summary"], at).toMatch(CJK);
        expect(String(p.description ?? ""), at).not.toBe("");
        if (p.in === "path") expect(p["x-ms-url-encoding"], at).toBe("single");
        const root = p.schema as Json | undefined;
        for (const s of root ? schemas(root, at) : [])
          if (
            s.property !== undefined &&
            (typeof s.schema["x-ms-summary"] !== "string" || s.schema["x-ms-summary"] === s.property)
          )
            unnamed.push(s.where);
      }
      for (const [status, r] of Object.entries(op.responses))
        for (const s of r.schema ? schemas(r.schema, `${where} ${status}`) : [])
          if (
            s.property !== undefined &&
            (typeof s.schema["x-ms-summary"] !== "string" || s.schema["x-ms-summary"] === s.property)
          )
            unnamed.push(s.where);
    }
    expect(unnamed).toEqual([]);
  });

  it("uses only the x-ms-* extensions and schema formats the connector validator accepts", async () => {
    const doc = await read("apiDefinition.swagger.json");
    const wrong: string[] = [];
    const check = (node: Json, allowed: string[], where: string) => {
      for (const k of Object.keys(node))
        if (k.startsWith("x-ms-") && !allowed.includes(k)) wrong.push(`${where}: ${k}`);
    };
    check(doc, [], "root");
    for (const { where, op } of operationsOf(doc)) {
      check(op, OPERATION_MS_KEYS, where);
      for (const p of op.parameters ?? []) {
        check(
          p,
          p.in === "path" ? [...PARAMETER_MS_KEYS, "x-ms-url-encoding"] : PARAMETER_MS_KEYS,
          `${where} ${String(p.name)}`,
        );
        for (const s of p.schema ? schemas(p.schema, `${where} body`) : []) {
          check(s.schema, SCHEMA_MS_KEYS, s.where);
          if (s.schema.format !== undefined && !FORMATS.includes(String(s.schema.format)))
            wrong.push(`${s.where}: format ${String(s.schema.format)}`);
        }
      }
      for (const [status, r] of Object.entries(op.responses)) {
        check(r, [], `${where} ${status}`);
        for (const s of r.schema && (r.schema as Json).type !== "file" ? schemas(r.schema, `${where} ${status}`) : []) {
          check(s.schema, SCHEMA_MS_KEYS, s.where);
          if (s.schema.format !== undefined && !FORMATS.includes(String(s.schema.format)))
            wrong.push(`${s.where}: format ${String(s.schema.format)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("puts the everyday actions first and hides the plumbing", async () => {
    const doc = await read("apiDefinition.swagger.json");
    const visibility = Object.fromEntries(operationsOf(doc).map(({ op }) => [op.operationId, op["x-ms-visibility"]]));
    for (const id of ["health", "openapiJson", "openapiV2Json"]) expect(visibility[id], id).toBe("internal");
    for (const id of [
      "score",
      "scoreWorkbook",
      "scoreWorkbookFile",
      "rulesVerdict",
      "sheetsSubmit",
      "sheetsGet",
      "sheetsFile",
    ])
      expect(visibility[id], id).toBe("important");
    expect(Object.keys(visibility).sort()).toEqual(OPERATIONS.map((o) => o.name).sort());
  });

  it("offers the policy and the sheet as pick lists from the list operations", async () => {
    const doc = await read("apiDefinition.swagger.json");
    const ops = Object.fromEntries(operationsOf(doc).map((o) => [o.op.operationId as string, o]));
    const dynamic = (id: string, name: string) =>
      ops[id]!.op.parameters!.find((p) => p.name === name)!["x-ms-dynamic-values"] as Json | undefined;
    for (const [id, name, source] of [
      ["policiesGet", "id", "policiesList"],
      ["policiesVersion", "id", "policiesList"],
      ["scoreWorkbook", "policyId", "policiesList"],
      ["sheetsGet", "id", "sheetsList"],
      ["sheetsFile", "id", "sheetsList"],
    ] as const) {
      const d = dynamic(id, name);
      expect(d?.operationId, `${id}.${name}`).toBe(source);
      // The list it names answers with that collection and those fields.
      const listed = ops[source]!.op.responses["200"]!.schema as Json;
      const item = ((listed.properties as Record<string, Json>)[String(d!["value-collection"])]!.items as Json)
        .properties as Json;
      expect(Object.keys(item), `${id}.${name}`).toEqual(
        expect.arrayContaining([String(d!["value-path"]), String(d!["value-title"])]),
      );
    }
  });

  it("the sample flow calls operations and parameters the definition has", async () => {
    const doc = await read("apiDefinition.swagger.json");
    const flow = await read("samples/score-and-submit/definition.json");
    const ops = Object.fromEntries(operationsOf(doc).map((o) => [o.op.operationId as string, o.op]));
    const calls = Object.values(flow.actions as Record<string, Json>)
      .map((a) => a.inputs as Json)
      .filter((i) => (i?.host as Json | undefined)?.connectionName === "shared_kaoping");
    expect(calls.map((c) => (c.host as Json).operationId)).toEqual(["scoreWorkbook", "sheetsSubmit", "sheetsFile"]);
    for (const call of calls) {
      const op = ops[String((call.host as Json).operationId)]!;
      const names = (op.parameters ?? []).map((p) => String(p.name));
      for (const key of Object.keys(call.parameters as Json)) expect(names, key).toContain(key.split("/")[0]);
    }
  });
});
