/**
 * Engine benchmark: 5,000 cadres x 50 ballots (1.25 M ratings) at 1x, 4x and 10x, each beside a float64
 * one-pass reference on the same data; the engine is timed on JSON rows and on the table reader's columns.
 * Run: npx tsx bench/engine.ts [--scales 1,4,10]   (prints figures; no pass/fail)
 */
import { Worker } from "node:worker_threads";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import {
  ballotColumnsFromRows,
  DEFAULT_POLICY,
  DIMENSIONS,
  policyIdentity,
  scoreWithIdentity,
  type ScoreInput,
} from "../shared/index.ts";
import { generate } from "./generate.ts";
import { floatScore } from "./float-reference.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

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

interface Timing {
  median: number;
  line: string;
}

/** Runs the engine `runs` times on one input; the median and a line of figures (time, CPU, memory). */
async function timeEngine(input: ScoreInput, ratings: number, runs: number): Promise<Timing> {
  const identity = await policyIdentity(DEFAULT_POLICY);
  const cadreCount = input.cadres.length;
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
  return {
    median,
    line:
      `median ${median.toFixed(0)} ms (sorted runs ${times.map((t) => t.toFixed(0)).join(", ")}; CPU median ${cpuMedian.toFixed(0)} ms), ` +
      `${(((ratings / median) * 1000) / 1e6).toFixed(2)} M ratings/s, peak RSS +${mb(peakRss)} MB over the run's baseline ` +
      `(process peak ${mb(peakRssAbsolute)} MB, input included), heap held at end +${mb(peakHeap)} MB`,
  };
}

/**
 * One scale: the float64 reference and the exact engine on the same ballots, first as JSON rows (the API's
 * door), then as the table reader's columns (the CLI, the add-in, an uploaded workbook) once the rows are gone.
 */
async function measure(cadreCount: number, ballotsPerCadre: number, runs = 5): Promise<number[]> {
  const input = generate(cadreCount, ballotsPerCadre);
  const ratings = input.ballots.length * DIMENSIONS.length;
  floatScore(DEFAULT_POLICY, input);
  const floatTimes: number[] = [];
  for (let r = 0; r < runs; r++) {
    gc();
    const t0 = performance.now();
    floatScore(DEFAULT_POLICY, input);
    floatTimes.push(performance.now() - t0);
  }
  floatTimes.sort((a, b) => a - b);
  const floatMedian = floatTimes[Math.floor(floatTimes.length / 2)]!;
  const rows = await timeEngine(input, ratings, runs);
  const columns: ScoreInput = { cadres: input.cadres, ballots: ballotColumnsFromRows(input.ballots) };
  input.ballots = [];
  const cols = await timeEngine(columns, ratings, runs);
  const ratio = (t: Timing) => `exact engine / reference = ${(t.median / floatMedian).toFixed(2)}x (target <= 2.5x)`;
  console.log(`${cadreCount} cadres x ${ballotsPerCadre} ballots = ${(ratings / 1e6).toFixed(2)} M ratings`);
  console.log(`  float64 one-pass reference: median ${floatMedian.toFixed(0)} ms`);
  console.log(`  engine on JSON rows (API):  ${rows.line}\n    ${ratio(rows)}`);
  console.log(`  engine on columns (CLI, add-in, uploads): ${cols.line}\n    ${ratio(cols)}`);
  return [rows.median, cols.median];
}

const scalesAt = process.argv.indexOf("--scales");
const scales = (scalesAt > 0 ? process.argv[scalesAt + 1]! : "1,4,10").split(",").map(Number);
const medians: number[][] = [];
for (const scale of scales) medians.push(await measure(5_000 * scale, 50, scale >= 10 ? 3 : 5));
scales.forEach((scale, i) => {
  if (i > 0)
    console.log(
      `${scale}x the cadres took ${(medians[i]![0]! / medians[0]![0]!).toFixed(2)}x (rows) and ` +
        `${(medians[i]![1]! / medians[0]![1]!).toFixed(2)}x (columns) the time of ${scales[0]}x (linear: ${scale / scales[0]!}x)`,
    );
});
