import type { Operation } from "../lib/operation.ts";
import { VERSION } from "../../shared/version.ts";
import { buildOpenApi, type OpenApiDocument } from "./document.ts";
import { buildExamples } from "./examples.ts";
import { toSwagger2 } from "./swagger2.ts";

export interface ApiDocuments {
  v3: OpenApiDocument;
  v2: Record<string, unknown>;
}

const cache = new WeakMap<readonly Operation[], Promise<ApiDocuments>>();

/**
 * Both documents for the operation list passed in, built once per list. The list is a parameter, not an
 * import: the endpoints that serve these documents are themselves on the list (no import cycle).
 */
export function apiDocuments(operations: readonly Operation[], prefix: string): Promise<ApiDocuments> {
  let docs = cache.get(operations);
  if (!docs) {
    docs = (async () => {
      const v3 = buildOpenApi(operations, { version: VERSION, prefix, examples: await buildExamples() });
      return { v3, v2: toSwagger2(v3) };
    })();
    cache.set(operations, docs);
  }
  return docs;
}
