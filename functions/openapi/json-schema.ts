import { z } from "zod";

export type JsonSchema = Record<string, unknown>;

/** A zod schema as JSON Schema 2020-12 (what OpenAPI 3.1 embeds); requests as accepted, responses as sent. */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const out = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  delete out.$schema;
  return out;
}

/** The properties of an object schema, for path and query parameters. */
export function objectProperties(
  schema: z.ZodType,
): { name: string; schema: JsonSchema; required: boolean; description?: string }[] {
  const js = jsonSchemaOf(schema, "input");
  const props = (js.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((js.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, s]) => ({
    name,
    schema: s,
    required: required.has(name),
    description: s.description as string | undefined,
  }));
}
