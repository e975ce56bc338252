import { z } from "zod";
import { defineOperation } from "../lib/operation.ts";
import type { ApiDocuments } from "./build.ts";

/** Built by functions/operations.ts, which passes in the documents of its own list (and registers it there). */
export const openapiJsonOperation = (documents: () => Promise<ApiDocuments>) =>
  defineOperation({
    name: "openapiJson",
    method: "GET",
    route: "openapi.json",
    roles: "public",
    visibility: "internal",
    summary: {
      "zh-CN": "OpenAPI 3.1 接口说明（由 zod 模式生成，含示例）",
      en: "OpenAPI 3.1 description, generated from the zod schemas, with examples",
    },
    request: {},
    responses: [
      {
        status: 200,
        description: { "zh-CN": "OpenAPI 3.1 文档", en: "The OpenAPI 3.1 document" },
        schema: z.record(z.string(), z.unknown()),
      },
    ],
    run: async () => ({ json: (await documents()).v3, headers: { "Cache-Control": "public, max-age=300" } }),
  });
