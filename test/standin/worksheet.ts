/** Worksheet, worksheet collection, tables and charts of the stand-in. */
import { boxAddress, parseAddress, type Box } from "./address.ts";
import { ClientObject, StandinError, type StandinContext } from "./client.ts";
import { StandinRange } from "./range.ts";
import { newSheet, usedBox, type ChartRecord, type SelectionHandler, type SheetState } from "./state.ts";

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const INVALID_NAME = /[:\\/?*[\]]/;

export function checkSheetName(name: string): void {
  if (!name || name.length > 31 || INVALID_NAME.test(name) || /^'|'$/.test(name)) {
    throw new StandinError(
      "InvalidArgument",
      `The sheet name '${name}' is not valid (1 to 31 characters, none of : \\ / ? * [ ]).`,
    );
  }
}

export class StandinWorksheet extends ClientObject {
  constructor(
    context: StandinContext,
    private readonly state: SheetState | null,
  ) {
    super(context, "Worksheet");
  }

  private get s(): SheetState {
    if (!this.state) throw new StandinError("ItemNotFound", "The requested worksheet does not exist (null object).");
    if (!this.context.state.sheets.includes(this.state))
      throw new StandinError("ItemNotFound", `The worksheet '${this.state.name}' has been deleted.`);
    return this.state;
  }

  protected readers(): Record<string, () => unknown> {
    return {
      name: () => this.s.name,
      id: () => this.s.id,
      position: () => this.context.state.sheets.indexOf(this.s),
      visibility: () => this.s.visibility,
    };
  }

  get isNullObject(): boolean {
    return this.nullCheck(this.state === null);
  }
  get name(): string {
    return this.get("name");
  }
  set name(name: string) {
    checkSheetName(name);
    if (this.context.state.sheets.some((o) => o !== this.s && o.name.toLowerCase() === name.toLowerCase()))
      throw new StandinError("ItemAlreadyExists", `A worksheet named '${name}' already exists.`);
    this.context.queue(["rename", name]);
    this.s.name = name;
    this.setLocal("name", name);
  }
  get id(): string {
    return this.get("id");
  }
  get position(): number {
    return this.get("position");
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(v: "Visible" | "Hidden" | "VeryHidden") {
    this.context.queue(["visibility", v]);
    this.s.visibility = v;
    this.setLocal("visibility", v);
  }

  private range(box: Box): StandinRange {
    return new StandinRange(this.context, this.s, box, (s) => new StandinWorksheet(this.context, s));
  }
  getRange(address?: string): StandinRange {
    if (!address) return this.range({ row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS });
    return this.range(parseAddress(address).box);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): StandinRange {
    return this.range({ row, col, rows, cols });
  }
  getCell(row: number, col: number): StandinRange {
    return this.range({ row, col, rows: 1, cols: 1 });
  }
  getUsedRange(valuesOnly = false): StandinRange {
    return this.range(usedBox(this.s, valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 });
  }
  getUsedRangeOrNullObject(valuesOnly = false): StandinRange | NullRange {
    const box = usedBox(this.s, valuesOnly);
    return box ? this.range(box) : new NullRange(this.context);
  }

  /** Minimal event hook: add/remove a selection handler (Excel calls it with the selected address). */
  get onSelectionChanged() {
    const { context, s } = this;
    return {
      add(handler: SelectionHandler) {
        context.queue(["onSelectionChanged"]);
        const entry = { sheetId: s.id, handler };
        context.state.selectionHandlers.push(entry);
        return {
          remove() {
            context.state.selectionHandlers = context.state.selectionHandlers.filter((h) => h !== entry);
          },
        };
      },
    };
  }

  activate(): void {
    this.context.queue(["activate", this.s.id]);
    this.context.state.activeSheetId = this.s.id;
  }
  delete(): void {
    const s = this.s;
    const wb = this.context.state;
    if (wb.sheets.filter((o) => o.visibility === "Visible" && o !== s).length === 0) {
      throw new StandinError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    }
    this.context.queue(["delete", s.id]);
    wb.sheets = wb.sheets.filter((o) => o !== s);
    if (wb.activeSheetId === s.id) wb.activeSheetId = wb.sheets.find((o) => o.visibility === "Visible")?.id ?? null;
  }

  get freezePanes() {
    const s = this.s;
    const ctx = this.context;
    return {
      freezeRows(n: number) {
        ctx.queue(["freezeRows", n]);
        s.frozenRows = n;
      },
      freezeColumns(n: number) {
        ctx.queue(["freezeColumns", n]);
        s.frozenColumns = n;
      },
      /** Freezes the rows above and columns left of the range's bottom-right corner (its size from A1). */
      freezeAt(range: StandinRange) {
        ctx.queue(["freezeAt", boxAddress(range.box)]);
        s.frozenRows = range.box.row + range.box.rows;
        s.frozenColumns = range.box.col + range.box.cols;
      },
      unfreeze() {
        ctx.queue(["unfreeze"]);
        s.frozenRows = s.frozenColumns = 0;
      },
    };
  }

  /** The tables a load() handed over at the last sync (the proxy keeps them, as office.js does). */
  private loadedTables: { convertToRange(): void }[] | null = null;

  get tables() {
    const { context, s } = this;
    const self = { set: (t: { convertToRange(): void }[]) => (this.loadedTables = t), get: () => this.loadedTables };
    return {
      load(_props?: string) {
        const snapshot = [...s.tables];
        context.queueLoad(snapshot.length, () => {
          self.set(
            snapshot.map((rec) => ({
              convertToRange() {
                context.queue(["table.convertToRange", rec.name]);
                s.tables = s.tables.filter((t) => t !== rec);
              },
            })),
          );
        });
      },
      get items() {
        const loaded = self.get();
        if (!loaded)
          throw new StandinError("PropertyNotLoaded", "The property 'items' of TableCollection is not available.");
        return loaded;
      },
      add(address: string | StandinRange, hasHeaders: boolean) {
        const box = typeof address === "string" ? parseAddress(address).box : address.box;
        return addTable(context, s, box, hasHeaders);
      },
    };
  }

  /** Print setup (ExcelApi 1.9): recorded so tests can check the printed page. */
  get pageLayout() {
    return pageLayout(this.context, this.s);
  }

  get charts() {
    const { context, s } = this;
    return {
      /** By name; its isNullObject is readable after a sync, and delete() removes the chart. */
      getItemOrNullObject(name: string) {
        const rec = s.charts.find((c) => c.name === name);
        const bornAt = context.syncCount;
        return {
          get isNullObject() {
            if (context.syncCount <= bornAt)
              throw new StandinError(
                "PropertyNotLoaded",
                `isNullObject of Chart is known only after "context.sync()".`,
              );
            return !rec;
          },
          delete() {
            if (!rec) throw new StandinError("ItemNotFound", `The chart '${name}' does not exist.`);
            context.queue(["chart.delete", name]);
            s.charts = s.charts.filter((c) => c !== rec);
          },
        };
      },
      add(type: string, source: StandinRange, seriesBy = "Auto") {
        const rec: ChartRecord = {
          name: `Chart ${s.charts.length + 1}`,
          type,
          source: boxAddress(source.box),
          seriesBy,
        };
        context.queue(["chart", type, rec.source, seriesBy]);
        s.charts.push(rec);
        return chartProxy(context, rec);
      },
    };
  }
}

export class NullRange {
  private readonly bornAt: number;
  constructor(private readonly context: StandinContext) {
    this.bornAt = context.syncCount;
  }
  load(): this {
    return this;
  }
  get isNullObject(): boolean {
    if (this.context.syncCount <= this.bornAt)
      throw new StandinError("PropertyNotLoaded", `isNullObject of Range is known only after "context.sync()".`);
    return true;
  }
}

function addTable(ctx: StandinContext, sheet: SheetState, box: Box, hasHeaders: boolean) {
  const all = ctx.state.sheets.flatMap((s) => s.tables);
  const rec = { name: `Table${all.length + 1}`, address: boxAddress(box), hasHeaders };
  ctx.queue(["table", rec.address, hasHeaders]);
  sheet.tables.push(rec);
  return {
    set name(name: string) {
      if (ctx.state.sheets.some((s) => s.tables.some((t) => t !== rec && t.name === name)))
        throw new StandinError("InvalidArgument", `A table named '${name}' already exists.`);
      ctx.queue(["tableName", name]);
      rec.name = name;
    },
    set style(style: string) {
      ctx.queue(["tableStyle", style]);
      (rec as { style?: string }).style = style;
    },
  };
}

function pageLayout(ctx: StandinContext, s: SheetState) {
  const rec = s.pageLayout;
  const set = <K extends keyof typeof rec>(key: K, value: (typeof rec)[K]) => {
    ctx.queue(["pageLayout", key, value]);
    rec[key] = value;
  };
  const margin = (name: string) => ({
    set(v: number) {
      ctx.queue(["margin", name, v]);
      rec.margins[name] = v;
    },
  });
  const footer = (rec.footer ??= {});
  return {
    set orientation(v: string) {
      set("orientation", v);
    },
    set paperSize(v: string) {
      set("paperSize", v);
    },
    set zoom(v: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
      set("zoom", v);
    },
    set centerHorizontally(v: boolean) {
      set("centerHorizontally", v);
    },
    set leftMargin(v: number) {
      margin("left").set(v);
    },
    set rightMargin(v: number) {
      margin("right").set(v);
    },
    set topMargin(v: number) {
      margin("top").set(v);
    },
    set bottomMargin(v: number) {
      margin("bottom").set(v);
    },
    set headerMargin(v: number) {
      margin("header").set(v);
    },
    set footerMargin(v: number) {
      margin("footer").set(v);
    },
    setPrintTitleRows(address: string) {
      set("printTitleRows", address);
    },
    setPrintArea(address: string) {
      set("printArea", address);
    },
    headersFooters: {
      defaultForAllPages: {
        set centerFooter(v: string) {
          ctx.queue(["footer", v]);
          footer.center = v;
        },
      },
    },
  };
}

function chartProxy(ctx: StandinContext, rec: ChartRecord) {
  return {
    set name(name: string) {
      ctx.queue(name);
      rec.name = name;
    },
    title: {
      set text(t: string) {
        ctx.queue(t);
        rec.title = t;
      },
    },
    legend: {
      set visible(_v: boolean) {
        ctx.queue(["legend", _v]);
      },
    },
    setPosition(start: string | StandinRange, end?: string | StandinRange) {
      const a = (x: string | StandinRange) => (typeof x === "string" ? x : boxAddress(x.box));
      ctx.queue(["position", a(start), end && a(end)]);
      rec.position = end === undefined ? { start: a(start) } : { start: a(start), end: a(end) };
    },
    series: {
      getItemAt(_i: number) {
        return {
          setXAxisValues(range: StandinRange) {
            ctx.queue(["xAxis", boxAddress(range.box)]);
            rec.xAxisValues = boxAddress(range.box);
          },
        };
      },
    },
  };
}

export class StandinWorksheetCollection extends ClientObject {
  constructor(context: StandinContext) {
    super(context, "WorksheetCollection");
  }
  protected readers(): Record<string, () => unknown> {
    return { items: () => this.context.state.sheets.map((s) => new StandinWorksheet(this.context, s)) };
  }
  get items(): StandinWorksheet[] {
    return this.get("items");
  }

  private find(name: string): SheetState | undefined {
    return this.context.state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  add(name?: string): StandinWorksheet {
    const wb = this.context.state;
    let n = wb.sheets.length + 1;
    const sheetName =
      name ??
      (() => {
        while (this.find(`Sheet${n}`)) n++;
        return `Sheet${n}`;
      })();
    checkSheetName(sheetName);
    if (this.find(sheetName))
      throw new StandinError("ItemAlreadyExists", `A worksheet named '${sheetName}' already exists.`);
    this.context.queue(["addSheet", sheetName]);
    const s = newSheet(wb, sheetName);
    if (!wb.activeSheetId) wb.activeSheetId = s.id;
    return new StandinWorksheet(this.context, s);
  }
  /** By name or, as in Excel, by id (event arguments carry the id). */
  getItem(name: string): StandinWorksheet {
    const s = this.find(name) ?? this.context.state.sheets.find((x) => x.id === name);
    if (!s) throw new StandinError("ItemNotFound", `The requested worksheet '${name}' does not exist.`);
    return new StandinWorksheet(this.context, s);
  }
  getItemOrNullObject(name: string): StandinWorksheet {
    return new StandinWorksheet(this.context, this.find(name) ?? null);
  }
  getActiveWorksheet(): StandinWorksheet {
    const wb = this.context.state;
    const s = wb.sheets.find((x) => x.id === wb.activeSheetId) ?? wb.sheets[0];
    if (!s) throw new StandinError("ItemNotFound", "The workbook has no worksheet.");
    return new StandinWorksheet(this.context, s);
  }
}
