/** Renders a stand-in sheet as an Excel-like HTML table, so a screenshot shows what the add-in wrote. */
import type { Page } from "playwright-core";

export interface SheetCell {
  r: number;
  c: number;
  value: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  fill?: string;
  bold?: boolean;
  color?: string;
}
export interface SheetDump {
  name: string;
  cells: SheetCell[];
  conditionalFormats: { address: string; formula?: string; fill?: string }[];
}

/** Reads one sheet of the page's stand-in (window.__standin) as plain data. */
export function dumpSheet(page: Page, name: string): Promise<SheetDump> {
  return page.evaluate((sheetName) => {
    const inspect = (
      window as unknown as {
        __standin: {
          sheet(n: string): {
            rows: Map<number, Map<number, Record<string, unknown>>>;
            conditionalFormats: { address: string; formula?: string; fill?: string }[];
          };
        };
      }
    ).__standin;
    const s = inspect.sheet(sheetName);
    const cells: SheetCell[] = [];
    for (const [r, cols] of s.rows)
      for (const [c, d] of cols)
        cells.push({
          r,
          c,
          value: d.value as SheetCell["value"],
          formula: d.formula as string | undefined,
          numberFormat: d.numberFormat as string | undefined,
          fill: d.fill as string | undefined,
          bold: d.fontBold as boolean | undefined,
          color: d.fontColor as string | undefined,
        });
    return {
      name: sheetName,
      cells,
      conditionalFormats: s.conditionalFormats.map((f) => ({ address: f.address, formula: f.formula, fill: f.fill })),
    };
  }, name);
}

const letters = (c: number): string =>
  c < 26 ? String.fromCharCode(65 + c) : letters(Math.floor(c / 26) - 1) + letters(c % 26);
const columnOf = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
const escape = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch]!);

function display(cell: SheetCell | undefined): string {
  if (!cell) return "";
  const v = cell.value;
  if (typeof v === "number" && cell.numberFormat === "0.00") return v.toFixed(2);
  if (typeof v === "number" && cell.numberFormat === "0.00%") return `${(v * 100).toFixed(2)}%`;
  return String(v);
}

/**
 * Fills from the sheet's conditional formats of the form =$X5="text" (the grade rules the add-in writes),
 * evaluated here because the stand-in records rules without evaluating them.
 */
function conditionalFills(dump: SheetDump, at: (r: number, c: number) => SheetCell | undefined): Map<string, string> {
  const fills = new Map<string, string>();
  for (const f of dump.conditionalFormats) {
    const rule = /^=\$([A-Z]+)\$?(\d+)="(.*)"$/.exec(f.formula ?? "");
    const box = /^(?:.*!)?\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(f.address);
    if (!rule || !box || !f.fill) continue;
    const [c0, r0, c1, r1] = [columnOf(box[1]!), Number(box[2]) - 1, columnOf(box[3]!), Number(box[4]) - 1];
    const keyCol = columnOf(rule[1]!);
    for (let r = r0; r <= r1; r++)
      if (String(at(r, keyCol)?.value ?? "") === rule[3]!.replace(/""/g, '"'))
        for (let c = c0; c <= c1; c++) fills.set(`${r},${c}`, f.fill);
  }
  return fills;
}

/** The sheet's first `columns` columns and all its rows, with Excel's row numbers and column letters. */
export function sheetHtml(dump: SheetDump, columns: number, caption: string): string {
  const byKey = new Map(dump.cells.map((c) => [`${c.r},${c.c}`, c]));
  const at = (r: number, c: number) => byKey.get(`${r},${c}`);
  const rows = Math.max(...dump.cells.filter((c) => c.c < columns).map((c) => c.r)) + 1;
  const fills = conditionalFills(dump, at);
  const head = `<tr><th></th>${Array.from({ length: columns }, (_, c) => `<th>${letters(c)}</th>`).join("")}</tr>`;
  const lone = (r: number) =>
    Array.from({ length: columns - 1 }, (_, k) => at(r, k + 1)).every((c) => c === undefined || c.value === "");
  const body = Array.from({ length: rows }, (_, r) => {
    // A title line (only column A filled) spills across its empty neighbours, as in Excel.
    if (lone(r)) {
      const cell = at(r, 0);
      const style = [cell?.bold ? "font-weight:600" : "", cell?.color ? `color:${cell.color}` : ""]
        .filter(Boolean)
        .join(";");
      return `<tr><th>${r + 1}</th><td class=title colspan=${columns}${style ? ` style="${style}"` : ""}>${escape(display(cell))}</td></tr>`;
    }
    const tds = Array.from({ length: columns }, (_, c) => {
      const cell = at(r, c);
      const fill = fills.get(`${r},${c}`) ?? cell?.fill ?? (cell?.bold ? "#eef3fa" : undefined);
      const style = [
        cell?.bold ? "font-weight:600" : "",
        cell?.color ? `color:${cell.color}` : "",
        fill ? `background:${fill}` : "",
      ]
        .filter(Boolean)
        .join(";");
      return `<td${typeof cell?.value === "number" ? " class=num" : ""}${style ? ` style="${style}"` : ""}>${escape(display(cell))}</td>`;
    });
    return `<tr><th>${r + 1}</th>${tds.join("")}</tr>`;
  }).join("\n");
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>${escape(dump.name)}</title>
<style>
  body { margin: 12px; font: 12px "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #242424; }
  caption { text-align: left; font-size: 14px; font-weight: 600; padding: 4px 0 8px; }
  table { border-collapse: collapse; }
  th { background: #f3f3f3; color: #616161; font-weight: 400; border: 1px solid #d4d4d4; padding: 2px 6px; }
  td { border: 1px solid #e1e1e1; padding: 3px 6px; vertical-align: top; max-width: 260px; }
  td.num { text-align: right; white-space: nowrap; }
  td.title { max-width: none; }
  td:last-child { min-width: 420px; max-width: 520px; }
</style>
<table><caption>${escape(caption)}</caption>${head}
${body}</table></html>`;
}
