/**
 * API throughput and latency against the local host and Azurite (autocannon, loopback only).
 * Each case runs twice: with 1 connection (the latency one caller sees, e.g. one recalculation)
 * and with 8 (throughput under load). Prints requests per second and p50/p99 latency for:
 *   /api/health (the floor), /api/rules/verdict with 1 and 1,000 items (full reasons, and detail=brief as the
 *   custom functions ask), /api/score with 100 cadres x 40 ballots; then verdict at 1x, 4x and 10x of 1,000 items.
 * Beside them, a bare node:http server answering with the same bodies, so the host's own cost shows as a ratio.
 * Targets: verdict x1000 p99 < 50 ms; verdict x1 at least half the throughput of health; health at least
 * 1/5 of the bare server's throughput.
 * Each case is loaded one unmeasured second first (JIT warm-up), then measured; the load client is a separate process.
 * Run: npx tsx bench/api.ts   (DURATION=seconds per case, default 8)
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import type autocannon from "autocannon";
import { startStack } from "../test/integration/harness.ts";

/**
 * The floor the host is measured against: a bare node:http server answering with the same bodies the host
 * gave (health as is; verdict x1 after parsing the request, with the host's own answer), in the same run.
 */
async function startBareServer(bodies: Record<string, string>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (chunks.length) JSON.parse(Buffer.concat(chunks).toString("utf8"));
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      res.end(bodies[req.url ?? ""] ?? "{}");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

const duration = Number(process.env.DURATION ?? 8);
const execFileAsync = promisify(execFile);
const AUTOCANNON = join(dirname(createRequire(import.meta.url).resolve("autocannon/package.json")), "autocannon.js");

/**
 * The load client is autocannon's own command in a child process, so its work (sending, parsing answers,
 * timing) does not share the host's event loop and inflate the latencies measured.
 */
async function loadInChild(options: {
  url: string;
  connections: number;
  duration: number;
  method: string;
  body?: string;
  headers: Record<string, string>;
}): Promise<autocannon.Result> {
  const args = [AUTOCANNON, "--json", "-c", String(options.connections), "-d", String(options.duration)];
  args.push("-m", options.method);
  for (const [k, v] of Object.entries(options.headers)) args.push("-H", `${k}=${v}`);
  const dir = await mkdtemp(join(tmpdir(), "kaoping-bench-api-"));
  try {
    if (options.body !== undefined) {
      await writeFile(join(dir, "body.json"), options.body);
      args.push("-i", join(dir, "body.json"));
    }
    args.push(options.url);
    const { stdout } = await execFileAsync(process.execPath, args, { maxBuffer: 64 << 20 });
    return JSON.parse(stdout) as autocannon.Result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
const LOADED = 8;

function verdictItems(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    excellent: (i * 7) % 20,
    competent: 10 + (i % 9),
    basic: i % 5,
    incompetent: i % 4,
    blank: i % 2,
    composite: 70 + (i % 2500) / 100,
    dimensions: {
      morality: 80 + (i % 15),
      ability: 78 + (i % 17),
      diligence: 82,
      achievement: 75 + (i % 20),
      integrity: 88,
    },
  }));
}

function scoreBody(cadres: number, ballotsPer: number) {
  const groups = ["superior", "peer", "subordinate", "service"];
  const posts = ["principal", "deputy", "department_head", "technical", "staff"];
  const cs = Array.from({ length: cadres }, (_, i) => ({
    cadreId: `C${i}`,
    name: `干部${i}`,
    unit: `单位${i % 7}`,
    post: posts[i % 5]!,
  }));
  const ballots = cs.flatMap((c, ci) =>
    Array.from({ length: ballotsPer }, (_, b) => ({
      ballotId: `B${b}`,
      raterGroup: groups[b % 4]!,
      cadreId: c.cadreId,
      morality: 60 + ((ci * 31 + b * 7) % 40),
      ability: 60 + ((ci * 17 + b * 11) % 40),
      diligence: 60 + ((ci * 13 + b * 5) % 40),
      achievement: 60 + ((ci * 7 + b * 3) % 40),
      integrity: 70 + ((ci + b) % 30),
      gradeVote: ["优秀", "称职", "称职", "基本称职", ""][b % 5],
    })),
  );
  return { policyId: "default", cadres: cs, ballots };
}

async function run(
  name: string,
  url: string,
  init: { method?: "GET" | "POST"; body?: string; token?: string },
  connections: number,
) {
  const load = (seconds: number) =>
    loadInChild({
      url,
      connections,
      duration: seconds,
      method: init.method ?? "GET",
      body: init.body,
      headers: {
        "content-type": "application/json",
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
    });
  // One unmeasured second first, for host and bare server alike: the JIT has compiled the path by then.
  await load(1);
  const result = await load(duration);
  const bad = result.non2xx + result.errors + result.timeouts;
  const row = {
    case: name,
    conns: connections,
    "req/s": Math.round(result.requests.average),
    "p50 ms": result.latency.p50,
    "p99 ms": result.latency.p99,
    requests: result.requests.total,
    "non-2xx/errors": bad,
    "body bytes": init.body?.length ?? 0,
  };
  return row;
}

const stack = await startStack({ inMemory: true });
try {
  const token = await stack.token("assessor");
  const api = stack.apiBase;
  const cases: [string, string, { method?: "GET" | "POST"; body?: string; token?: string }][] = [
    ["health", `${api}/health`, {}],
    [
      "verdict x1",
      `${api}/rules/verdict`,
      { method: "POST", body: JSON.stringify({ policyId: "default", items: verdictItems(1) }), token },
    ],
    [
      "verdict x1000",
      `${api}/rules/verdict`,
      { method: "POST", body: JSON.stringify({ policyId: "default", items: verdictItems(1000) }), token },
    ],
    [
      "verdict x1000 brief",
      `${api}/rules/verdict`,
      {
        method: "POST",
        body: JSON.stringify({ policyId: "default", items: verdictItems(1000), detail: "brief" }),
        token,
      },
    ],
    ["score 100x40", `${api}/score`, { method: "POST", body: JSON.stringify(scoreBody(100, 40)), token }],
  ];
  const verdictOne = cases[1]![2];
  const bare = await startBareServer({
    "/health": await (await fetch(`${api}/health`)).text(),
    "/verdict": await (
      await fetch(`${api}/rules/verdict`, {
        method: "POST",
        body: verdictOne.body,
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      })
    ).text(),
  });
  cases.push(["bare node:http health", `${bare.url}/health`, {}]);
  cases.push(["bare node:http verdict x1", `${bare.url}/verdict`, { method: "POST", body: verdictOne.body }]);
  const rows: Awaited<ReturnType<typeof run>>[] = [];
  try {
    for (const connections of [1, LOADED])
      for (const [name, url, init] of cases) rows.push(await run(name, url, init, connections));
  } finally {
    await bare.close();
  }
  // Scaling: the same verdict request at 1x, 4x and 10x its items (1 connection).
  const scaled = [];
  for (const n of [1000, 4000, 10_000])
    scaled.push(
      await run(
        `verdict x${n}`,
        `${api}/rules/verdict`,
        { method: "POST", body: JSON.stringify({ policyId: "default", items: verdictItems(n) }), token },
        1,
      ),
    );
  console.log(`kaoping bench/api — ${duration} s per case, node ${process.version}, local host + Azurite, loopback`);
  console.table(rows);
  console.log("scaling, verdict with full reasons, 1 connection:");
  console.table(
    scaled.map((r) => ({
      case: r.case,
      "p50 ms": r["p50 ms"],
      "p99 ms": r["p99 ms"],
      "p50 ms per 1,000 items": (r["p50 ms"] / (Number(r.case.slice(9)) / 1000)).toFixed(1),
    })),
  );
  const find = (name: string, conns: number) => rows.find((r) => r.case === name && r.conns === conns)!;
  for (const name of ["verdict x1000", "verdict x1000 brief"]) {
    const v = find(name, 1);
    console.log(`${name} p99 (1 connection): ${v["p99 ms"]} ms (target < 50 ms) ${v["p99 ms"] < 50 ? "OK" : "MISSED"}`);
  }
  for (const conns of [1, LOADED]) {
    const vsBare = find("health", conns)["req/s"] / find("bare node:http health", conns)["req/s"];
    const verdictVsBare = find("verdict x1", conns)["req/s"] / find("bare node:http verdict x1", conns)["req/s"];
    console.log(
      `host / bare node:http (${conns} connection${conns > 1 ? "s" : ""}): health ${vsBare.toFixed(2)}, verdict x1 ${verdictVsBare.toFixed(2)} (target health >= 0.20) ${vsBare >= 0.2 ? "OK" : "MISSED"}`,
    );
  }
  const ratio = find("verdict x1", LOADED)["req/s"] / find("health", LOADED)["req/s"];
  console.log(
    `verdict x1 / health throughput (${LOADED} connections): ${ratio.toFixed(2)} (target >= 0.50) ${ratio >= 0.5 ? "OK" : "MISSED"}`,
  );
} finally {
  await stack.stop();
}
