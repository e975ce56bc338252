import { describe, expect, it } from "vitest";
import SwaggerParser from "@apidevtools/swagger-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import { OPERATIONS, ROUTE_PREFIX } from "../operations.ts";
import { apiDocuments } from "./build.ts";
import { buildExamples } from "./examples.ts";

type Json = Record<string, unknown>;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function walk(node: unknown, visit: (n: Json, path: string) => void, path = ""): void {
  if (Array.isArray(node)) node.forEach((x, i) => walk(x, visit, `${path}/${i}`));
  else if (node && typeof node === "object") {
    visit(node as Json, path);
    for (const [k, v] of Object.entries(node)) walk(v, visit, `${path}/${k}`);
  }
}

describe("OpenAPI documents", () => {
  it("the 3.1 document passes swagger-parser's validation and lists every operation", async () => {
    const { v3 } = await apiDocuments(OPERATIONS, ROUTE_PREFIX);
    await expect(SwaggerParser.validate(clone(v3) as never)).resolves.toBeTruthy();
    const ids = Object.values(v3.paths).flatMap((m) => Object.values(m).map((op) => op.operationId));
    expect(ids.sort()).toEqual(OPERATIONS.map((o) => o.name).sort());
    expect(v3.paths["/api/policies/{id}/versions/{version}"]?.get).toBeDefined();
    expect(v3.paths["/api/rules/verdict"]?.post?.security).toEqual([{ bearer: [] }]);
    expect(v3.paths["/api/health"]?.get?.security).toEqual([]);
  });

  it("the Swagger 2.0 document passes validation and has what Power Automate needs", async () => {
    const { v2 } = await apiDocuments(OPERATIONS, ROUTE_PREFIX);
    await expect(SwaggerParser.validate(clone(v2) as never)).resolves.toBeTruthy();
    expect(v2.swagger).toBe("2.0");
    const paths = v2.paths as Record<string, Record<string, Json>>;
    for (const [path, methods] of Object.entries(paths))
      for (const [method, op] of Object.entries(methods)) {
        expect(op.operationId, `${method} ${path}`).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
        expect(op.summary, `${method} ${path}`).toBeTruthy();
      }
    const banned: string[] = [];
    walk(v2, (n, p) => {
      for (const k of ["anyOf", "oneOf", "const", "$defs", "prefixItems", "propertyNames"])
        if (k in n && !p.includes("/example")) banned.push(`${p}/${k}`);
      if (Array.isArray(n.type)) banned.push(`${p}/type`);
    });
    expect(banned).toEqual([]);
  });

  it("every example validates against its own schema, in the document and in zod", async () => {
    const { v3 } = await apiDocuments(OPERATIONS, ROUTE_PREFIX);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    let checked = 0;
    walk(v3.paths, (n, p) => {
      if (!("example" in n) || !n.schema) return;
      const validate = ajv.compile(n.schema as Json);
      expect(validate(n.example), `${p}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      checked++;
    });
    const examples = await buildExamples();
    for (const op of OPERATIONS) {
      const ex = examples[op.name];
      if (ex?.request !== undefined) {
        expect(op.request.body, op.name).toBeDefined();
        expect(op.request.body!.safeParse(ex.request).success, `${op.name} request`).toBe(true);
      }
      const ok = op.responses.find((r) => r.status >= 200 && r.status < 300 && r.schema);
      if (ex?.response !== undefined)
        expect(ok!.schema!.safeParse(ex.response).success, `${op.name} response`).toBe(true);
    }
    // Every operation that takes a JSON body shows an example of it.
    for (const op of OPERATIONS) if (op.request.body) expect(examples[op.name]?.request, op.name).toBeDefined();
    expect(checked).toBeGreaterThanOrEqual(OPERATIONS.length);
  });
});
