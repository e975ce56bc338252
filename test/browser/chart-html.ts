/**
 * The stand-in records a chart (type, source range, title) without drawing it: this draws what Excel
 * would from the same source cells, so a screenshot shows the chart the add-in asked for.
 */
export interface ChartView {
  type: string;
  title: string;
  /** The source block: header row (series names after the first cell), then one row per category. */
  values: (string | number | boolean)[][];
}

const COLORS = ["#2e75b6", "#5b9bd5", "#9dc3e6", "#f4b183", "#c55a11", "#70ad47", "#a9d18e", "#ffd966", "#bfbfbf"];
const esc = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch]!);

export function chartHtml(chart: ChartView): string {
  const [head, ...rows] = chart.values;
  const series = head!.slice(1).map(String);
  const num = (v: unknown) => (typeof v === "number" ? v : Number(v) || 0);
  const legend = series
    .map((s, i) => `<span class=key><i style="background:${COLORS[i % COLORS.length]}"></i>${esc(s)}</span>`)
    .join("");
  const stacked = chart.type.includes("Stacked");
  const max = stacked
    ? Math.max(1, ...rows.map((r) => r.slice(1).reduce<number>((a, v) => a + num(v), 0)))
    : Math.max(1, ...rows.flatMap((r) => r.slice(1).map(num)));
  const bars = rows
    .map((r) => {
      const segs = r
        .slice(1)
        .map((v, i) => {
          const w = (num(v) / max) * 100;
          const body = stacked ? "" : `<b>${num(v).toFixed(2)}</b>`;
          return `<span class="seg${stacked ? "" : " own"}" style="width:${w}%;background:${COLORS[i % COLORS.length]}" title="${esc(series[i]!)}: ${num(v)}">${body}</span>`;
        })
        .join(stacked ? "" : "<br>");
      return `<div class=bar><div class=cat>${esc(String(r[0]))}</div><div class=track>${segs}</div></div>`;
    })
    .join("");
  return `<figure class=chart><figcaption>${esc(chart.title)} <small>(${esc(chart.type)})</small></figcaption>${bars}<div class=legend>${legend}</div></figure>`;
}

export const CHART_CSS = `
  .chart { margin: 16px 0 0; padding: 10px 12px; border: 1px solid #d4d4d4; width: 760px; background: #fff; }
  .chart figcaption { font-weight: 600; margin-bottom: 8px; }
  .bar { display: flex; align-items: center; margin: 3px 0; }
  .cat { width: 230px; font-size: 11px; padding-right: 8px; text-align: right; }
  .track { flex: 1; }
  .seg { display: inline-block; height: 14px; vertical-align: middle; }
  .seg.own { height: 12px; margin: 1px 0; color: #fff; font-size: 10px; text-align: right; }
  .seg.own b { padding-right: 3px; font-weight: 400; }
  .legend { margin-top: 8px; font-size: 11px; }
  .key { margin-right: 10px; } .key i { display: inline-block; width: 10px; height: 10px; margin-right: 3px; }
`;
