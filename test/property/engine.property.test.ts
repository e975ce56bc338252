import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  DEFAULT_POLICY,
  DIMENSIONS,
  PolicySchema,
  scoreWithIdentity,
  verdictBatch,
  type BallotRow,
  type CadreRow,
  type Policy,
} from "../../shared/index.ts";
import { percentText, q, qAdd, qCmp, qDecimal, qDiv, qMul, qParse, qText, type Q } from "./exact.ts";

const IDENTITY = { id: "test", version: 1, sha256: "0".repeat(64) };
const POSTS = Object.keys(DEFAULT_POLICY.posts);
const GROUPS = Object.keys(DEFAULT_POLICY.raterGroups);
const VOTES = ["excellent", "competent", "basic", "incompetent", ""] as const;

/** Scores in hundredths 40.00..100.00, given as numbers with up to two decimals. */
const points = fc.integer({ min: 4000, max: 10000 }).map((h) => h / 100);
/** Few distinct values, so totals tie often and trimming has to share. */
const coarse = fc.constantFrom(60, 70, 80, 90);

const ballotArb = (cadreCount: number) =>
  fc.record({
    cadre: fc.integer({ min: 0, max: cadreCount - 1 }),
    group: fc.constantFrom(...GROUPS),
    scores: fc.array(fc.oneof(points, coarse), { minLength: 5, maxLength: 5 }),
    vote: fc.constantFrom(...VOTES),
    ballot: fc.integer({ min: 1, max: 40 }),
    // Now and then a cell the engine must report rather than score.
    broken: fc.option(fc.constantFrom<unknown>("", 101, "abc", 12.345), { freq: 12 }),
  });

interface Generated {
  posts: string[];
  units: string[];
  ballots: { cadre: number; group: string; scores: number[]; vote: string; ballot: number; broken: unknown }[];
}

const assessmentArb: fc.Arbitrary<Generated> = fc.integer({ min: 1, max: 5 }).chain((cadreCount) =>
  fc.record({
    posts: fc.array(fc.constantFrom(...POSTS), { minLength: cadreCount, maxLength: cadreCount }),
    units: fc.array(fc.constantFrom("甲", "乙"), { minLength: cadreCount, maxLength: cadreCount }),
    ballots: fc.array(ballotArb(cadreCount), { maxLength: 80 }),
  }),
);
function rows(a: Generated): { cadres: CadreRow[]; ballots: BallotRow[] } {
  const cadres = a.posts.map((post, i) => ({
    cadreId: `C${i}`,
    name: `干部${i}`,
    unit: a.units[i]!,
    post,
    row: i + 2,
  }));
  const ballots = a.ballots.map((b, k) => {
    const row: BallotRow = {
      ballotId: `B${b.ballot}`,
      raterGroup: b.group,
      cadreId: `C${b.cadre}`,
      gradeVote: b.vote,
      row: k + 2,
    };
    DIMENSIONS.forEach((d, j) => (row[d] = b.scores[j]!));
    if (b.broken !== null) row.integrity = b.broken as string;
    return row;
  });
  return { cadres, ballots };
}

/** A cell the engine scores: points on the 0..100 scale with at most two decimals. */
const okCell = (v: unknown) =>
  typeof v === "number" && v >= 0 && v <= 100 && Math.abs(v * 100 - Math.round(v * 100)) < 1e-9;

const shuffled = <T>(xs: readonly T[], keys: number[]): T[] =>
  xs
    .map((x, i) => ({ x, k: keys[i % keys.length]! * 1000 + i }))
    .sort((a, b) => a.k - b.k)
    .map((e) => e.x);

describe("row order never changes a result", () => {
  it("shuffling ballots and cadres gives the same result per cadre and the same issues", () => {
    fc.assert(
      fc.property(
        assessmentArb,
        fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 50 }),
        (a, keys) => {
          const input = rows(a);
          const before = scoreWithIdentity(DEFAULT_POLICY, IDENTITY, input);
          const after = scoreWithIdentity(DEFAULT_POLICY, IDENTITY, {
            cadres: shuffled(input.cadres, keys),
            ballots: shuffled(input.ballots, [...keys].reverse()),
          });
          const byId = (r: typeof before) => Object.fromEntries(r.cadres.map((c) => [c.cadreId, c]));
          expect(byId(after)).toEqual(byId(before));
          const sortedIssues = (r: typeof before) => r.issues.map((i) => JSON.stringify(i)).sort();
          expect(sortedIssues(after)).toEqual(sortedIssues(before));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("monotonicity", () => {
  it("raising one score never lowers that cadre's exact composite", () => {
    fc.assert(
      fc.property(
        assessmentArb,
        fc.nat(),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 3000 }),
        (a, pick, dim, raise) => {
          const input = rows(a);
          const valid = input.ballots.filter((b) => DIMENSIONS.every((d) => okCell(b[d])));
          fc.pre(valid.length > 0);
          const target = valid[pick % valid.length]!;
          const field = DIMENSIONS[dim]!;
          const old = target[field] as number;
          const raisedValue = Math.min(10000, Math.round(old * 100) + raise) / 100;
          const raised = input.ballots.map((b) => (b === target ? { ...b, [field]: raisedValue } : b));
          const before = scoreWithIdentity(DEFAULT_POLICY, IDENTITY, input).cadres.find(
            (c) => c.cadreId === target.cadreId,
          )!;
          const after = scoreWithIdentity(DEFAULT_POLICY, IDENTITY, { ...input, ballots: raised }).cadres.find(
            (c) => c.cadreId === target.cadreId,
          )!;
          if (before.compositeExact === null) return; // e.g. the ballot is a duplicate: excluded both times
          expect(after.compositeExact).not.toBeNull();
          expect(qCmp(qParse(after.compositeExact!), qParse(before.compositeExact))).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("without trimming the composite is the weighted mean of ballot totals", () => {
  const untrimmed: Policy = PolicySchema.parse({
    ...structuredClone(DEFAULT_POLICY),
    trim: { minBallots: 7, high: 0, low: 0 },
  });

  it("matches an independent exact computation", () => {
    fc.assert(
      fc.property(assessmentArb, (a) => {
        const input = rows(a);
        const result = scoreWithIdentity(untrimmed, IDENTITY, input);
        // Reference: only ballots whose (ballotId, cadreId) is unique and whose cells are all valid scores.
        const keyCount = new Map<string, number>();
        for (const b of input.ballots)
          keyCount.set(`${b.ballotId}|${b.cadreId}`, (keyCount.get(`${b.ballotId}|${b.cadreId}`) ?? 0) + 1);
        for (const c of input.cadres) {
          const w = untrimmed.posts[c.post]!.weights;
          const perGroup = new Map<string, Q[]>();
          for (const b of input.ballots) {
            if (
              b.cadreId !== c.cadreId ||
              keyCount.get(`${b.ballotId}|${b.cadreId}`)! > 1 ||
              !DIMENSIONS.every((d) => okCell(b[d]))
            )
              continue;
            let total: Q = q(0n);
            for (const d of DIMENSIONS)
              total = qAdd(total, qMul(qDecimal(String(w[d])), q(BigInt(Math.round((b[d] as number) * 100)), 100n)));
            perGroup.set(b.raterGroup, [...(perGroup.get(b.raterGroup) ?? []), total]);
          }
          const got = result.cadres.find((x) => x.cadreId === c.cadreId)!;
          if (perGroup.size === 0) {
            expect(got.compositeExact).toBeNull();
            continue;
          }
          let num: Q = q(0n);
          let den: Q = q(0n);
          for (const [g, totals] of perGroup) {
            const W = qDecimal(String(untrimmed.raterGroups[g]!.weight));
            const mean = qDiv(totals.reduce(qAdd, q(0n)), q(BigInt(totals.length)));
            num = qAdd(num, qMul(W, mean));
            den = qAdd(den, W);
          }
          expect(got.compositeExact).toBe(qText(qDiv(num, den)));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("vote shares and verdicts agree with integer arithmetic", () => {
  const count = fc.integer({ min: 0, max: 1_000_000 });
  it("for any counts up to 10^6", () => {
    fc.assert(
      fc.property(count, count, count, count, count, fc.integer({ min: 0, max: 10000 }), (E, C, B, I, blank, h) => {
        const composite = (h / 100).toFixed(2);
        const r = verdictBatch(DEFAULT_POLICY, [
          { excellent: E, competent: C, basic: B, incompetent: I, blank, composite },
        ])[0]!;
        const n = BigInt(E + C + B + I + blank);
        expect(r.n).toBe(E + C + B + I + blank);
        const hb = BigInt(h);
        const band = hb >= 9000n ? "excellent" : hb >= 7500n ? "competent" : hb >= 6000n ? "basic" : "incompetent";
        const order = ["excellent", "competent", "basic", "incompetent"];
        const worst = (...gs: string[]) => gs.reduce((a, b) => (order.indexOf(a) >= order.indexOf(b) ? a : b));
        if (n === 0n) {
          // No ballot at all: the vote rules have nothing to judge and the band decides. A cadre everyone left
          // blank (n > 0) is judged below like any other: (E + C)/n = 0 < 2/3 (spec section 5).
          expect(r.reasons!.map((x) => x.rule)).not.toContain("competency");
          expect(r.grade).toBe(band);
          expect(r.verdict).toBe("fit");
          return;
        }
        const competencyFires = BigInt(E + C) * 3n < n * 2n;
        const incompetentFires = BigInt(I) * 3n > n;
        const eligible = BigInt(E) * 2n >= n;
        const find = (rule: string) => r.reasons!.find((x) => x.rule === rule)!;
        expect(find("competency")).toMatchObject({
          fraction: `${E + C}/${n}`,
          percent: percentText(BigInt(E + C), n),
          fired: competencyFires,
        });
        expect(find("incompetent_share")).toMatchObject({
          fraction: `${I}/${n}`,
          percent: percentText(BigInt(I), n),
          fired: incompetentFires,
        });
        expect(find("excellent_eligibility")).toMatchObject({
          fraction: `${E}/${n}`,
          percent: percentText(BigInt(E), n),
          fired: !eligible && band === "excellent",
        });
        expect(r.verdict).toBe(competencyFires ? "unfit_for_post" : "fit");
        const expected = worst(
          band,
          competencyFires ? "basic" : "excellent",
          incompetentFires ? "incompetent" : "excellent",
          eligible ? "excellent" : "competent",
        );
        expect(r.grade).toBe(expected);
        expect(r.reviewRequired).toBe(competencyFires || incompetentFires || (!eligible && band === "excellent"));
      }),
      { numRuns: 500 },
    );
  });
});
