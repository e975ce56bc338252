/** The scored workbook's sheets, defined once for the exceljs and office.js renderers. */
export * from "./sheet-model.ts";
export * from "./results-table.ts";
export * from "./policy-sheet.ts";
export * from "./issues-sheet.ts";
export * from "./feedback-sheet.ts";
export * from "./workbook.ts";
