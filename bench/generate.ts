/** The benchmarks' seeded input: the same cadres and ballots every run. */
import { DEFAULT_POLICY, DIMENSIONS, GRADES, type BallotRow, type CadreRow } from "../shared/index.ts";

/** mulberry32: small seeded PRNG so every run scores the same input. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POSTS = Object.keys(DEFAULT_POLICY.posts);
const GROUPS = Object.keys(DEFAULT_POLICY.raterGroups);

export function generate(
  cadreCount: number,
  ballotsPerCadre: number,
  seed = 20261124,
): { cadres: CadreRow[]; ballots: BallotRow[] } {
  const rnd = prng(seed);
  const cadres: CadreRow[] = [];
  const ballots: BallotRow[] = [];
  for (let c = 0; c < cadreCount; c++) {
    const cadreId = `C${String(c + 1).padStart(5, "0")}`;
    cadres.push({ cadreId, name: `干部${c + 1}`, unit: `单位${c % 40}`, post: POSTS[c % POSTS.length]! });
    const base = 70 + rnd() * 25;
    for (let b = 0; b < ballotsPerCadre; b++) {
      const row: BallotRow = {
        ballotId: `B${b + 1}`,
        raterGroup: GROUPS[b % GROUPS.length]!,
        cadreId,
        gradeVote: rnd() < 0.05 ? null : GRADES[Math.floor(rnd() * rnd() * 4)]!,
      };
      // Scores with at most one decimal around the cadre's level, clamped to the scale.
      for (const d of DIMENSIONS)
        row[d] = Math.min(100, Math.max(0, Math.round((base + (rnd() - 0.5) * 20) * 10) / 10));
      ballots.push(row);
    }
  }
  return { cadres, ballots };
}
