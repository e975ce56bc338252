/**
 * The add-in's Excel layer against the in-memory stand-in: read + score + write results for 10,000 ballots
 * (200 cadres x 50 ballots). Prints time, syncs and request/response bytes per phase. Run: npx tsx bench/addin.ts
 */
import { installStandin } from "../test/standin/index.ts";
import { createAssessmentSkeleton, markIssues, readAssessment, writeResults } from "../addin/excel/index.ts";
import { DEFAULT_POLICY, policyIdentity, scoreWithIdentity } from "../shared/index.ts";

const CADRES = Number(process.env.CADRES ?? 200);
const PER_CADRE = Number(process.env.BALLOTS_PER_CADRE ?? 50);
const standin = installStandin(globalThis);

const groups = ["上级领导", "同级", "下级", "服务对象"];
const posts = Object.values(DEFAULT_POLICY.posts).map((p) => p.label);
const votes = ["优秀", "称职", "称职", "基本称职", ""];
const levels = Object.keys(DEFAULT_POLICY.scale.levels);
const cadres = Array.from({ length: CADRES }, (_, c) => [
  `C${String(c).padStart(4, "0")}`,
  `干部${c}`,
  `第${c % 7}单位`,
  posts[c % posts.length]!,
]);
const ballots: (string | number)[][] = [];
for (let c = 0; c < CADRES; c++) {
  for (let b = 0; b < PER_CADRE; b++) {
    // Deterministic spread of scores, with some level labels as a paper ballot would give.
    const score = (k: number): string | number =>
      (c * 31 + b * 17 + k * 7) % 23 === 0
        ? levels[(b + k) % levels.length]!
        : 60 + ((c * 13 + b * 7 + k * 5) % 4000) / 100;
    ballots.push([
      `B${b}`,
      groups[b % 4]!,
      cadres[c]![0]!,
      score(0),
      score(1),
      score(2),
      score(3),
      score(4),
      votes[(c + b) % votes.length]!,
    ]);
  }
}

await createAssessmentSkeleton(DEFAULT_POLICY, "zh-CN");
await standin.Excel.run(async (context) => {
  const ws = (
    context as {
      workbook: {
        worksheets: {
          getItem(n: string): { getRangeByIndexes(r: number, c: number, nr: number, nc: number): { values: unknown } };
        };
      };
    }
  ).workbook.worksheets;
  ws.getItem("干部名单").getRangeByIndexes(1, 0, cadres.length, 4).values = cadres;
  ws.getItem("测评票").getRangeByIndexes(1, 0, ballots.length, 9).values = ballots;
});

const identity = await policyIdentity(DEFAULT_POLICY);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
async function phase<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  standin.inspect.resetStats();
  const t0 = performance.now();
  const out = await run();
  const ms = performance.now() - t0;
  const s = standin.inspect.stats();
  console.log(
    `${name.padEnd(14)} ${ms.toFixed(1).padStart(8)} ms  syncs ${String(s.syncs).padStart(2)}  ` +
      `request max/sync ${kb(s.maxRequestBytes).padStart(10)} total ${kb(s.totalRequestBytes).padStart(10)}  ` +
      `response max/sync ${kb(s.maxResponseBytes).padStart(10)} total ${kb(s.totalResponseBytes).padStart(10)}`,
  );
  return out;
}

console.log(
  `kaoping add-in Excel layer on the stand-in: ${CADRES} cadres x ${PER_CADRE} ballots = ${ballots.length} ballots (Node ${process.version})`,
);
const t0 = performance.now();
const input = await phase("read", () => readAssessment());
const result = await phase("score", () => scoreWithIdentity(DEFAULT_POLICY, identity, input));
await phase("write results", () => writeResults(result, DEFAULT_POLICY, { lang: "zh-CN", offline: false }));
await phase("mark issues", () => markIssues(result.issues));
console.log(
  `total          ${(performance.now() - t0).toFixed(1).padStart(8)} ms  (${result.cadres.length} cadres scored, ${result.issues.length} issues)`,
);
