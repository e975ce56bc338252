import { DIMENSIONS, type Dimension } from "../vocabulary.ts";
import { add, cmp, div, mul, parseDecimal, rat, ZERO, type Rational } from "../rational.ts";

const ONE = rat(1);
const HUNDRED = rat(100);

/** The exact sum of weights written as decimals; one that is no finite decimal counts as 0 (the schema names it). */
export const weightSum = (values: readonly number[]): Rational =>
  values.reduce<Rational>((acc, v) => add(acc, parseDecimal(v) ?? ZERO), ZERO);

/**
 * What a set of weights is written in (spec section 3): fractions of 1 when they sum to exactly 1,
 * percent when they sum to exactly 100, and null (refused by the policy schema) otherwise.
 */
export function weightUnit(values: readonly number[]): Rational | null {
  const sum = weightSum(values);
  return cmp(sum, ONE) === 0 ? ONE : cmp(sum, HUNDRED) === 0 ? HUNDRED : null;
}

/** Weights as exact fractions of 1, in the order given: percentages are divided by 100. */
export function normaliseWeights(values: readonly number[]): Rational[] {
  const unit = weightUnit(values) ?? ONE;
  return values.map((v) => div(parseDecimal(v) ?? ZERO, unit));
}

/** A post's weights w[d] in 德能勤绩廉 order, as exact fractions of 1. */
export const dimensionWeights = (weights: Readonly<Record<Dimension, number>>): Rational[] =>
  normaliseWeights(DIMENSIONS.map((d) => weights[d]));

/** The composite of a post (spec section 4.4): S = sum over d of w[d] x D(d), exact. */
export function compositeOf(weights: readonly Rational[], dimensions: readonly Rational[]): Rational {
  if (weights.length !== dimensions.length)
    throw new RangeError(`${weights.length} weights for ${dimensions.length} dimension scores`);
  return weights.reduce<Rational>((sum, w, k) => add(sum, mul(w, dimensions[k]!)), ZERO);
}
