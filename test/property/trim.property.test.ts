import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { trimBuckets } from "../../shared/index.ts";
import { trimEdges, trims } from "../../shared/engine/trim.ts";

/**
 * The spec's walk (4.2) restated over kept weights per ballot, independently: walking in from an edge
 * one distinct total at a time, a level whose remaining weight fits in r goes, otherwise each keeps
 * (1 - r/W) of its weight. Weights are counted in ballots' worth per level, so they stay integers.
 */
function referenceKept(totals: number[], high: number, low: number): Map<number, number> {
  const levels = [...new Set(totals)].sort((a, b) => a - b);
  const kept = new Map(levels.map((t) => [t, totals.filter((x) => x === t).length]));
  const walk = (order: number[], r: number) => {
    for (const t of order) {
      if (r === 0) break;
      const w = kept.get(t)!;
      if (w <= r) {
        kept.set(t, 0);
        r -= w;
      } else {
        kept.set(t, w - r);
        r = 0;
      }
    }
  };
  walk([...levels].reverse(), high);
  walk(levels, low);
  return kept;
}

describe("trimming walks", () => {
  it("the sorted walk and the engine's edge scan keep the same weight per total as the spec's walk", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 4 }),
        (totals, high, low) => {
          fc.pre(trims(totals.length, { minBallots: 0, high, low }));
          const expected = referenceKept(totals, high, low);
          const sorted = totals.map((_, i) => i).sort((a, b) => totals[a]! - totals[b]!);
          const fromBuckets = new Map(trimBuckets(sorted, totals, high, low).map((b) => [b.total, b.kept]));
          expect(fromBuckets).toEqual(expected);
          // trimEdges reports only the touched totals; every other total keeps all its ballots.
          const idx = totals.map((_, i) => i);
          const edges = trimEdges(idx, totals, high, low);
          const fromEdges = new Map([...expected.keys()].map((t) => [t, totals.filter((x) => x === t).length]));
          for (const b of edges) {
            fromEdges.set(b.total, b.kept);
            // Each touched bucket is a run of idx holding exactly the ballots at that total.
            expect(idx.slice(b.start, b.start + b.size).every((i) => totals[i] === b.total)).toBe(true);
            expect(b.size).toBe(totals.filter((x) => x === b.total).length);
          }
          expect(fromEdges).toEqual(expected);
          expect([...idx].sort((a, b) => a - b)).toEqual(totals.map((_, i) => i));
        },
      ),
      { numRuns: 500 },
    );
  });
});
