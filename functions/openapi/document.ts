import type { Operation, ResponseSpec } from "../lib/operation.ts";
import type { Bilingual } from "../../shared/index.ts";
import { jsonSchemaOf, objectProperties, type JsonSchema } from "./json-schema.ts";
import type { OperationExamples } from "./examples.ts";

export type OpenApiDocument = Record<string, unknown> & {
  paths: Record<string, Record<string, Record<string, unknown>>>;
};

const text = (b: Bilingual) => `${b["zh-CN"]} / ${b.en}`;
/** Azure route templates may carry constraints ({version:int}); OpenAPI paths do not. */
export const openApiPath = (prefix: string, route: string) =>
  `/${prefix}/${route.replace(/\{(\*?)([A-Za-z0-9_]+)(:[^}]*)?\}/g, "{$2}")}`;

/** OpenAPI 3.1, generated from the operations' zod schemas: the one description of the API. */
export function buildOpenApi(
  operations: readonly Operation[],
  opts: { version: string; prefix: string; examples: Record<string, OperationExamples> },
): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const op of operations) {
    const path = openApiPath(opts.prefix, op.route);
    const examples = opts.examples[op.name];
    const parameters = [
      ...(op.request.params
        ? objectProperties(op.request.params).map((p) => ({
            name: p.name,
            in: "path",
            required: true,
            schema: p.schema,
            description: p.description,
          }))
        : []),
      ...(op.request.query
        ? objectProperties(op.request.query).map((p) => ({
            name: p.name,
            in: "query",
            required: p.required,
            schema: p.schema,
            description: p.description,
          }))
        : []),
      ...Object.entries(op.request.headers ?? {}).map(([name, h]) => ({
        name,
        in: "header",
        required: h.required,
        schema: { type: "string" },
        description: text(h.description),
      })),
    ];
    const entry: Record<string, unknown> = {
      operationId: op.name,
      summary: op.summary.en,
      description: op.description ? text(op.description) : text(op.summary),
      "x-summary-zh-CN": op.summary["zh-CN"],
      "x-roles": op.roles === "public" ? [] : [...op.roles],
      tags: [op.route.split("/")[0]!],
      parameters: parameters.length ? parameters : undefined,
      security: op.roles === "public" ? [] : [{ bearer: [] }],
      responses: responsesOf(op.responses, examples),
    };
    if (op.request.body) {
      const schema = jsonSchemaOf(op.request.body, "input");
      entry.requestBody = {
        required: true,
        description: op.maxBodyBytes
          ? `最大 ${op.maxBodyBytes} 字节 / at most ${op.maxBodyBytes} bytes (larger: 413)`
          : undefined,
        content: {
          "application/json": { schema, ...(examples?.request !== undefined ? { example: examples.request } : {}) },
        },
      };
      entry["x-max-body-bytes"] = op.maxBodyBytes;
    }
    if (op.request.file) {
      const file = { schema: { type: "string", contentEncoding: "binary" } };
      entry.requestBody = {
        required: true,
        description: text(op.request.file.description),
        content: Object.fromEntries(op.request.file.contentTypes.map((type) => [type, file])),
      };
      entry["x-max-body-bytes"] = op.maxBodyBytes;
    }
    if (op.visibility) entry["x-visibility"] = op.visibility;
    (paths[path] ??= {})[op.method.toLowerCase()] = prune(entry);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "kaoping 考评 API",
      version: opts.version,
      description:
        "干部年度考核：考核方案、计分、规则判定与考评表存取。错误一律为 RFC 9457 problem+json（含字段路径与中英文说明）。 / Annual cadre assessment: policies, scoring, threshold rules and scored sheets. Every error is RFC 9457 problem+json with field paths and zh-CN/en messages.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description: "Entra ID access token with app roles assessor, hr or admin",
        },
      },
    },
    paths,
  };
}

function responsesOf(specs: ResponseSpec[], examples: OperationExamples | undefined): Record<string, unknown> {
  const out: Record<
    string,
    { description: string; content?: Record<string, unknown>; headers?: Record<string, unknown> }
  > = {};
  const exampleStatus = specs.find((r) => r.status >= 200 && r.status < 300 && r.schema)?.status;
  for (const r of specs) {
    const key = String(r.status);
    const contentType = r.contentType ?? "application/json";
    const media: Record<string, unknown> = r.schema
      ? { schema: jsonSchemaOf(r.schema, "output") }
      : {
          schema: contentType.startsWith("text/") ? { type: "string" } : { type: "string", contentEncoding: "binary" },
        };
    if (r.status === exampleStatus && r.schema && examples?.response !== undefined && !existingHas(out, r.status))
      media.example = examples.response;
    const existing = out[key];
    if (existing) {
      existing.description += `; ${text(r.description)}`;
      existing.content![contentType] = media;
    } else {
      out[key] = { description: text(r.description), content: { [contentType]: media } };
    }
    if (r.headers)
      out[key]!.headers = Object.fromEntries(
        Object.entries(r.headers).map(([h, d]) => [h, { description: text(d), schema: { type: "string" } }]),
      );
  }
  return out;
}

const existingHas = (out: Record<string, unknown>, status: number) => out[String(status)] !== undefined;

/** Drops undefined members so the document is clean JSON. */
function prune<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export type { JsonSchema };
