import {
  add,
  cmp,
  div,
  parseDecimal,
  rat,
  reduce,
  roundedNumber,
  roundedRational,
  roundHalfUp,
  sub,
  toFractionString,
  ZERO,
  percentString,
  type Rational,
} from "../rational.ts";
import { canonicalJson, sha256Hex } from "../policy/canonical.ts";
import type { PolicyIdentity } from "../schemas/policy.ts";
import type { Reason } from "../schemas/result.ts";
import type { SurveyPolicy } from "../schemas/survey-policy.ts";
import type { SurveyInput, SurveyItemResult, SurveyResult, SurveyStats, SurveyUnitResult } from "../schemas/survey.ts";
import { compileSurveyPolicy, DONT_KNOW, type CompiledScale, type CompiledSurveyPolicy } from "./compile.ts";
import { surveyReasons } from "./messages.ts";
import { normalizeLabel } from "./normalize.ts";
import { validateSurvey } from "./validate.ts";

/** Answers pooled for one item, layer or unit; exact throughout. */
interface Pool {
  answers: number;
  base: number;
  points: Rational;
  positive: number;
  negative: number;
  counts: Map<string, number>;
}

const newPool = (labels: string[]): Pool => ({
  answers: 0,
  base: 0,
  points: ZERO,
  positive: 0,
  negative: 0,
  counts: new Map([...labels, DONT_KNOW].map((l) => [l, 0])),
});

function addAnswer(pool: Pool, scale: CompiledScale, answer: number, countDontKnow: boolean): void {
  pool.answers++;
  if (answer < 0) {
    pool.counts.set(DONT_KNOW, (pool.counts.get(DONT_KNOW) ?? 0) + 1);
    // Counted with no points: in the base, neither positive nor negative.
    if (countDontKnow) pool.base++;
    return;
  }
  const label = scale.labels[answer]!;
  pool.counts.set(label, (pool.counts.get(label) ?? 0) + 1);
  pool.base++;
  pool.points = add(pool.points, scale.points[answer]!);
  if (pool.points.d > 1_000_000n) pool.points = reduce(pool.points);
  // The top two answers make the positive rate (e.g. 满意和基本满意率 counts 很满意 and 满意 of five).
  if (answer < 2) pool.positive++;
  if (scale.negative.has(answer)) pool.negative++;
}

const indexOf = (p: Pool): Rational | null => (p.base === 0 ? null : reduce(div(p.points, rat(p.base))));
const share = (num: number, den: number) =>
  den === 0 ? null : { fraction: `${num}/${den}`, percent: percentString(num, den) };

function statsOf(p: Pool, min: number): SurveyStats {
  if (p.answers < min) return { answers: p.answers, withheld: true };
  const index = indexOf(p);
  return {
    answers: p.answers,
    base: p.base,
    counts: Object.fromEntries(p.counts),
    positive: share(p.positive, p.base),
    negative: share(p.negative, p.base),
    index: index === null ? null : roundedNumber(index, 2),
    indexExact: index === null ? null : toFractionString(index),
  };
}

export interface SurveyScoreOptions {
  period?: string;
  /** Last year's stored result: the year-over-year change and the unit's fall are measured against it. */
  lastYear?: SurveyResult;
  /** The workbook's own sheet names, for issue locations. */
  sheets?: { items: string; answers: string };
}

const itemKey = (unit: string, kind: string, title: string) =>
  `${normalizeLabel(unit)}\u0000${kind}\u0000${normalizeLabel(title)}`;

/**
 * Scores a survey (spec section 9). Row order never matters: items keep the items sheet's order,
 * units their first appearance there, layers the policy's order.
 */
export function scoreSurvey(
  input: SurveyInput,
  policy: SurveyPolicy,
  identity: PolicyIdentity,
  options: SurveyScoreOptions = {},
): SurveyResult {
  const c = compileSurveyPolicy(policy);
  const { items, answers, provisional, issues } = validateSurvey(input, c, options.sheets);
  const min = policy.minAnswersToReport;

  const itemPools = new Map<string, { pool: Pool; layers: Map<string, Pool> }>();
  const unitPools = new Map<string, { pool: Pool; layers: Map<string, Pool>; respondents: Set<string> }>();
  const itemById = new Map(items.map((i) => [i.itemId, i]));
  for (const item of items) {
    const labels = c.scales.get(item.scale)!.labels;
    itemPools.set(item.itemId, {
      pool: newPool(labels),
      layers: new Map(c.layerKeys.map((l) => [l, newPool(labels)])),
    });
    const u = unitPools.get(item.unit) ?? { pool: newPool([]), layers: new Map(), respondents: new Set<string>() };
    if (item.kind !== "cadre") for (const l of labels) if (!u.pool.counts.has(l)) u.pool.counts.set(l, 0);
    unitPools.set(item.unit, u);
  }
  for (const u of unitPools.values())
    for (const l of c.layerKeys) u.layers.set(l, newPool([...u.pool.counts.keys()].filter((k) => k !== DONT_KNOW)));

  for (const a of answers) {
    const item = itemById.get(a.itemId)!;
    const scale = c.scales.get(item.scale)!;
    const ip = itemPools.get(a.itemId)!;
    const up = unitPools.get(item.unit)!;
    // The unit's figure rates its selection work (work and practices items); a named cadre's item stands alone.
    const pools = [ip.pool, ip.layers.get(a.layer)!];
    if (item.kind !== "cadre") pools.push(up.pool, up.layers.get(a.layer)!);
    for (const pool of pools) addAnswer(pool, scale, a.answer, c.countDontKnow);
    up.respondents.add(normalizeLabel(a.respondentId));
  }

  const last = options.lastYear;
  const lastItems = new Map((last?.items ?? []).map((i) => [itemKey(i.unit, i.kind, i.title), i]));
  const lastUnits = new Map((last?.units ?? []).map((u) => [normalizeLabel(u.unit), u]));

  const itemResults: SurveyItemResult[] = items.map((item) => {
    const { pool, layers } = itemPools.get(item.itemId)!;
    const stats = statsOf(pool, min);
    const reasons: Reason[] = [];
    const flags: SurveyItemResult["flags"] = [];
    if ("withheld" in stats) reasons.push(withheldReason(pool.answers, min));
    else if (pool.base === 0) reasons.push({ rule: "no_base", fired: true, message: surveyReasons.noBase() });
    else if (item.kind === "cadre") {
      const r = negativeReason(pool, c);
      reasons.push(r);
      if (r.fired) flags.push("verify");
    }
    const prev = lastItems.get(itemKey(item.unit, item.kind, item.title));
    return {
      itemId: item.itemId,
      unit: item.unit,
      title: item.title,
      kind: item.kind,
      scale: item.scale,
      stats,
      layers: layerStats(layers, min),
      lastYear: prev ? lastYearOf(stats, prev.stats, last?.period) : null,
      provisional: provisional.has(item.itemId),
      flags,
      reasons,
    };
  });

  // A unit's layer is the sum of its items' layers: shown only when none of those is withheld.
  const unitHidden = new Map<string, Set<string>>();
  for (const r of itemResults)
    if (r.kind !== "cadre")
      for (const [layer, st] of Object.entries(r.layers))
        if ("withheld" in st) unitHidden.set(r.unit, (unitHidden.get(r.unit) ?? new Set()).add(layer));
  const unitResults: SurveyUnitResult[] = [...unitPools].map(([unit, u]) => {
    const stats = statsOf(u.pool, min);
    const prev = lastUnits.get(normalizeLabel(unit));
    const lastYear = prev ? lastYearOf(stats, prev.stats, last?.period) : null;
    const reasons: Reason[] = [];
    if ("withheld" in stats) reasons.push(withheldReason(u.pool.answers, min));
    else if (stats.indexExact !== null && stats.index !== null) {
      const shown = parseDecimal(stats.index)!;
      if (c.floor !== null) {
        const fired = cmp(shown, c.floor) < 0;
        reasons.push({
          rule: "unit_floor",
          fraction: stats.indexExact,
          value: stats.index,
          threshold: String(policy.floor),
          fired,
          message: surveyReasons.floor(roundHalfUp(shown), stats.indexExact, String(policy.floor), fired),
        });
      }
      const before = prev && !("withheld" in prev.stats) ? prev.stats.index : null;
      if (c.step !== null && before !== null) {
        const drop = sub(parseDecimal(before)!, shown);
        const fired = cmp(drop, c.step) > 0;
        reasons.push({
          rule: "unit_fall",
          fraction: toFractionString(reduce(drop)),
          value: roundedNumber(drop, 2),
          threshold: String(policy.step),
          fired,
          message: surveyReasons.fall(
            roundHalfUp(parseDecimal(before)!),
            roundHalfUp(shown),
            roundHalfUp(drop),
            String(policy.step),
            fired,
          ),
        });
      }
    }
    return {
      unit,
      respondents: u.respondents.size,
      stats,
      layers: layerStats(u.layers, min, unitHidden.get(unit)),
      lastYear,
      flags: reasons.some((r) => r.fired && (r.rule === "unit_floor" || r.rule === "unit_fall")) ? ["supervise"] : [],
      reasons,
    };
  });

  return {
    policy: identity,
    ...(options.period ? { period: options.period } : {}),
    scales: Object.fromEntries([...c.scales].map(([k, s]) => [k, [...s.labels, DONT_KNOW]])),
    items: itemResults,
    units: unitResults,
    issues,
  };
}

export async function surveyPolicyIdentity(policy: SurveyPolicy): Promise<PolicyIdentity> {
  return { id: policy.id, version: policy.version, sha256: await sha256Hex(canonicalJson(policy)) };
}

export async function scoreSurveyWithIdentity(
  input: SurveyInput,
  policy: SurveyPolicy,
  options: SurveyScoreOptions = {},
): Promise<SurveyResult> {
  return scoreSurvey(input, policy, await surveyPolicyIdentity(policy), options);
}

/**
 * Layers under `min` answers are withheld. Since the whole is shown, one withheld layer could be worked
 * out by subtracting the shown ones; so while the withheld layers hold fewer than `min` answers together,
 * the smallest shown layer is withheld too (complementary suppression). `alsoWithhold` names layers that
 * must be withheld because they could be worked out elsewhere (a unit's layer from its items').
 */
function layerStats(layers: Map<string, Pool>, min: number, alsoWithhold: ReadonlySet<string> = new Set()) {
  const present = [...layers].filter(([, pool]) => pool.answers > 0);
  const withheld = new Set(present.filter(([k, p]) => p.answers < min || alsoWithhold.has(k)).map(([k]) => k));
  const hiddenAnswers = () => present.filter(([k]) => withheld.has(k)).reduce((n, [, p]) => n + p.answers, 0);
  const shownBySize = present
    .filter(([k]) => !withheld.has(k))
    .sort(([ka, a], [kb, b]) => a.answers - b.answers || (ka < kb ? -1 : 1));
  while (withheld.size > 0 && hiddenAnswers() < min && shownBySize.length > 0) withheld.add(shownBySize.shift()![0]);
  const out: Record<string, SurveyStats> = {};
  // A layer nobody answered from is left out.
  for (const [key, pool] of present)
    out[key] = withheld.has(key) ? { answers: pool.answers, withheld: true } : statsOf(pool, min);
  return out;
}

function withheldReason(answers: number, min: number): Reason {
  return {
    rule: "withheld",
    value: answers,
    threshold: String(min),
    fired: true,
    message: surveyReasons.withheld(answers, min),
  };
}

/** 核实: the negative share strictly above negativeMax, compared by integer cross-multiplication. */
function negativeReason(pool: Pool, c: CompiledSurveyPolicy): Reason {
  const max = c.negativeMax;
  const fired = BigInt(pool.negative) * max.d > max.n * BigInt(pool.base);
  const fraction = `${pool.negative}/${pool.base}`;
  const percent = percentString(pool.negative, pool.base);
  return {
    rule: "new_cadre_negative",
    fraction,
    percent,
    threshold: c.policy.negativeMax,
    fired,
    message: surveyReasons.negative(fraction, percent, c.policy.negativeMax, fired),
  };
}

function lastYearOf(now: SurveyStats, before: SurveyStats, period: string | undefined): SurveyItemResult["lastYear"] {
  const lastIndex = "withheld" in before ? null : before.index;
  const nowIndex = "withheld" in now ? null : now.index;
  const change =
    lastIndex !== null && nowIndex !== null
      ? roundedNumber(sub(roundedRational(parseDecimal(nowIndex)!), parseDecimal(lastIndex)!), 2)
      : null;
  return {
    ...(period ? { period } : {}),
    index: lastIndex,
    positivePercent: "withheld" in before ? null : (before.positive?.percent ?? null),
    change,
  };
}
