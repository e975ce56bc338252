/** Writes examples/survey-2025.xlsx and survey-2026.xlsx (deterministic): `npx tsx examples/generate-survey.ts`. */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { SURVEY_2025, SURVEY_2026 } from "./survey.ts";
import { surveyWorkbook } from "./write-survey.ts";

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
await writeFile(here("survey-2025.xlsx"), await surveyWorkbook(SURVEY_2025, "2025"));
await writeFile(here("survey-2026.xlsx"), await surveyWorkbook(SURVEY_2026, "2026"));
