/** Writes the example inputs: `npx tsx examples/generate.ts` (assessment.xlsx, cadres.csv, ballots.csv). */
import { writeFile } from "node:fs/promises";
import { BILINGUAL_HEADERS, exampleTables } from "./tables.ts";
import { tablesToXlsx, tableToCsv } from "./write-tables.ts";

const here = (name: string) => new URL(name, import.meta.url);
const { cadres, ballots } = exampleTables();
await writeFile(
  here("assessment.xlsx"),
  await tablesToXlsx([
    { name: "干部名单 Cadres", table: { ...cadres, headers: BILINGUAL_HEADERS.cadres } },
    { name: "测评票 Ballots", table: { ...ballots, headers: BILINGUAL_HEADERS.ballots } },
  ]),
);
await writeFile(here("cadres.csv"), tableToCsv(cadres));
await writeFile(here("ballots.csv"), tableToCsv(ballots));
console.log(`examples: ${cadres.rows.length} cadres, ${ballots.rows.length} ballot rows`);
