import type { Policy, PolicyIdentity, VerdictResponse } from "../../shared/index.ts";
import { compilePolicy } from "../../shared/engine/compile.ts";
import { verdictOf, type ParsedVerdictItem } from "../../shared/engine/verdict-batch.ts";

/**
 * The /api/rules/verdict answer as JSON text, the same bytes as JSON.stringify of the whole answer, built item
 * by item: each item's result (its reasons and their bilingual messages) is garbage as soon as its text exists,
 * so a large batch never holds every result object at once (that heap growth and its collections made the p99 of
 * a 1,000-item batch). The values have the response schema's output types (VerdictResponse), built by the engine
 * in the schema's key order without extra keys, so they are not parsed again (rules-verdict.test.ts pins it).
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
  // One join at the end makes one flat string (no rope for the response writer to flatten again).
  const parts: string[] = new Array<string>(items.length);
  for (let i = 0; i < items.length; i++) parts[i] = JSON.stringify(verdictOf(compiled, items[i]!, detail));
  const open = `${JSON.stringify(head).slice(0, -1)},"results":[`;
  if (parts.length === 0) return `${open}]}`;
  parts[0] = open + parts[0]!;
  parts[parts.length - 1] += "]}";
  return parts.join(",");
}
