/** The 扫码测评 page's own styles (kept beside it, so the pane's stylesheet is untouched), print layout included. */
export const BALLOTS_STYLE = `
[data-testid="page-ballots"] .ballots-check { display: flex; gap: 8px; align-items: center; margin: 8px 0; }
[data-testid="page-ballots"] select { min-height: 32px; }
[data-testid="ballots-quorum"].ok { color: #0b6a3a; font-weight: 600; }
[data-testid="ballots-quorum"].warning { color: #a4262c; font-weight: 600; }
.slip-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 0; }
.slip { border: 1px dashed #888; padding: 8px; break-inside: avoid; font-size: 12px; }
.slip-title { font-weight: 600; }
.slip-qr svg { width: 120px; height: 120px; }
.slip-code { font-family: ui-monospace, Consolas, monospace; font-weight: 600; overflow-wrap: anywhere; }
@media print {
  body * { visibility: hidden; }
  .slips, .slips * { visibility: visible; }
  .slips { position: absolute; left: 0; top: 0; width: 100%; }
  .slips h3, .slips fluent-button { display: none; }
  .slip-grid { grid-template-columns: repeat(2, 1fr); }
  @page { size: A4; margin: 10mm; }
}
`;
