/**
 * 扫码测评 under a meeting's load: 1,000 raters (4 groups of 250) each load their form and submit a
 * ballot of 20 cadres, arriving evenly within one minute, over loopback against the local host and
 * Azurite (on disk). Prints p50/p99 of the submit and of the form load, the errors, then closes the
 * session and reads the ballots back: every 201 answer must be there (0 lost), and nothing more.
 * Target: submit p99 < 200 ms, 0 errors, 0 ballots lost.
 * Run: npx tsx bench/ballots.ts   (RATERS=1000 WINDOW_S=60; AZURITE_IN_MEMORY=1 keeps Azurite off the disk)
 */
import { Worker } from "node:worker_threads";
import { startStack } from "../test/integration/harness.ts";

const RATERS = Number(process.env.RATERS ?? 1000);
const WINDOW_S = Number(process.env.WINDOW_S ?? 60);
const CADRES = 20;
const GROUPS = ["superior", "peer", "subordinate", "service"];
const LEVELS = ["好", "较好", "一般", "较差", "差"];
const GRADES = ["优秀", "称职", "基本称职", "不称职", ""];

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const fmt = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0
    ? "n/a"
    : `p50 ${pct(s, 50).toFixed(1)} ms, p99 ${pct(s, 99).toFixed(1)} ms, max ${s.at(-1)!.toFixed(1)} ms`;
};

async function main() {
  const stack = await startStack({ inMemory: process.env.AZURITE_IN_MEMORY === "1" });
  try {
    const cadres = Array.from({ length: CADRES }, (_, i) => ({
      cadreId: `C${String(i + 1).padStart(3, "0")}`,
      name: `干部${i + 1}`,
      unit: "示范县",
      post: i === 0 ? "principal" : "deputy",
    }));
    const opened = await stack.call("assessor", "/sessions", {
      method: "POST",
      json: { title: "基准测试大会", policyId: "default", cadres, form: { scores: "levels", gradeVote: true } },
    });
    const { id } = (await opened.json()) as { id: string };
    const codes: string[] = [];
    for (const [g, group] of GROUPS.entries()) {
      const per = Math.floor(RATERS / GROUPS.length) + (g < RATERS % GROUPS.length ? 1 : 0);
      for (let left = per; left > 0; left -= 1000) {
        const res = await stack.call("assessor", `/sessions/${id}/codes`, {
          method: "POST",
          json: { group, count: Math.min(1000, left) },
        });
        codes.push(...((await res.json()) as { codes: string[] }).codes);
      }
    }
    console.log(`session ${id}: ${codes.length} codes issued; ${RATERS} raters arriving over ${WINDOW_S} s`);

    // The raters run on a worker thread, so their 1,000 clients do not share the host's event loop.
    const started = performance.now();
    const { submitMs, formMs, errors, accepted } = await runRaters({
      apiBase: stack.apiBase,
      codes,
      cadres: cadres.map((c) => c.cadreId),
      raters: RATERS,
      windowMs: WINDOW_S * 1000,
      levels: LEVELS,
      grades: GRADES,
    });
    const took = (performance.now() - started) / 1000;

    const closed = await stack.call("assessor", `/sessions/${id}/close`, { method: "POST" });
    const { returned } = (await closed.json()) as { returned: number };
    const back = await stack.call("assessor", `/sessions/${id}/ballots`);
    const rows = ((await back.json()) as { rows: { ballotId: string }[] }).rows;
    const readBack = new Set(rows.map((r) => r.ballotId)).size;

    console.log(`all ${RATERS} raters done in ${took.toFixed(1)} s`);
    console.log(`submit: ${fmt(submitMs)}`);
    console.log(`form:   ${fmt(formMs)}`);
    console.log(`errors: ${errors.length}${errors.length ? ` (${[...new Set(errors)].join(", ")})` : ""}`);
    console.log(
      `201 answers ${accepted}; closed with ${returned}; read back ${readBack} ballots (${rows.length} rows); lost ${accepted - readBack}`,
    );
    const p99 = pct(
      [...submitMs].sort((a, b) => a - b),
      99,
    );
    const ok = p99 < 200 && errors.length === 0 && readBack === accepted && accepted === RATERS;
    console.log(ok ? "target met (p99 < 200 ms, 0 errors, 0 lost)" : "TARGET MISSED");
    process.exitCode = ok ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

interface RaterRun {
  submitMs: number[];
  formMs: number[];
  errors: string[];
  accepted: number;
}

/** Plain JavaScript for the worker: each rater loads the form, then submits, at its due time. */
const RATER_WORKER = `
const { parentPort, workerData: w } = require("node:worker_threads");
const submitMs = [], formMs = [], errors = [];
let accepted = 0;
async function post(path, json) {
  const t0 = performance.now();
  const res = await fetch(w.apiBase + path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(json) });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - t0 };
}
async function rater(k) {
  const code = w.codes[k];
  const form = await post("/vote/form", { code });
  formMs.push(form.ms);
  if (form.status !== 200) errors.push("form " + form.status);
  const answers = w.cadres.map((cadreId, j) => ({
    cadreId,
    morality: w.levels[(k + j) % 5],
    ability: w.levels[(k + 2 * j) % 5],
    diligence: w.levels[(k + 3 * j) % 5],
    achievement: w.levels[(k * 7 + j) % 5],
    integrity: w.levels[(k + j * 11) % 5],
    gradeVote: w.grades[(k + j) % 5],
  }));
  const sub = await post("/vote/ballot", { code, answers });
  submitMs.push(sub.ms);
  if (sub.status === 201) accepted++;
  else errors.push("submit " + sub.status);
}
(async () => {
  const started = performance.now();
  const gap = w.windowMs / w.raters;
  const all = [];
  for (let k = 0; k < w.raters; k++) {
    const wait = started + k * gap - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    all.push(rater(k).catch((e) => { errors.push(String(e)); }));
  }
  await Promise.all(all);
  parentPort.postMessage({ submitMs, formMs, errors, accepted });
})();
`;

function runRaters(workerData: Record<string, unknown>): Promise<RaterRun> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(RATER_WORKER, { eval: true, workerData });
    worker.once("message", (m: RaterRun) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

await main();
