/**
 * Generic header detection: which row of a table is its header and which column holds each field.
 * Used for the assessment workbook and reusable for any other table (survey items, answers ...).
 */
import { TableError } from "./errors.ts";
import { foldLabel } from "./han.ts";
import { cellAsText, isBlankCell, type RawTable } from "./raw.ts";

/** A column the reader knows: its JSON key, the Chinese names it may carry (the first is shown), whether required. */
export interface FieldSpec {
  key: string;
  aliases: readonly string[];
  required?: boolean;
}

/** How many rows from the top may hold title lines above the header. */
export const HEADER_SCAN_ROWS = 10;

/**
 * The words of a header: "测评主体 / raterGroup" -> 测评主体, ratergroup; "等次 Grade vote" also yields
 * "gradevote", so an English label written with spaces matches the key. Full-width, traditional and case folded.
 */
export function headerWords(header: string): Set<string> {
  const text = foldLabel(header);
  // Split on separators and at every switch between CJK and Latin text ("德Morality").
  const parts = text
    .replace(/(\p{Script=Han}+)/gu, " $1 ")
    .split(/[\s/|:()[\]{}<>,;，；：（）【】、_\-.。*＊]+/u)
    .filter(Boolean);
  const words = new Set(parts);
  const latin = parts.filter((p) => /^[a-z0-9]+$/.test(p)).join("");
  if (latin) words.add(latin);
  return words;
}

/** The field a header cell names, or undefined. */
export function fieldOfHeader<F extends FieldSpec>(header: string, fields: readonly F[]): F | undefined {
  if (!header.trim()) return undefined;
  const words = headerWords(header);
  return fields.find((f) => words.has(f.key.toLowerCase()) || f.aliases.some((a) => words.has(foldLabel(a))));
}

/** "编号（cadreId）" or, with more names, "等次（gradeVote；也可写 测评等次、等级）". */
export function fieldName(f: FieldSpec): { "zh-CN": string; en: string } {
  const [first, ...more] = f.aliases;
  return {
    "zh-CN": more.length ? `${first}（${f.key}；也可写 ${more.join("、")}）` : `${first}（${f.key}）`,
    en: more.length ? `${f.key} (${first}; also ${more.join(", ")})` : `${f.key} (${first})`,
  };
}

/** Spreadsheet column letters of a 0-based column: 0 -> A, 27 -> AB. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export interface HeaderMap {
  /** Position of the header in table.rows. */
  index: number;
  /** The header's sheet row number. */
  row: number;
  /** field key -> 0-based column of the table. */
  columns: Map<string, number>;
  /** The non-empty header texts, in column order. */
  headers: string[];
  /** Headers that name no known field, so the caller can say they were not read. */
  ignored: string[];
}

const texts = (cells: readonly unknown[]) => cells.map((c) => cellAsText(c as never).trim());

function matches(cells: readonly string[], fields: readonly FieldSpec[]) {
  const found: { col: number; field: FieldSpec; header: string }[] = [];
  cells.forEach((header, col) => {
    const field = fieldOfHeader(header, fields);
    if (field) found.push({ col, field, header });
  });
  return found;
}

/**
 * Finds the header among the first rows (title rows above it are allowed) and maps each field to its column.
 * A required field that is missing, a field named twice, a merged or a two-row header is a TableError whose
 * message says what to change. `firstColumn` is the sheet column of cells[0], for column letters in messages.
 */
export function locateHeader(table: RawTable, fields: readonly FieldSpec[], firstColumn = 0): HeaderMap {
  const required = fields.filter((f) => f.required);
  const top = table.rows.slice(0, HEADER_SCAN_ROWS);
  let best = -1;
  let bestCount = 0;
  top.forEach((r, i) => {
    const count = new Set(matches(texts(r.cells), fields).map((m) => m.field.key)).size;
    if (count > bestCount) [best, bestCount] = [i, count];
  });
  const letter = (col: number) => columnLetter(col + firstColumn);
  const sheet = table.sheet;
  const names = (list: readonly FieldSpec[]) => ({
    zh: list.map((f) => fieldName(f)["zh-CN"]).join("、"),
    en: list.map((f) => fieldName(f).en).join(", "),
  });

  if (best < 0 || bestCount < Math.min(2, required.length || 1)) {
    const first = top.find((r) => r.cells.some((c) => !isBlankCell(c)));
    const shown = first
      ? texts(first.cells)
          .filter(Boolean)
          .map((h) => `「${h}」`)
          .join(" ")
      : "（无 none）";
    const need = names(required);
    throw new TableError(
      "missing_header",
      {
        "zh-CN": `「${sheet}」前 ${HEADER_SCAN_ROWS} 行中找不到表头（须含 ${need.zh}）。${first ? `第 ${first.row} 行为：${shown}` : "工作表为空"}`,
        en: `${sheet}: no header row in the first ${HEADER_SCAN_ROWS} rows (it needs ${need.en}). ${first ? `Row ${first.row} holds: ${shown}` : "The sheet is empty"}`,
      },
      [],
      { sheet, columns: required.map((f) => f.key) },
    );
  }

  const headerRow = top[best]!;
  const cells = texts(headerRow.cells);
  const found = matches(cells, fields);
  const columns = new Map<string, number>();
  for (const m of found) {
    const earlier = columns.get(m.field.key);
    if (earlier !== undefined) {
      const n = fieldName(m.field);
      throw new TableError(
        "duplicate_header",
        {
          "zh-CN": `「${sheet}」第 ${headerRow.row} 行：${letter(earlier)} 列「${cells[earlier]}」和 ${letter(m.col)} 列「${m.header}」都是 ${n["zh-CN"]}，请只保留一列`,
          en: `${sheet} row ${headerRow.row}: columns ${letter(earlier)} ("${cells[earlier]}") and ${letter(m.col)} ("${m.header}") both hold ${n.en}; keep only one`,
        },
        [],
        { sheet, row: headerRow.row, columns: [m.field.key] },
      );
    }
    columns.set(m.field.key, m.col);
  }
  const headers = cells.filter(Boolean);
  const missing = required.filter((f) => !columns.has(f.key));
  if (missing.length > 0) throw missingColumns(table, best, cells, missing, letter);
  const matched = new Set(found.map((m) => m.col));
  const ignored = cells.filter((h, col) => h && !matched.has(col));
  return { index: best, row: headerRow.row, columns, headers, ignored };
}

function missingColumns(
  table: RawTable,
  best: number,
  cells: string[],
  missing: FieldSpec[],
  letter: (col: number) => string,
): TableError {
  const sheet = table.sheet;
  const headerRow = table.rows[best]!;
  const need = {
    zh: missing.map((f) => fieldName(f)["zh-CN"]).join("、"),
    en: missing.map((f) => fieldName(f).en).join(", "),
  };
  const where = { sheet, row: headerRow.row, columns: missing.map((f) => f.key) };
  // Two-row header: the missing names sit in the row just below (or above) the header row.
  for (const other of [table.rows[best + 1], table.rows[best - 1]]) {
    if (!other || Math.abs(other.row - headerRow.row) !== 1) continue;
    const below = matches(texts(other.cells), missing);
    if (below.length === 0) continue;
    const [a, b] = [Math.min(other.row, headerRow.row), Math.max(other.row, headerRow.row)];
    return new TableError(
      "two_row_header",
      {
        "zh-CN": `「${sheet}」的表头占了第 ${a} 和第 ${b} 两行（${need.zh} 在另一行）：请取消合并单元格，把每列的表头写在同一行，再删除标题行中多出的一行`,
        en: `${sheet}: the header spans rows ${a} and ${b} (${need.en} is on the other row): unmerge the cells, put every column's header on one row, then delete the extra header row`,
      },
      [],
      where,
    );
  }
  // Merged header: Excel keeps a merged cell's text in its first cell, so the cells it covers read as empty.
  const last = cells.reduce((end, h, col) => (h ? col : end), -1);
  const gaps = cells.map((h, col) => (!h && col < last ? col : -1)).filter((col) => col >= 0);
  if (gaps.length > 0) {
    const cols = gaps.map(letter).join("、");
    const colsEn = gaps.map(letter).join(", ");
    return new TableError(
      "merged_header",
      {
        "zh-CN": `「${sheet}」第 ${headerRow.row} 行的 ${cols} 列表头为空（可能是合并单元格），缺少 ${need.zh}：请取消合并单元格，每列写一个表头`,
        en: `${sheet} row ${headerRow.row}: the header of column(s) ${colsEn} is empty (merged cells?) and ${need.en} is missing: unmerge the cells and give every column its own header`,
      },
      [],
      where,
    );
  }
  const shown =
    cells
      .filter(Boolean)
      .map((h) => `「${h}」`)
      .join(" ") || "（无 none）";
  return new TableError(
    "missing_header",
    {
      "zh-CN": `「${sheet}」缺少必需的列：${need.zh}。第 ${headerRow.row} 行的表头为：${shown}；请添加该列（表头可写中文、英文或两者，如「德 Morality」）`,
      en: `${sheet} is missing required column(s): ${need.en}. Headers found in row ${headerRow.row}: ${shown}; add the column (headers may be Chinese, English or both, e.g. "德 Morality")`,
    },
    [],
    where,
  );
}

/** The records under the header: wholly empty rows are layout, not data; any other row is kept to be reported. */
export function dataRows(table: RawTable, header: HeaderMap) {
  return table.rows.slice(header.index + 1).filter((r) => r.cells.some((c) => !isBlankCell(c)));
}

/** A sheet among `existing` whose name is one of `wanted` ("干部名单", "Cadres", "干部名单 Cadres", " 幹部名單 "). */
export function findSheetName(existing: readonly string[], wanted: readonly string[]): string | undefined {
  const targets = wanted.map(foldLabel);
  const exact = existing.find((name) => targets.includes(foldLabel(name).replace(/\s+/g, "")));
  return exact ?? existing.find((name) => targets.some((t) => headerWords(name).has(t)));
}

/** The refusal when a sheet is not found: the names looked for and the sheets that exist. */
export function sheetNotFound(book: string, wanted: readonly string[], existing: readonly string[]): TableError {
  const list = existing.map((s) => `「${s}」`).join(" ") || "（无 none）";
  const zh = wanted.filter((w) => /\p{Script=Han}/u.test(w));
  const en = wanted.filter((w) => !/\p{Script=Han}/u.test(w));
  return new TableError(
    "missing_sheet",
    {
      "zh-CN": `「${book}」中没有名为「${[...zh, ...en].join("」或「")}」的工作表（也可写作「${zh[0] ?? wanted[0]} ${en[0] ?? ""}」）。现有工作表：${list}`,
      en: `${book} has no sheet named ${[...en, ...zh].join(" or ")} (or "${zh[0] ?? wanted[0]} ${en[0] ?? ""}"). Sheets found: ${list}`,
    },
    [],
    { sheet: wanted[0] ?? "" },
  );
}
