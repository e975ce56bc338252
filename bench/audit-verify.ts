/**
 * audit/verify at size (issue 8 item 18): a full verification (every entry's keyed hash, every
 * policy and sheet re-hashed, every blob read) against an incremental one from the last signed
 * checkpoint, and the time of one page of GET /api/audit and GET /api/sheets.
 * Run: npx tsx bench/audit-verify.ts   (SHEETS=number of sheets, default 1360)
 */
import { startStack } from "../test/integration/harness.ts";

const SHEETS = Number(process.env.SHEETS ?? 1360);
const stack = await startStack({ inMemory: true });
try {
  const cadres = [{ cadreId: "C1", name: "张三", unit: "局", post: "staff" }];
  const result = await (
    await stack.call("assessor", "/score", { method: "POST", json: { policyId: "default", cadres, ballots: [] } })
  ).json();
  let next = 0;
  const worker = async () => {
    while (next < SHEETS) {
      const i = next++;
      const res = await stack.call("assessor", "/sheets", {
        method: "POST",
        json: { unit: `单位${i}`, period: "2026", result },
      });
      if (res.status !== 201) throw new Error(`submit ${i}: ${res.status} ${await res.text()}`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  const time = async (label: string, path: string, init?: RequestInit) => {
    const t = performance.now();
    const res = await stack.call("hr", path, init);
    const body = await res.json();
    const ms = performance.now() - t;
    console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms  ${JSON.stringify(body).slice(0, 90)}`);
  };
  console.log(
    `kaoping bench/audit-verify — ${SHEETS} sheets, node ${process.version}, local host + Azurite (in memory)`,
  );
  await time("GET /api/audit/verify?full=true", "/audit/verify?full=true");
  await time("POST /api/audit/checkpoints", "/audit/checkpoints", { method: "POST" });
  for (let i = 0; i < 10; i++)
    await stack.call("assessor", "/sheets", { method: "POST", json: { unit: `后续${i}`, period: "2026", result } });
  await time("GET /api/audit/verify (10 entries after checkpoint)", "/audit/verify");
  await time("GET /api/audit?limit=200 (one page)", "/audit?limit=200");
  await time("GET /api/sheets?limit=200 (one page)", "/sheets?limit=200");
} finally {
  await stack.stop();
}
