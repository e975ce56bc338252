import ExcelJS from "exceljs";
import { surveyRows, type SurveyTablesSpec } from "./survey.ts";

/** A survey workbook as a paper form is typed in: a title row, then the bilingual header. */
export async function surveyWorkbook(spec: SurveyTablesSpec, year: string): Promise<Buffer> {
  const { items, answers } = surveyRows(spec);
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, rows: (string | number)[][], title: string) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([title]).font = { bold: true, size: 13 };
    ws.addRow(rows[0]!).font = { bold: true };
    for (const r of rows.slice(1)) ws.addRow(r);
    ws.columns.forEach((c) => (c.width = 22));
  };
  sheet("评议项目 Items", items, `${year} 年度选人用人工作民主评议：评议项目`);
  sheet("评议票 Answers", answers, `${year} 年度选人用人工作民主评议：评议票（每人每项一行）`);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
