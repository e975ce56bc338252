import type { JsonSchema } from "./json-schema.ts";
import type { OpenApiDocument } from "./document.ts";

/**
 * Swagger 2.0 from the OpenAPI 3.1 document: Power Automate custom connectors accept only 2.0.
 * JSON Schema 2020-12 has more than 2.0's Schema Object, so each schema is lowered: nullable
 * types become x-nullable, unions of plain types lose their type (any, described), const becomes
 * enum, and keywords 2.0 does not know are dropped.
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
  }
  if (Array.isArray(s.examples) && s.example === undefined) s.example = (s.examples as unknown[])[0];
  if (s.properties)
    s.properties = Object.fromEntries(
      Object.entries(s.properties as Record<string, JsonSchema>).map(([k, v]) => [k, lowerSchema(v)]),
    );
  if (s.items && !Array.isArray(s.items)) s.items = lowerSchema(s.items as JsonSchema);
  if (s.additionalProperties && typeof s.additionalProperties === "object")
    s.additionalProperties = lowerSchema(s.additionalProperties as JsonSchema);
  if (s.allOf) s.allOf = (s.allOf as JsonSchema[]).map(lowerSchema);
  if (Array.isArray(s.required) && (s.required as unknown[]).length === 0) delete s.required;
  return Object.fromEntries(
    Object.entries(s).filter(([k, v]) => v !== undefined && (KEEP.has(k) || k.startsWith("x-"))),
  );
}

const withoutType = (s: JsonSchema): JsonSchema => {
  const { type: _type, ...rest } = s;
  return rest;
};

/** A path or query parameter in 2.0 carries its type inline and must be a primitive. */
function lowerParameter(p: Record<string, unknown>): Record<string, unknown> {
  const schema = lowerSchema((p.schema ?? { type: "string" }) as JsonSchema);
  const type =
    typeof schema.type === "string" && schema.type !== "object" && schema.type !== "array" ? schema.type : "string";
  const out: Record<string, unknown> = {
    name: p.name,
    in: p.in,
    required: p.in === "path" ? true : Boolean(p.required),
    type,
    description: p.description,
  };
  for (const k of ["format", "enum", "default", "minimum", "maximum", "pattern", "minLength", "maxLength"])
    if (schema[k] !== undefined) out[k] = schema[k];
  if (typeof out.maximum === "number" && out.maximum >= Number.MAX_SAFE_INTEGER) delete out.maximum;
  return out;
}

export function toSwagger2(doc: OpenApiDocument): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, methods] of Object.entries(doc.paths)) {
    paths[path] = {};
    for (const [method, op] of Object.entries(methods)) {
      const parameters: Record<string, unknown>[] = (
        (op.parameters as Record<string, unknown>[] | undefined) ?? []
      ).map(lowerParameter);
      const body = op.requestBody as
        { description?: string; content: Record<string, { schema: JsonSchema; example?: unknown }> } | undefined;
      if (body) {
        const media = body.content["application/json"]!;
        parameters.push({
          name: "body",
          in: "body",
          required: true,
          description: body.description,
          schema: { ...lowerSchema(media.schema), ...(media.example !== undefined ? { example: media.example } : {}) },
        });
      }
      const produces = new Set<string>();
      const responses: Record<string, unknown> = {};
      for (const [status, r] of Object.entries(
        op.responses as Record<
          string,
          {
            description: string;
            content?: Record<string, { schema?: JsonSchema; example?: unknown }>;
            headers?: Record<string, { description: string }>;
          }
        >,
      )) {
        const content = r.content ?? {};
        Object.keys(content).forEach((c) => produces.add(c));
        const json = content["application/json"] ?? content["application/problem+json"];
        const other = Object.keys(content).find((c) => !c.includes("json"));
        responses[status] = {
          description: r.description,
          ...(json?.schema ? { schema: lowerSchema(json.schema) } : other ? { schema: { type: "file" } } : {}),
          ...(json?.example !== undefined ? { examples: { "application/json": json.example } } : {}),
          ...(r.headers
            ? {
                headers: Object.fromEntries(
                  Object.entries(r.headers).map(([h, d]) => [h, { type: "string", description: d.description }]),
                ),
              }
            : {}),
        };
      }
      paths[path]![method] = {
        operationId: op.operationId,
        summary: op.summary,
        description: op.description,
        "x-ms-summary": op.summary,
        tags: op.tags,
        consumes: body ? ["application/json"] : undefined,
        produces: [...produces],
        parameters,
        security: op.security,
        responses,
      };
    }
  }
  const info = doc.info as Record<string, unknown>;
  return JSON.parse(
    JSON.stringify({
      swagger: "2.0",
      info: { title: info.title, version: info.version, description: info.description },
      basePath: "/",
      schemes: ["https"],
      consumes: ["application/json"],
      produces: ["application/json"],
      securityDefinitions: {
        bearer: { type: "apiKey", name: "Authorization", in: "header", description: "Bearer <Entra ID access token>" },
      },
      paths,
    }),
  ) as Record<string, unknown>;
}
