/**
 * Engine benchmark: 5,000 cadres x 50 ballots (1.25 M ratings), then x200 ballots to show linearity.
 * Run: npx tsx bench/engine.ts   (prints figures; no pass/fail)
 */
import { Worker } from "node:worker_threads";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import {
  DEFAULT_POLICY,
  DIMENSIONS,
  GRADES,
  policyIdentity,
  scoreWithIdentity,
  type BallotRow,
  type CadreRow,
} from "../shared/index.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

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

function generate(
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

/** Samples process-wide RSS from a worker (the engine is synchronous, so the main thread cannot). */
function startRssSampler(): { stop: () => Promise<number> } {
  const worker = new Worker(
    `const { parentPort } = require("node:worker_threads");
     let peak = 0; const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 2);
     parentPort.on("message", () => { clearInterval(timer); peak = Math.max(peak, process.memoryUsage.rss()); parentPort.postMessage(peak); });`,
    { eval: true },
  );
  return {
    stop: () =>
      new Promise((resolve) => {
        worker.once("message", (peak: number) => void worker.terminate().then(() => resolve(peak)));
        worker.postMessage("stop");
      }),
  };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measure(cadreCount: number, ballotsPerCadre: number, runs = 5) {
  const input = generate(cadreCount, ballotsPerCadre);
  const identity = await policyIdentity(DEFAULT_POLICY);
  const ratings = input.ballots.length * DIMENSIONS.length;
  scoreWithIdentity(DEFAULT_POLICY, identity, input); // warm-up
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let peakRss = 0;
  let peakRssAbsolute = 0;
  let peakHeap = 0;
  for (let r = 0; r < runs; r++) {
    gc();
    const sampler = startRssSampler();
    await sleep(20); // let the sampler start before the baseline is read
    const base = process.memoryUsage();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = scoreWithIdentity(DEFAULT_POLICY, identity, input);
    const t1 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    // Process CPU time (all threads, including GC helpers and the sampler): less sensitive to a busy machine than wall time.
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    const after = process.memoryUsage();
    const rss = await sampler.stop();
    times.push(t1 - t0);
    peakRss = Math.max(peakRss, rss - base.rss);
    peakRssAbsolute = Math.max(peakRssAbsolute, rss);
    // Heap still held at the end of the run (result + garbage not yet collected): a lower bound on the heap peak.
    peakHeap = Math.max(peakHeap, after.heapUsed - base.heapUsed);
    if (result.cadres.length !== cadreCount) throw new Error("unexpected result size");
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  cpuTimes.sort((a, b) => a - b);
  const cpuMedian = cpuTimes[Math.floor(cpuTimes.length / 2)]!;
  console.log(
    `${cadreCount} cadres x ${ballotsPerCadre} ballots = ${(ratings / 1e6).toFixed(2)} M ratings: median ${median.toFixed(0)} ms ` +
      `(sorted runs ${times.map((t) => t.toFixed(0)).join(", ")}; CPU median ${cpuMedian.toFixed(0)} ms), ${(((ratings / median) * 1000) / 1e6).toFixed(2)} M ratings/s, ` +
      `peak RSS +${mb(peakRss)} MB over the run's baseline (process peak ${mb(peakRssAbsolute)} MB, input included), heap held at end +${mb(peakHeap)} MB`,
  );
  return median;
}

const small = await measure(5_000, 50);
const large = await measure(5_000, 200, 3);
console.log(`4x ballots took ${(large / small).toFixed(2)}x the time (4.00 would be exactly linear)`);
