/// <reference types="office-js" />
/** Finding our sheets by their Chinese or English names, and reading a sheet's header window. */
import { sheetMissing } from "./errors.ts";

/** First existing sheet among the candidate names, per group; one sync for all groups. */
export async function findSheets(
  context: Excel.RequestContext,
  groups: readonly (readonly string[])[],
): Promise<({ name: string; ws: Excel.Worksheet } | null)[]> {
  const lookups = groups.map((names) =>
    names.map((name) => ({ name, ws: context.workbook.worksheets.getItemOrNullObject(name) })),
  );
  await context.sync();
  return lookups.map((list) => list.find((l) => !l.ws.isNullObject) ?? null);
}

export async function requireSheets(
  context: Excel.RequestContext,
  groups: readonly (readonly string[])[],
): Promise<{ name: string; ws: Excel.Worksheet }[]> {
  const found = await findSheets(context, groups);
  return found.map((f, i) => {
    if (!f) throw sheetMissing(groups[i]!);
    return f;
  });
}

/** Where headers are looked for when marking or selecting: the top rows, enough columns for any template. */
export const HEADER_WINDOW = { rows: 10, cols: 80 };
