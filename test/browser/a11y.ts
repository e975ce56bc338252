/** What a user (and a screen reader) meets on a page: axe-core's findings and any developer words on screen. */
import { createRequire } from "node:module";
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
let axeSource: Promise<string> | undefined;

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core in the page (injected, as @axe-core/playwright does) and returns the serious and critical findings. */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  axeSource ??= readFile(axePath, "utf8");
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: await axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: object,
          ): Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    const { violations } = await axe.run(document, { resultTypes: ["violations"] });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Field keys and rule codes of the core: a user never reads these. */
export const KEY_WORDS =
  /\b(morality|ability|diligence|achievement|integrity|raterGroup|cadreId|ballotId|gradeVote|out_of_range|unknown_cadre|unknown_group|missing_score|invalid_score|invalid_vote|duplicate_cadre|unknown_post|missing_field|offline_verdict|quota_tie)\b/;
/** A JSON pointer such as /unit or /result/cadres/0. */
export const POINTER = /(^|\s)\/[a-z]+(\/\d+)?/;

/** The visible text's developer words (field keys, rule codes, JSON pointers), if any. */
export async function developerWords(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  return text
    .split("\n")
    .filter((line) => KEY_WORDS.test(line) || POINTER.test(line))
    .map((line) => line.trim());
}
