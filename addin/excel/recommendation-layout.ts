/** How an announcement is laid out for print, as a plan the Excel layer applies. Pure. */
import { announcementRows, type Announcement } from "../../shared/index.ts";
import { columnLetters } from "./a1.ts";

export interface PrintPlan {
  rows: (string | number)[][];
  width: number;
  /** 0-based rows merged across the table's width (title, lines, notes, signatures). */
  mergedRows: number[];
  tableAt: number;
  flaggedRows: number[];
  printArea: string;
  orientation: "Portrait" | "Landscape";
  paper: "A4";
  fitToOnePage: true;
}

export function printPlan(a: Announcement): PrintPlan {
  const { rows, tableAt, notesAt } = announcementRows(a);
  const width = a.header.length;
  const mergedRows = rows.flatMap((r, i) => ((i < tableAt || i >= notesAt) && r.length > 0 ? [i] : []));
  return {
    rows: rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => "")]),
    width,
    mergedRows,
    tableAt,
    flaggedRows: a.flagged.map((i) => tableAt + 1 + i),
    printArea: `A1:${columnLetters(width - 1)}${rows.length}`,
    orientation: width > 6 ? "Landscape" : "Portrait",
    paper: "A4",
    fitToOnePage: true,
  };
}
