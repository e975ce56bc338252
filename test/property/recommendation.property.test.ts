import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_POLICY, tallyRecommendation, type Policy, type RecommendationInput } from "../../shared/index.ts";

const NAMES = ["甲", "乙", "丙", "丁", "戊", "己"];
const TYPES = ["领导班子成员", "中层干部", "群众代表"];

const policies: Policy[] = [
  DEFAULT_POLICY,
  {
    ...DEFAULT_POLICY,
    recommendation: {
      ...DEFAULT_POLICY.recommendation,
      concentrationMin: "1/4",
      voterTypes: {
        leader: { label: "领导班子成员", weight: 0.3 },
        middle: { label: "中层干部", weight: 0.3 },
        masses: { label: "群众代表", weight: 0.4 },
      },
    },
  },
];

const meeting = fc.record({
  vacancies: fc.integer({ min: 1, max: 3 }),
  extra: fc.integer({ min: 1, max: 3 }),
  ballots: fc.array(
    fc.record({
      voterType: fc.constantFrom(...TYPES),
      names: fc.subarray(NAMES, { minLength: 0, maxLength: 4 }),
    }),
    { minLength: 0, maxLength: 40 },
  ),
  policy: fc.constantFrom(...policies),
});

const input = (m: {
  vacancies: number;
  extra: number;
  ballots: { voterType: string; names: string[] }[];
}): RecommendationInput => ({
  expected: 40,
  attendees: 40,
  extra: m.extra,
  posts: [{ key: "P", label: "岗位", vacancies: m.vacancies, candidates: NAMES }],
  ballots: m.ballots.map((b) => ({ voterType: b.voterType, choices: { P: b.names } })),
});

describe("the shortlist never depends on row order", () => {
  it("shuffling the ballots gives the same statuses, shares and shortlist", () => {
    fc.assert(
      fc.property(meeting, fc.infiniteStream(fc.nat()), (m, seeds) => {
        const shuffled = [...m.ballots];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = seeds.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const a = tallyRecommendation(m.policy, input(m)).posts[0]!;
        const b = tallyRecommendation(m.policy, input({ ...m, ballots: shuffled })).posts[0]!;
        const view = (p: typeof a) => p.candidates.map((c) => [c.name, c.votes, c.share, c.status]);
        expect(view(b)).toEqual(view(a));
        expect(b.shortlist).toEqual(a.shortlist);
      }),
      { numRuns: 200 },
    );
  });

  it("candidates with the same share are all in, all flagged, or all out; never split", () => {
    fc.assert(
      fc.property(meeting, (m) => {
        const post = tallyRecommendation(m.policy, input(m)).posts[0]!;
        const byShare = new Map<string, Set<string>>();
        for (const c of post.candidates) {
          if (!byShare.has(c.share)) byShare.set(c.share, new Set());
          byShare.get(c.share)!.add(c.status);
        }
        for (const statuses of byShare.values()) expect(statuses.size).toBe(1);
        expect(post.shortlist.length).toBeLessThanOrEqual(post.places);
        // A tie is flagged only when taking all tied would overflow the places.
        if (post.tied.length > 0) expect(post.shortlist.length + post.tied.length).toBeGreaterThan(post.places);
      }),
      { numRuns: 300 },
    );
  });
});
