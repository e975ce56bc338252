import { parseDecimal, parseFraction, type Rational } from "../rational.ts";
import type { SurveyPolicy } from "../schemas/survey-policy.ts";
import { ITEM_KINDS, ITEM_KIND_LABELS, type ItemKind } from "../schemas/survey.ts";
import { normalizeLabel } from "./normalize.ts";

/** The answer every scale may add (spec section 9), and what it is also called on forms. */
export const DONT_KNOW = "不了解";
const DONT_KNOW_SPELLINGS = [DONT_KNOW, "不清楚", "don't know", "dont know", "unknown"].map(normalizeLabel);

export interface CompiledScale {
  key: string;
  labels: string[];
  points: Rational[];
  /** Indices of the answers counted negative. */
  negative: Set<number>;
  lookup: Map<string, number>;
}

export interface CompiledSurveyPolicy {
  policy: SurveyPolicy;
  scales: Map<string, CompiledScale>;
  scaleByName: Map<string, string>;
  layerKeys: string[];
  layerByName: Map<string, string>;
  kindByName: Map<string, ItemKind>;
  negativeMax: Rational;
  floor: Rational | null;
  step: Rational | null;
  countDontKnow: boolean;
}

const KIND_ALIASES: Record<ItemKind, string[]> = {
  work: ["工作", "选人用人工作", "总体评价", "选人用人工作总体评价", "selection work"],
  practices: ["整治", "不正之风", "整治用人上不正之风", "整治选人用人不正之风", "improper practices"],
  cadre: ["干部", "新提拔干部", "新提拔任用干部", "newly promoted cadre", "new cadre"],
};

/** Default scale by kind when the items sheet leaves 量表 empty. */
export const DEFAULT_SCALE: Record<ItemKind, string> = { work: "national", practices: "national", cadre: "cadre" };

export function isDontKnow(text: string): boolean {
  return DONT_KNOW_SPELLINGS.includes(normalizeLabel(text));
}

export function compileSurveyPolicy(policy: SurveyPolicy): CompiledSurveyPolicy {
  const scales = new Map<string, CompiledScale>();
  const scaleByName = new Map<string, string>();
  for (const [key, s] of Object.entries(policy.scales)) {
    const lookup = new Map<string, number>();
    s.answers.forEach((a, i) => {
      for (const name of [a.label, a.en, ...(a.aliases ?? [])]) if (name) lookup.set(normalizeLabel(name), i);
    });
    scales.set(key, {
      key,
      labels: s.answers.map((a) => a.label),
      points: s.answers.map((a) => parseDecimal(a.points)!),
      negative: new Set(s.negative.map((n) => s.answers.findIndex((a) => a.label === n))),
      lookup,
    });
    for (const name of [key, s.label["zh-CN"], s.label.en]) scaleByName.set(normalizeLabel(name), key);
  }
  const layerByName = new Map<string, string>();
  for (const [key, l] of Object.entries(policy.layers))
    for (const name of [key, l.label, l.en]) if (name) layerByName.set(normalizeLabel(name), key);
  const kindByName = new Map<string, ItemKind>();
  for (const k of ITEM_KINDS)
    for (const name of [k, ITEM_KIND_LABELS[k]["zh-CN"], ITEM_KIND_LABELS[k].en, ...KIND_ALIASES[k]])
      kindByName.set(normalizeLabel(name), k);
  return {
    policy,
    scales,
    scaleByName,
    layerKeys: Object.keys(policy.layers),
    layerByName,
    kindByName,
    negativeMax: parseFraction(policy.negativeMax)!,
    floor: policy.floor === null ? null : parseDecimal(policy.floor)!,
    step: policy.step === null ? null : parseDecimal(policy.step)!,
    countDontKnow: policy.dontKnow === "count",
  };
}
