import { z } from "zod";
import { defineOperation } from "../lib/operation.ts";
import type { ApiDocuments } from "./build.ts";

/** Built by functions/operations.ts, which passes in the documents of its own list (and registers it there). */
export const openapiV2JsonOperation = (documents: () => Promise<ApiDocuments>) =>
  defineOperation({
    name: "openapiV2Json",
    method: "GET",
    route: "openapi-v2.json",
    roles: "public",
    visibility: "internal",
    summary: {
      "zh-CN": "Swagger 2.0 接口说明（供 Power Automate 自定义连接器）",
      en: "Swagger 2.0 description, for Power Automate custom connectors",
    },
    request: {},
    responses: [
      {
        status: 200,
        description: { "zh-CN": "Swagger 2.0 文档", en: "The Swagger 2.0 document" },
        schema: z.record(z.string(), z.unknown()),
      },
    ],
    // The connector needs the host it calls; the document names the one that served it.
    run: async ({ req }) => ({
      json: { ...(await documents()).v2, host: new URL(req.url).host },
      headers: { "Cache-Control": "public, max-age=300" },
    }),
  });
