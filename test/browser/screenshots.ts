/** Where the browser tests put their screenshots: docs/screenshots/ only when asked for ("1" or "true"). */
import { fileURLToPath } from "node:url";

export const updatesDocs = (value: string | undefined): boolean => value === "1" || value?.toLowerCase() === "true";

export const screenshotDir = (value = process.env.UPDATE_SCREENSHOTS): string =>
  fileURLToPath(
    new URL(updatesDocs(value) ? "../../docs/screenshots/" : "../../test-output/screenshots/", import.meta.url),
  );
