import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { InputError, EXIT } from "./errors.ts";

/** One printed slip: a one-time code of a rater group, and where the phone goes. */
export interface Slip {
  code: string;
  groupLabel: string;
  url: string;
}

export interface SlipSheet {
  title: string;
  slips: Slip[];
}

const COLS = 2;
const ROWS = 4;
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 28;

/** The system's Noto CJK font (fonts-noto-cjk, installed by scripts/setup.sh); PDF text needs its glyphs. */
export function cjkFont(): { file: string; family: string } {
  let file = "";
  try {
    file = execFileSync("fc-match", ["-f", "%{file}", "Noto Sans CJK SC"], { encoding: "utf8" }).trim();
  } catch {
    // fc-match missing: fall back to the usual Debian path below.
  }
  if (!file || !/CJK/i.test(file)) file = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
  if (!existsSync(file))
    throw new InputError(
      "service",
      {
        "zh-CN": "找不到中文字体 Noto Sans CJK SC，无法生成测评条；请安装 fonts-noto-cjk（scripts/setup.sh 会安装）",
        en: "the Chinese font Noto Sans CJK SC is missing, so slips cannot be made; install fonts-noto-cjk (scripts/setup.sh does)",
      },
      [],
      EXIT.input,
    );
  return { file, family: file.endsWith(".ttc") ? "NotoSansCJKsc-Regular" : "" };
}

const spaced = (code: string) =>
  [code.slice(0, 7), code.slice(7, 12), code.slice(12, 17), code.slice(17, 22), code.slice(22)].join("-");

/**
 * An A4 PDF: first a count sheet (slips per rater group, to check against what was issued), then
 * eight slips a page with dashed cut lines, each with the meeting, the group, the QR code, the code
 * in text and a one-line instruction.
 */
export async function renderSlips(sheet: SlipSheet): Promise<Buffer> {
  const font = cjkFont();
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, info: { Title: `测评条 ${sheet.title}` } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  if (font.family) doc.registerFont("cjk", font.file, font.family);
  else doc.registerFont("cjk", font.file);
  doc.font("cjk");

  const counts = new Map<string, number>();
  for (const s of sheet.slips) counts.set(s.groupLabel, (counts.get(s.groupLabel) ?? 0) + 1);
  doc.fontSize(18).text(`测评条清点单 Slip count`, { align: "center" });
  doc.moveDown(0.5).fontSize(13).text(sheet.title, { align: "center" });
  doc.moveDown(1.5).fontSize(12);
  for (const [label, n] of counts) doc.text(`${label}：${n} 张 slips`);
  doc.moveDown(0.5).text(`合计 Total：${sheet.slips.length} 张 slips`);
  doc
    .moveDown(1.5)
    .fontSize(10)
    .fillColor("#333")
    .text(
      "每张测评条上的码只能投一次票，且不记名。请随机发放，不要记录谁拿到哪一张。\nEach code votes once and anonymously. Hand the slips out at random and keep no record of who got which.",
    );

  const cellW = (A4.width - 2 * MARGIN) / COLS;
  const cellH = (A4.height - 2 * MARGIN) / ROWS;
  for (let i = 0; i < sheet.slips.length; i++) {
    const slot = i % (COLS * ROWS);
    if (slot === 0) {
      doc.addPage();
      drawCutLines(doc, cellW, cellH);
    }
    const s = sheet.slips[i]!;
    const x = MARGIN + (slot % COLS) * cellW;
    const y = MARGIN + Math.floor(slot / COLS) * cellH;
    const qr = await QRCode.toBuffer(s.url, { errorCorrectionLevel: "M", margin: 1, scale: 4 });
    const pad = 12;
    const qrSize = 110;
    const top = y + pad + 22;
    doc
      .fillColor("#000")
      .fontSize(11)
      .text(sheet.title, x + pad, y + pad, { width: cellW - 2 * pad, height: 16, ellipsis: true });
    doc.image(qr, x + pad, top, { width: qrSize, height: qrSize });
    const textX = x + pad + qrSize + 10;
    const textW = cellW - 2 * pad - qrSize - 10;
    doc
      .fontSize(9)
      .fillColor("#333")
      .text("测评主体 Rater group", textX, top + 2, { width: textW });
    doc
      .fontSize(15)
      .fillColor("#000")
      .text(s.groupLabel, textX, top + 16, { width: textW });
    doc
      .fontSize(9)
      .text(
        "用手机扫码投票，每码一次，不记名。\nScan to vote on your phone: one vote per code, anonymous.",
        textX,
        top + 44,
        {
          width: textW,
        },
      );
    doc
      .fontSize(9)
      .fillColor("#333")
      .text("测评码 Code", x + pad, top + qrSize + 6, { width: 60 });
    doc
      .font("Courier-Bold")
      .fontSize(9.5)
      .fillColor("#000")
      .text(spaced(s.code), x + pad + 62, top + qrSize + 6, {
        lineBreak: false,
        width: cellW - 2 * pad - 62,
      });
    doc.font("cjk");
  }
  doc.end();
  return done;
}

function drawCutLines(doc: PDFKit.PDFDocument, cellW: number, cellH: number) {
  doc.save().lineWidth(0.5).strokeColor("#888").dash(4, { space: 3 });
  for (let c = 0; c <= COLS; c++)
    doc
      .moveTo(MARGIN + c * cellW, MARGIN)
      .lineTo(MARGIN + c * cellW, A4.height - MARGIN)
      .stroke();
  for (let r = 0; r <= ROWS; r++)
    doc
      .moveTo(MARGIN, MARGIN + r * cellH)
      .lineTo(A4.width - MARGIN, MARGIN + r * cellH)
      .stroke();
  doc.undash().restore();
}
