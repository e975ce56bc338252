import type { JsonSchema } from "./json-schema.ts";
import type { OpenApiDocument } from "./document.ts";
import { titleOf } from "./labels.ts";

/**
 * Swagger 2.0 from the OpenAPI 3.1 document, shaped for a Power Platform custom connector (Power Automate
 * accepts only 2.0, and its designer reads the x-ms-* extensions). JSON Schema 2020-12 has more than 2.0's
 * Schema Object, so each schema is lowered: nullable types become x-nullable, unions of plain types lose
 * their type (any, described), const becomes enum, and keywords 2.0 or the connector validator do not know
 * are dropped.
 */
const KEEP = new Set([
  "$ref",
  "format",
  "title",
  "description",
  "default",
  "multipleOf",
  "maximum",
  "exclusiveMaximum",
  "minimum",
  "exclusiveMinimum",
  "maxLength",
  "minLength",
  "pattern",
  "maxItems",
  "minItems",
  "uniqueItems",
  "maxProperties",
  "minProperties",
  "required",
  "enum",
  "additionalProperties",
  "type",
  "items",
  "allOf",
  "properties",
  "example",
]);

/** The schema formats the connector validator accepts; any other is dropped (the pattern still says it). */
const CONNECTOR_FORMATS = new Set([
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
]);

/** The x-ms-* keys a schema may carry; any other x-ms-* key fails the connector validator. */
const SCHEMA_MS_KEYS = new Set(["x-ms-summary", "x-ms-visibility", "x-ms-dynamic-values", "x-ms-enum-values"]);

export const MS_VISIBILITY = ["important", "advanced", "internal"] as const;

export function lowerSchema(input: JsonSchema): JsonSchema {
  let s: JsonSchema = { ...input };
  // anyOf / oneOf: [X, {type: null}] is a nullable X; anything else becomes an untyped value.
  for (const key of ["anyOf", "oneOf"] as const) {
    const alts = s[key] as JsonSchema[] | undefined;
    if (!alts) continue;
    delete s[key];
    const nonNull = alts.filter((a) => a.type !== "null");
    if (nonNull.length === 1)
      s = {
        ...lowerSchema(nonNull[0]!),
        ...withoutType(s),
        ...(nonNull.length < alts.length ? { "x-nullable": true } : {}),
      };
    else {
      const types = nonNull
        .map((a) => a.type)
        .filter(Boolean)
        .join(" | ");
      s = {
        ...withoutType(s),
        description: [s.description, types ? `(${types})` : undefined].filter(Boolean).join(" ") || undefined,
      };
      if (nonNull.length < alts.length) s["x-nullable"] = true;
    }
  }
  if (Array.isArray(s.type)) {
    const types = (s.type as string[]).filter((t) => t !== "null");
    if (types.length < (s.type as string[]).length) s["x-nullable"] = true;
    if (types.length === 1) s.type = types[0];
    else {
      delete s.type;
      s.description = [s.description, `(${types.join(" | ")})`].filter(Boolean).join(" ");
    }
  }
  if ("const" in s) {
    s.enum = [s.const];
    delete s.const;
  }
  if (s.type === "integer" || s.type === "number") {
    if (typeof s.exclusiveMinimum === "number") {
      s.minimum = s.exclusiveMinimum;
      s.exclusiveMinimum = true;
    }
    if (typeof s.exclusiveMaximum === "number") {
      s.maximum = s.exclusiveMaximum;
      s.exclusiveMaximum = true;
    }
    // ±(2^53 - 1) is zod's "safe integer", not a limit a person set: it only clutters the designer.
    if (typeof s.maximum === "number" && s.maximum >= Number.MAX_SAFE_INTEGER) delete s.maximum;
    if (typeof s.minimum === "number" && s.minimum <= -Number.MAX_SAFE_INTEGER) delete s.minimum;
  }
  if (typeof s.format === "string" && !CONNECTOR_FORMATS.has(s.format)) delete s.format;
  if (Array.isArray(s.examples) && s.example === undefined) s.example = (s.examples as unknown[])[0];
  if (s.properties)
    s.properties = Object.fromEntries(
      Object.entries(s.properties as Record<string, JsonSchema>).map(([k, v]) => [
        k,
        { "x-ms-summary": titleOf(k), ...lowerSchema(v) },
      ]),
    );
  if (s.items && !Array.isArray(s.items)) s.items = lowerSchema(s.items as JsonSchema);
  if (s.additionalProperties && typeof s.additionalProperties === "object")
    s.additionalProperties = lowerSchema(s.additionalProperties as JsonSchema);
  if (s.allOf) s.allOf = (s.allOf as JsonSchema[]).map(lowerSchema);
  if (Array.isArray(s.required) && (s.required as unknown[]).length === 0) delete s.required;
  return Object.fromEntries(
    Object.entries(s).filter(
      ([k, v]) =>
        v !== undefined && (KEEP.has(k) || SCHEMA_MS_KEYS.has(k) || (k.startsWith("x-") && !k.startsWith("x-ms-"))),
    ),
  );
}

const withoutType = (s: JsonSchema): JsonSchema => {
  const { type: _type, ...rest } = s;
  return rest;
};

/** Where the designer offers a pick list instead of a typed id. */
function dynamicValues(path: string, name: string): Record<string, unknown> | undefined {
  if (name === "policyId" || (name === "id" && path.startsWith("/api/policies/")))
    return { operationId: "policiesList", "value-collection": "items", "value-path": "id", "value-title": "title" };
  if (name === "id" && path.startsWith("/api/sheets/"))
    return { operationId: "sheetsList", "value-collection": "items", "value-path": "id", "value-title": "title" };
  return undefined;
}

/** A path, query or header parameter in 2.0 carries its type inline and must be a primitive. */
function lowerParameter(path: string, p: Record<string, unknown>): Record<string, unknown> {
  const schema = lowerSchema((p.schema ?? { type: "string" }) as JsonSchema);
  const type =
    typeof schema.type === "string" && schema.type !== "object" && schema.type !== "array" ? schema.type : "string";
  const name = String(p.name);
  const summary = titleOf(name);
  const out: Record<string, unknown> = {
    name,
    in: p.in,
    required: p.in === "path" ? true : Boolean(p.required),
    type,
    description: (p.description as string | undefined) ?? summary,
    "x-ms-summary": summary,
  };
  for (const k of ["format", "enum", "default", "minimum", "maximum", "pattern", "minLength", "maxLength"])
    if (schema[k] !== undefined) out[k] = schema[k];
  if (p.in === "path") out["x-ms-url-encoding"] = "single";
  const dynamic = dynamicValues(path, name);
  if (dynamic) out["x-ms-dynamic-values"] = dynamic;
  return out;
}

type Response31 = {
  description: string;
  content?: Record<string, { schema?: JsonSchema; example?: unknown }>;
  headers?: Record<string, { description: string }>;
};

/**
 * One schema per operation, as the designer reads one: the success answer's JSON schema, or `file` for a
 * download. Refusals keep their status and words (problem+json), without a schema.
 */
function lowerResponses(responses: Record<string, Response31>): {
  responses: Record<string, unknown>;
  produces: string[];
} {
  const out: Record<string, unknown> = {};
  let produces: string[] = [];
  const success = Object.keys(responses).find((s) => s.startsWith("2"));
  for (const [status, r] of Object.entries(responses)) {
    const content = r.content ?? {};
    const headers = r.headers
      ? Object.fromEntries(
          Object.entries(r.headers).map(([h, d]) => [h, { type: "string", description: d.description }]),
        )
      : undefined;
    if (status !== success) {
      out[status] = { description: r.description, ...(headers ? { headers } : {}) };
      continue;
    }
    const json = content["application/json"];
    if (json?.schema) {
      out[status] = {
        description: r.description,
        schema: lowerSchema(json.schema),
        ...(json.example !== undefined ? { examples: { "application/json": json.example } } : {}),
        ...(headers ? { headers } : {}),
      };
      produces = ["application/json"];
    } else if (Object.keys(content).length) {
      out[status] = { description: r.description, schema: { type: "file" }, ...(headers ? { headers } : {}) };
      produces = ["application/octet-stream"];
    } else out[status] = { description: r.description, ...(headers ? { headers } : {}) };
  }
  return { responses: out, produces };
}

export interface Swagger2Options {
  /** The Functions app's host name, e.g. kaoping.azurewebsites.net (a connector needs one). */
  host?: string;
}

/** Entra ID sign-in for Power Platform: the authorization-code flow the connector's oauth2 setting uses. */
const ENTRA = "https://login.microsoftonline.com/common/oauth2";

export function toSwagger2(doc: OpenApiDocument, opts: Swagger2Options = {}): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, methods] of Object.entries(doc.paths)) {
    paths[path] = {};
    for (const [method, op] of Object.entries(methods)) {
      const parameters: Record<string, unknown>[] = (
        (op.parameters as Record<string, unknown>[] | undefined) ?? []
      ).map((p) => lowerParameter(path, p));
      const body = op.requestBody as
        { description?: string; content: Record<string, { schema: JsonSchema; example?: unknown }> } | undefined;
      let consumes: string[] | undefined;
      if (body) {
        const media = body.content["application/json"];
        if (media) {
          consumes = ["application/json"];
          parameters.push({
            name: "body",
            in: "body",
            required: true,
            description: body.description ?? titleOf("body"),
            "x-ms-summary": titleOf("body"),
            schema: {
              ...lowerSchema(media.schema),
              ...(media.example !== undefined ? { example: media.example } : {}),
            },
          });
        } else {
          consumes = ["application/octet-stream"];
          parameters.push({
            name: "file",
            in: "body",
            required: true,
            description: body.description ?? titleOf("file"),
            "x-ms-summary": titleOf("file"),
            schema: { type: "string", format: "binary" },
          });
        }
      }
      const { responses, produces } = lowerResponses(op.responses as Record<string, Response31>);
      const zh = op["x-summary-zh-CN"] as string | undefined;
      const visibility = op["x-visibility"] as string | undefined;
      paths[path]![method] = {
        operationId: op.operationId,
        summary: zh ? `${zh} / ${String(op.summary)}` : op.summary,
        description: op.description,
        tags: op.tags,
        consumes,
        produces,
        parameters: parameters.length ? parameters : undefined,
        security: op.security,
        responses,
        ...(visibility ? { "x-ms-visibility": visibility } : {}),
      };
    }
  }
  const info = doc.info as Record<string, unknown>;
  return JSON.parse(
    JSON.stringify({
      swagger: "2.0",
      info: { title: info.title, version: info.version, description: info.description },
      ...(opts.host ? { host: opts.host } : {}),
      basePath: "/",
      schemes: ["https"],
      consumes: [],
      produces: [],
      securityDefinitions: {
        bearer: {
          type: "oauth2",
          flow: "accessCode",
          authorizationUrl: `${ENTRA}/authorize`,
          tokenUrl: `${ENTRA}/token`,
          scopes: {},
          description: "Entra ID（组织账号登录）/ Entra ID sign-in",
        },
      },
      security: [{ bearer: [] }],
      paths,
    }),
  ) as Record<string, unknown>;
}
