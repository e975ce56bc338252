/**
 * Properties of the survey engine over random surveys: the index is the mean of the points as an exact
 * fraction recomputed here with plain integers, lies in 0..100, does not depend on row order, and a group
 * below 3 answers, or one that subtraction would reveal, never shows a count.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_SURVEY_POLICY, scoreSurvey, type SurveyAnswerRow } from "../../shared/index.ts";

const ID = { id: "survey-default", version: 1, sha256: "0".repeat(64) };
const NATIONAL = [100, 80, 60, 30, 0];
const LABELS = ["很满意", "满意", "基本满意", "不太满意", "不满意", "不了解"];
const LAYERS = ["全委会委员", "本级领导班子成员", "基层干部群众"];

const answerArb = fc.record({ layer: fc.integer({ min: 0, max: 2 }), answer: fc.integer({ min: 0, max: 5 }) });

function survey(rows: { layer: number; answer: number }[]) {
  const answers: SurveyAnswerRow[] = rows.map((r, i) => ({
    respondentId: `F${i}`,
    layer: LAYERS[r.layer]!,
    itemId: "W1",
    answer: LABELS[r.answer]!,
  }));
  return { items: [{ itemId: "W1", unit: "甲县", title: "总体评价", kind: "work" }], answers };
}

describe("survey engine properties", () => {
  it("index = Σ points / base exactly (half up once), within 0..100; same result in any row order", () => {
    fc.assert(
      fc.property(fc.array(answerArb, { minLength: 0, maxLength: 60 }), fc.integer(), (rows, seed) => {
        const r = scoreSurvey(survey(rows), DEFAULT_SURVEY_POLICY, ID);
        const counted = rows.filter((x) => x.answer < 5);
        const stats = r.items[0]!.stats;
        if (rows.length < 3) {
          expect(stats).toEqual({ answers: rows.length, withheld: true });
          return;
        }
        if ("withheld" in stats) throw new Error("shown expected");
        expect(stats.base).toBe(counted.length);
        if (counted.length === 0) expect(stats.index).toBeNull();
        else {
          const sum = counted.reduce((a, x) => a + NATIONAL[x.answer]!, 0);
          // Half up to hundredths with integers: floor((200 sum + base) / (2 base)) / 100.
          const hundredths = Math.floor((200 * sum + counted.length) / (2 * counted.length));
          expect(Math.round(stats.index! * 100)).toBe(hundredths);
          expect(stats.index!).toBeGreaterThanOrEqual(0);
          expect(stats.index!).toBeLessThanOrEqual(100);
        }
        const shuffled = [...rows.keys()].sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101));
        const again = scoreSurvey(
          {
            ...survey(rows),
            answers: shuffled.map((k) => survey(rows).answers[k]!),
          },
          DEFAULT_SURVEY_POLICY,
          ID,
        );
        expect(again).toEqual(r);
      }),
      { numRuns: 200 },
    );
  });

  it("withheld layers together hold at least 3 answers, or every layer is withheld", () => {
    fc.assert(
      fc.property(fc.array(answerArb, { minLength: 3, maxLength: 30 }), (rows) => {
        const layers = Object.values(scoreSurvey(survey(rows), DEFAULT_SURVEY_POLICY, ID).items[0]!.layers);
        const hidden = layers.filter((l) => "withheld" in l);
        for (const l of hidden) expect(Object.keys(l).sort()).toEqual(["answers", "withheld"]);
        const hiddenAnswers = hidden.reduce((n, l) => n + l.answers, 0);
        if (hidden.length > 0 && hidden.length < layers.length) expect(hiddenAnswers).toBeGreaterThanOrEqual(3);
      }),
      { numRuns: 300 },
    );
  });
});
