/** The results workbook of a recommendation, rounds or decision: one A4 announcement sheet each, then details. */
import ExcelJS from "exceljs";
import {
  announcementRows,
  type Announcement,
  type DecisionResult,
  type RecommendationResult,
  type RoundsResult,
  type PostResult,
} from "../shared/index.ts";

const FLAG_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } };

/** An announcement laid out to print on one A4 page: title, lines, bordered table, notes, signature line. */
export function writeAnnouncement(wb: ExcelJS.Workbook, a: Announcement): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(a.sheet);
  const { rows, tableAt, notesAt } = announcementRows(a);
  const width = a.header.length;
  rows.forEach((r) => ws.addRow(r));
  ws.mergeCells(1, 1, 1, width);
  const title = ws.getCell(1, 1);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: "center" };
  for (let r = 2; r <= rows.length; r++) {
    if (r - 1 < tableAt || r - 1 >= notesAt) {
      ws.mergeCells(r, 1, r, width);
      ws.getCell(r, 1).alignment = { wrapText: true, vertical: "top" };
    }
  }
  for (let r = tableAt + 1; r <= tableAt + 1 + a.rows.length; r++) {
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      cell.border = { top: thin, left: thin, bottom: thin, right: thin };
      // Headers wrap (two languages); figures stay on one line so they never spill into the row below.
      const wrap = r === tableAt + 1 || c === width;
      cell.alignment = { wrapText: wrap, vertical: "middle", horizontal: c <= 2 ? "left" : "center" };
      if (r === tableAt + 1) cell.font = { bold: true };
    }
  }
  // Bilingual headers wrap onto two lines: give the header row the height for them.
  ws.getRow(tableAt + 1).height = 32;
  for (const i of a.flagged) for (let c = 1; c <= width; c++) ws.getCell(tableAt + 2 + i, c).fill = FLAG_FILL;
  ws.columns.forEach((col, i) => (col.width = i === 0 ? 8 : i === width - 1 ? 34 : i === 1 ? 14 : 19));
  // Merged note rows do not grow on their own: give long lines room for wrapping.
  for (let r = 2; r <= rows.length; r++) {
    const first = rows[r - 1]?.[0];
    if ((r - 1 < tableAt || r - 1 >= notesAt) && typeof first === "string" && first.length > 50)
      ws.getRow(r).height = 15 * Math.ceil(first.length / 50);
  }
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: width > 6 ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 1,
    horizontalCentered: true,
    margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    printArea: `A1:${String.fromCharCode(64 + width)}${rows.length}`,
  };
  return ws;
}

function tallySheet(wb: ExcelJS.Workbook, name: string, posts: { title: string; post: PostResult }[]) {
  const ws = wb.addWorksheet(name);
  for (const { title, post } of posts) {
    ws.addRow([title]).font = { bold: true };
    ws.addRow([
      "姓名 Name",
      "得票 Votes",
      "比例 Fraction",
      "得票率 Share",
      "排名用得票率 Ranking share",
      "结果 Status",
      "理由 Reasons",
    ]).font = { bold: true };
    for (const c of post.candidates)
      ws.addRow([
        c.name,
        c.votes,
        c.fraction,
        `${c.percent}%`,
        c.share,
        c.status,
        c.reasons.map((r) => r.message["zh-CN"]).join("；"),
      ]);
    ws.addRow([]);
  }
  ws.columns.forEach((col, i) => (col.width = i === 6 ? 80 : 16));
  printWide(ws);
}

/** Detail sheets print one page wide, as many pages tall as they need. */
function printWide(ws: ExcelJS.Worksheet) {
  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

function invalidSheet(wb: ExcelJS.Workbook, invalid: RecommendationResult["invalid"]) {
  const ws = wb.addWorksheet("无效票 Invalid");
  ws.addRow(["行 Row", "票号 Ballot", "岗位 Post", "说明 Explanation"]).font = { bold: true };
  for (const b of invalid) ws.addRow([b.row, b.ballotId, b.post ?? "", `${b.message["zh-CN"]} | ${b.message.en}`]);
  ws.columns.forEach((col, i) => (col.width = i === 3 ? 90 : 12));
  printWide(ws);
}

export async function writeResultsWorkbook(
  announcements: Announcement[],
  details: { tallies?: { title: string; post: PostResult }[]; invalid?: RecommendationResult["invalid"] },
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "kaoping";
  for (const a of announcements) writeAnnouncement(wb, a);
  if (details.tallies?.length) tallySheet(wb, "计票明细 Tally", details.tallies);
  if (details.invalid?.length) invalidSheet(wb, details.invalid);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const recommendationDetails = (r: RecommendationResult) => ({
  tallies: r.posts.map((post) => ({ title: post.label, post })),
  invalid: r.invalid,
});
export const roundsDetails = (r: RoundsResult) => ({
  tallies: r.rounds.flatMap((x) => (x.tally ? [{ title: x.label, post: x.tally }] : [])),
  invalid: r.rounds.flatMap((x) => x.invalid),
});
export const decisionDetails = (_: DecisionResult) => ({});
