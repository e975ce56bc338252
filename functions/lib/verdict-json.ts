import type { Policy, PolicyIdentity, VerdictResponse } from "../../shared/index.ts";
import { compilePolicy } from "../../shared/engine/compile.ts";
import { verdictOf, type ParsedVerdictItem } from "../../shared/engine/verdict-batch.ts";

/** Items per JSON.stringify call: few enough to die young, enough to amortise each call's own cost (measured: 64). */
const CHUNK = 64;

/**
 * The /api/rules/verdict answer as JSON text, the same bytes as JSON.stringify of the whole answer, built CHUNK
 * items at a time: each chunk's results (their reasons and bilingual messages) are garbage as soon as its text
 * exists, so a large batch never holds every result object at once (that heap growth and its collections made
 * the p99 of a 1,000-item batch). The values have the response schema's output types (VerdictResponse), built by
 * the engine in the schema's key order without extra keys, so they are not parsed again (verdict-answer.test.ts
 * pins that the text is what the schema makes of it).
 */
export function verdictJson(
  policy: Policy,
  identity: PolicyIdentity,
  items: readonly ParsedVerdictItem[],
  detail: "full" | "brief",
): string {
  const compiled = compilePolicy(policy);
  const head: Omit<VerdictResponse, "results"> = {
    policy: { id: identity.id, version: identity.version, sha256: identity.sha256 },
  };
  const parts: string[] = [`${JSON.stringify(head).slice(0, -1)},"results":[`];
  for (let start = 0; start < items.length; start += CHUNK) {
    const results: VerdictResponse["results"] = [];
    const end = Math.min(start + CHUNK, items.length);
    for (let i = start; i < end; i++) results.push(verdictOf(compiled, items[i]!, detail));
    if (start > 0) parts.push(",");
    parts.push(JSON.stringify(results).slice(1, -1));
  }
  parts.push("]}");
  // One join makes one flat string (no rope for the response writer to flatten again).
  return parts.join("");
}
