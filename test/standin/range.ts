/** Range proxy of the stand-in: values, formulas, formats, validation, conditional formats, selection. */
import { boxAddress, quoteSheet, type Box } from "./address.ts";
import { ClientObject, StandinError, type StandinContext } from "./client.ts";
import {
  cellAt,
  cellFor,
  fireSelectionChanged,
  forEachCell,
  type CellData,
  type CellValue,
  type SheetState,
} from "./state.ts";

type Grid = unknown[][];

function gridOf(value: unknown, box: Box, what: string): Grid {
  // office.js broadcasts a single (non-array) value to every cell.
  if (!Array.isArray(value))
    return Array.from({ length: box.rows }, () => Array.from({ length: box.cols }, () => value));
  if (value.length !== box.rows || value.some((r) => !Array.isArray(r) || r.length !== box.cols)) {
    throw new StandinError(
      "InvalidArgument",
      `The number of rows or columns in the input array for ${what} doesn't match the size or dimensions of the range ${boxAddress(box)}.`,
    );
  }
  return value as Grid;
}

export class StandinRange extends ClientObject {
  constructor(
    context: StandinContext,
    readonly sheet: SheetState,
    readonly box: Box,
    private readonly worksheetOf: (s: SheetState) => unknown,
  ) {
    super(context, "Range");
  }

  protected readers(): Record<string, () => unknown> {
    const grid = (f: (c: CellData | undefined) => unknown) =>
      Array.from({ length: this.box.rows }, (_, r) =>
        Array.from({ length: this.box.cols }, (_, c) => f(cellAt(this.sheet, this.box.row + r, this.box.col + c))),
      );
    return {
      address: () => this.address,
      rowIndex: () => this.box.row,
      columnIndex: () => this.box.col,
      rowCount: () => this.box.rows,
      columnCount: () => this.box.cols,
      // Formulas are not evaluated: a formula cell's value reads as "".
      values: () => grid((c) => (c ? (c.formula !== undefined ? "" : c.value) : "")),
      formulas: () => grid((c) => (c ? (c.formula ?? c.value) : "")),
      numberFormat: () => grid((c) => c?.numberFormat ?? "General"),
      text: () => grid((c) => (c ? String(c.value) : "")),
    };
  }

  get address(): string {
    return `${quoteSheet(this.sheet.name)}!${boxAddress(this.box)}`;
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get text(): string[][] {
    return this.get("text");
  }
  get isNullObject(): boolean {
    return this.nullCheck(false);
  }
  get worksheet(): unknown {
    return this.worksheetOf(this.sheet);
  }

  get values(): CellValue[][] {
    return this.get("values");
  }
  set values(v: unknown) {
    const grid = gridOf(v, this.box, "values");
    this.context.queue(grid);
    this.writeGrid(grid, false);
    this.setLocal("values", grid);
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown) {
    const grid = gridOf(v, this.box, "formulas");
    this.context.queue(grid);
    this.writeGrid(grid, true);
    this.setLocal("formulas", grid);
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: unknown) {
    const grid = gridOf(v, this.box, "numberFormat");
    this.context.queue(grid);
    grid.forEach((row, r) =>
      row.forEach((f, c) => (cellFor(this.sheet, this.box.row + r, this.box.col + c).numberFormat = String(f))),
    );
  }

  private writeGrid(grid: Grid, formulas: boolean): void {
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = cellFor(this.sheet, this.box.row + r, this.box.col + c);
        if (typeof v === "string" && v.startsWith("=") && (formulas || v.length > 1)) {
          cell.formula = v;
          cell.value = "";
        } else {
          delete cell.formula;
          cell.value = v === null || v === undefined ? "" : (v as CellValue);
        }
      }),
    );
  }

  private sub(box: Box): StandinRange {
    return new StandinRange(this.context, this.sheet, box, this.worksheetOf);
  }
  getCell(row: number, col: number): StandinRange {
    return this.sub({ row: this.box.row + row, col: this.box.col + col, rows: 1, cols: 1 });
  }
  getResizedRange(dRows: number, dCols: number): StandinRange {
    return this.sub({ ...this.box, rows: this.box.rows + dRows, cols: this.box.cols + dCols });
  }
  getAbsoluteResizedRange(rows: number, cols: number): StandinRange {
    return this.sub({ ...this.box, rows, cols });
  }
  getOffsetRange(dRows: number, dCols: number): StandinRange {
    return this.sub({ ...this.box, row: this.box.row + dRows, col: this.box.col + dCols });
  }
  getRow(i: number): StandinRange {
    return this.sub({ ...this.box, row: this.box.row + i, rows: 1 });
  }
  getColumn(i: number): StandinRange {
    return this.sub({ ...this.box, col: this.box.col + i, cols: 1 });
  }

  select(): void {
    this.context.queue(["select", this.address]);
    this.context.state.activeSheetId = this.sheet.id;
    this.context.state.selection = { sheetId: this.sheet.id, address: boxAddress(this.box) };
    // Excel raises the event after the batch, asynchronously; a handler's failure does not reach the caller.
    const { state } = this.context;
    const [sheetId, address] = [this.sheet.id, boxAddress(this.box)];
    setTimeout(() => void fireSelectionChanged(state, sheetId, address).catch(() => undefined), 0);
  }

  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.context.queue(["clear", this.address, applyTo]);
    forEachCell(this.sheet, this.box, (cell) => {
      if (applyTo !== "Formats") {
        cell.value = "";
        delete cell.formula;
      }
      if (applyTo !== "Contents") {
        delete cell.fill;
        delete cell.fontBold;
        delete cell.fontColor;
        delete cell.fontSize;
        delete cell.fontName;
        delete cell.wrap;
        delete cell.horizontalAlignment;
        delete cell.verticalAlignment;
        delete cell.numberFormat;
      }
    });
  }

  get format() {
    return rangeFormat(this);
  }

  merge(across = false): void {
    this.context.queue(["merge", this.address, across]);
    const address = boxAddress(this.box);
    if (!this.sheet.merges.includes(address)) this.sheet.merges.push(address);
  }

  /** Removes every merged area that lies inside this range. */
  unmerge(): void {
    this.context.queue(["unmerge", this.address]);
    const inside = (a: string) => {
      const [first, last = first] = a.split(":") as [string, string?];
      const within = (cell: string) => {
        const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
        let col = 0;
        for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
        const row = Number(m[2]) - 1;
        col -= 1;
        return (
          row >= this.box.row &&
          row < this.box.row + this.box.rows &&
          col >= this.box.col &&
          col < this.box.col + this.box.cols
        );
      };
      return within(first) && within(last);
    };
    this.sheet.merges = this.sheet.merges.filter((a) => !inside(a));
  }

  get dataValidation() {
    return dataValidation(this);
  }

  get conditionalFormats() {
    return conditionalFormats(this);
  }
}

function rangeFormat(range: StandinRange) {
  const each = (f: (c: CellData) => void) => {
    for (let r = 0; r < range.box.rows; r++)
      for (let c = 0; c < range.box.cols; c++) f(cellFor(range.sheet, range.box.row + r, range.box.col + c));
  };
  return {
    fill: {
      set color(color: string) {
        range.context.queue(["fill", range.address, color]);
        each((c) => (c.fill = color));
      },
      clear() {
        range.context.queue(["fill.clear", range.address]);
        forEachCell(range.sheet, range.box, (c) => delete c.fill);
      },
    },
    font: {
      set bold(b: boolean) {
        range.context.queue(["bold", range.address, b]);
        each((c) => (c.fontBold = b));
      },
      set color(color: string) {
        range.context.queue(["font", range.address, color]);
        each((c) => (c.fontColor = color));
      },
      set size(size: number) {
        range.context.queue(["fontSize", range.address, size]);
        each((c) => (c.fontSize = size));
      },
      set name(name: string) {
        range.context.queue(["fontName", range.address, name]);
        each((c) => (c.fontName = name));
      },
    },
    set rowHeight(h: number) {
      range.context.queue(["height", range.address, h]);
      for (let r = 0; r < range.box.rows; r++) range.sheet.rowHeights.set(range.box.row + r, h);
    },
    set verticalAlignment(a: string) {
      range.context.queue(["valign", range.address, a]);
      each((c) => (c.verticalAlignment = a));
    },
    set columnWidth(w: number) {
      range.context.queue(["width", range.address, w]);
      for (let c = 0; c < range.box.cols; c++) range.sheet.columnWidths.set(range.box.col + c, w);
    },
    set wrapText(w: boolean) {
      range.context.queue(["wrap", range.address, w]);
      each((c) => (c.wrap = w));
    },
    set horizontalAlignment(a: string) {
      range.context.queue(["align", range.address, a]);
      each((c) => (c.horizontalAlignment = a));
    },
    autofitColumns() {
      range.context.queue(["autofit", range.address]);
    },
  };
}

function dataValidation(range: StandinRange) {
  const address = boxAddress(range.box);
  const record = () => {
    let rec = range.sheet.validations.find((v) => v.address === address);
    if (!rec) range.sheet.validations.push((rec = { address, rule: undefined }));
    return rec;
  };
  return {
    set rule(rule: unknown) {
      range.context.queue(rule);
      record().rule = rule;
    },
    set prompt(prompt: unknown) {
      range.context.queue(prompt);
      record().prompt = prompt;
    },
    set errorAlert(alert: unknown) {
      range.context.queue(alert);
      record().errorAlert = alert;
    },
    clear() {
      range.context.queue(["validation.clear", address]);
      range.sheet.validations = range.sheet.validations.filter((v) => v.address !== address);
    },
  };
}

function conditionalFormats(range: StandinRange) {
  const address = boxAddress(range.box);
  return {
    add(type: string) {
      range.context.queue(["cf.add", address, type]);
      const rec: SheetState["conditionalFormats"][number] = { address, type };
      range.sheet.conditionalFormats.push(rec);
      const custom = {
        rule: {
          set formula(f: string) {
            range.context.queue(f);
            rec.formula = f;
          },
        },
        format: {
          fill: {
            set color(c: string) {
              range.context.queue(c);
              rec.fill = c;
            },
          },
          font: {
            set color(c: string) {
              range.context.queue(c);
              rec.fontColor = c;
            },
          },
        },
      };
      return { type, custom };
    },
    clearAll() {
      range.context.queue(["cf.clearAll", address]);
      range.sheet.conditionalFormats = [];
    },
  };
}
