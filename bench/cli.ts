/**
 * The whole `kaoping score` process beside a plain-Python reference (csv + exact fractions) on the same CSV
 * files, at 1x, 4x and 10x of 5,000 cadres x 50 ballots (1.25 M ratings), plus start-up (`--help` beside
 * `node -e 0`). Wall time and peak RSS come from GNU time. The same tables as one .xlsx workbook are timed too
 * (no reference: the Python one reads CSV).
 * Run: npx tsx bench/cli.ts [--scales 1,4,10]   (needs `npm run build`: the command runs compiled JS)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { DEFAULT_POLICY, DIMENSIONS, type BallotRow, type CadreRow } from "../shared/index.ts";
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

async function writeWorkbook(path: string, cadres: CadreRow[], ballots: BallotRow[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const c = wb.addWorksheet("干部名单");
  c.addRow(["编号", "姓名", "单位", "岗位类别"]).commit();
  for (const x of cadres) c.addRow([x.cadreId, x.name, x.unit, x.post]).commit();
  c.commit();
  const b = wb.addWorksheet("测评票");
  b.addRow(["票号", "测评主体", "编号", "德", "能", "勤", "绩", "廉", "等次"]).commit();
  for (const x of ballots)
    b.addRow([x.ballotId, x.raterGroup, x.cadreId, ...DIMENSIONS.map((d) => x[d]), x.gradeVote ?? null]).commit();
  b.commit();
  await wb.commit();
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
  console.log(
    "scale  ratings     kaoping s  kaoping MiB  python s  python MiB  time ratio  memory ratio  | xlsx input: s  MiB",
  );
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
    // The same tables as one workbook (shared strings, as Excel writes): the streamed workbook reader.
    const workbook = join(dir, `assessment-${scale}.xlsx`);
    await writeWorkbook(workbook, cadres, ballots);
    const x = timed(process.execPath, ["bin/kaoping.js", "score", workbook, "--json"]);
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
        ` | ${x.seconds.toFixed(2).padStart(13)}`,
        x.mib.toFixed(0).padStart(4),
      ].join(" "),
    );
  }
  console.log("targets: time ratio <= 0.33x, memory ratio <= 3x; 10x within 4 GiB");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
