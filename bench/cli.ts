/**
 * The whole `kaoping score` process beside a plain-Python reference (csv + exact fractions) on the same CSV
 * files, at 1x, 4x and 10x of 5,000 cadres x 50 ballots (1.25 M ratings), plus start-up (`--help` beside
 * `node -e 0`). Wall time and peak RSS come from GNU time.
 * Run: npx tsx bench/cli.ts [--scales 1,4,10]   (needs `npm run build`: the command runs compiled JS)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { DEFAULT_POLICY, DIMENSIONS } from "../shared/index.ts";
import { generate } from "./generate.ts";

const root = new URL("..", import.meta.url).pathname;
const scalesAt = process.argv.indexOf("--scales");
const scales = (scalesAt > 0 ? process.argv[scalesAt + 1]! : "1,4,10").split(",").map(Number);

/** Runs a command under GNU time; returns wall seconds and peak RSS in MiB. */
function timed(cmd: string, args: string[]): { seconds: number; mib: number } {
  const run = spawnSync("/usr/bin/time", ["-f", "%e %M", cmd, ...args], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 1 << 30,
  });
  const out = run.stderr.toString();
  if (run.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${out}`);
  const [seconds, kb] = out.trim().split("\n").pop()!.split(" ").map(Number);
  return { seconds: seconds!, mib: kb! / 1024 };
}

const best = (runs: { seconds: number; mib: number }[]) => ({
  seconds: Math.min(...runs.map((r) => r.seconds)),
  mib: Math.max(...runs.map((r) => r.mib)),
});

const dir = mkdtempSync(join(tmpdir(), "kaoping-bench-cli-"));
try {
  const help = best([1, 2, 3].map(() => timed(process.execPath, ["bin/kaoping.js", "--help"])));
  const bare = best([1, 2, 3].map(() => timed(process.execPath, ["-e", "0"])));
  console.log(
    `start-up: kaoping --help ${help.seconds.toFixed(2)} s, node -e 0 ${bare.seconds.toFixed(2)} s, ratio ${(help.seconds / bare.seconds).toFixed(2)}x (target <= 3x)`,
  );
  writeFileSync(join(dir, "policy.json"), JSON.stringify(DEFAULT_POLICY));
  console.log("scale  ratings     kaoping s  kaoping MiB  python s  python MiB  time ratio  memory ratio");
  for (const scale of scales) {
    const { cadres, ballots } = generate(5_000 * scale, 50);
    const cadresCsv = join(dir, `cadres-${scale}.csv`);
    const ballotsCsv = join(dir, `ballots-${scale}.csv`);
    writeFileSync(cadresCsv, stringify(cadres, { header: true, columns: ["cadreId", "name", "unit", "post"] }));
    writeFileSync(
      ballotsCsv,
      stringify(ballots, { header: true, columns: ["ballotId", "raterGroup", "cadreId", ...DIMENSIONS, "gradeVote"] }),
    );
    const k = timed(process.execPath, [
      "bin/kaoping.js",
      "score",
      "--cadres",
      cadresCsv,
      "--ballots",
      ballotsCsv,
      "--json",
    ]);
    const p = timed("python3", ["bench/reference_score.py", cadresCsv, ballotsCsv, join(dir, "policy.json")]);
    console.log(
      [
        `${scale}x`.padEnd(6),
        String(ballots.length * DIMENSIONS.length).padEnd(11),
        k.seconds.toFixed(2).padStart(9),
        k.mib.toFixed(0).padStart(12),
        p.seconds.toFixed(2).padStart(9),
        p.mib.toFixed(0).padStart(11),
        `${(k.seconds / p.seconds).toFixed(2)}x`.padStart(11),
        `${(k.mib / p.mib).toFixed(2)}x`.padStart(13),
      ].join(" "),
    );
  }
  console.log("targets: time ratio <= 0.33x, memory ratio <= 3x; 10x within 4 GiB");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
