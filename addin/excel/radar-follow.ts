/// <reference types="office-js" />
/** The radar chart follows the selection: selecting a row of 考核明细 puts that cadre's id in the radar's id cell. */
import { DETAIL_ID_HEADER } from "../../shared/report/index.ts";
import { SHEETS } from "./labels.ts";

export const RADAR_LABEL = "雷达图：输入编号 Radar: cadre ID";
/** The detail sheet's header is its first row. */
const HEADER_ROW = 0;
const ID_HEADER = DETAIL_ID_HEADER;
/** Columns read to find the table's width and the radar block beside it (any policy's groups fit). */
const TOP_COLUMNS = 200;

/** The first cell of an address such as "D7", "D7:F9" or "'考核结果'!D7", 0-based. Pure. */
export function firstCell(address: string): { row: number; col: number } | null {
  const m = /([A-Z]+)(\d+)/i.exec(address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/**
 * Where the selected cadre's id is and where it goes, from the sheet's top rows (title lines, header row).
 * Null when the selection is not a data cell of the table (the radar block itself, the title, the header).
 */
export function radarTarget(
  top: readonly (readonly unknown[])[],
  at: { row: number; col: number },
): { idCol: number; radarCol: number } | null {
  if (at.row <= HEADER_ROW) return null;
  const header = top[HEADER_ROW] ?? [];
  let width = 0;
  while (width < header.length && header[width] !== "" && header[width] !== null && header[width] !== undefined)
    width++;
  if (at.col >= width) return null;
  const idCol = header.indexOf(ID_HEADER);
  const label = (top[0] ?? []).indexOf(RADAR_LABEL);
  if (idCol < 0 || label < 0) return null;
  return { idCol, radarCol: label + 1 };
}

/** The selection handler: reads the selected row's id and writes it into the radar's id cell. */
export async function followSelection(event: { address: string; worksheetId: string }): Promise<void> {
  const at = firstCell(event.address);
  if (!at || at.row <= HEADER_ROW) return;
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(event.worksheetId);
    const top = ws.getRangeByIndexes(0, 0, HEADER_ROW + 1, TOP_COLUMNS).load("values");
    await context.sync();
    const target = radarTarget(top.values, at);
    if (!target) return;
    const idCell = ws.getRangeByIndexes(at.row, target.idCol, 1, 1).load("values");
    await context.sync();
    const id = idCell.values[0]?.[0];
    if (id === "" || id === null || id === undefined) return;
    ws.getRangeByIndexes(0, target.radarCol, 1, 1).values = [[id]];
    await context.sync();
  });
}

/** Registers the handler on a results sheet (Excel drops it with the sheet, so a rewritten sheet registers anew). */
export function followOn(ws: Excel.Worksheet): void {
  ws.onSelectionChanged.add(followSelection);
}

/** For a workbook opened with a 考核明细 sheet already in it: called when the pane starts. */
export async function watchResultsSelection(): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(SHEETS.detail);
    await context.sync();
    if (ws.isNullObject) return;
    followOn(ws);
    await context.sync();
  });
}
