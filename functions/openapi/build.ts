import type { Operation } from "../lib/operation.ts";
import { buildOpenApi, type OpenApiDocument } from "./document.ts";
import { buildExamples } from "./examples.ts";
import { toSwagger2 } from "./swagger2.ts";

let cached: Promise<{ v3: OpenApiDocument; v2: Record<string, unknown> }> | undefined;

/** Both documents, built once per process from the live operation list. */
export function apiDocuments(): Promise<{ v3: OpenApiDocument; v2: Record<string, unknown> }> {
  cached ??= (async () => {
    // Loaded late: the operation list includes the endpoints that serve these documents.
    const { OPERATIONS, ROUTE_PREFIX } = (await import("../operations.ts")) as {
      OPERATIONS: readonly Operation[];
      ROUTE_PREFIX: string;
    };
    const { VERSION } = await import("../health.ts");
    const v3 = buildOpenApi(OPERATIONS, { version: VERSION, prefix: ROUTE_PREFIX, examples: await buildExamples() });
    return { v3, v2: toSwagger2(v3) };
  })();
  return cached;
}
