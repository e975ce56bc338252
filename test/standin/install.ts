/** Installs the stand-in as the `Excel` and `Office` globals (Node tests, bench, or a browser page). */
import { StandinContext } from "./client.ts";
import { StandinWorksheetCollection } from "./worksheet.ts";
import { newSheet, newWorkbookState, type WorkbookState } from "./state.ts";
import { createInspector, type Inspector } from "./inspect.ts";

export interface StandinOptions {
  /** Bytes a single request or response may carry (Excel on the web: 5 MB). */
  payloadLimit?: number;
  /** Sheets the workbook starts with (a fresh Excel workbook has Sheet1). */
  sheets?: string[];
  displayLanguage?: string;
}

export interface Standin {
  state: WorkbookState;
  inspect: Inspector;
  /** The objects installed as globals, for callers that prefer not to use globals. */
  Excel: { run: <T>(batch: (context: unknown) => Promise<T>) => Promise<T> } & Record<string, unknown>;
  Office: Record<string, unknown>;
}

function makeContext(state: WorkbookState): StandinContext {
  const ctx = new StandinContext(state);
  const worksheets = new StandinWorksheetCollection(ctx);
  ctx.workbook = {
    worksheets,
    application: { suspendApiCalculationUntilNextSync: () => ctx.queue(["suspendCalc"]) },
  };
  return ctx;
}

export function createStandin(options: StandinOptions = {}): Standin {
  const state = newWorkbookState(options.payloadLimit);
  for (const name of options.sheets ?? ["Sheet1"]) newSheet(state, name);
  state.activeSheetId = state.sheets[0]?.id ?? null;

  class RequestContext {
    constructor() {
      return makeContext(state);
    }
  }
  const Excel = {
    RequestContext,
    async run<T>(...args: unknown[]): Promise<T> {
      const batch = args.find((a) => typeof a === "function") as (context: unknown) => Promise<T>;
      const ctx = makeContext(state);
      state.runs++;
      const result = await batch(ctx);
      // Excel.run flushes whatever the batch queued after its last sync.
      if (ctx.hasPending) await ctx.sync();
      return result;
    },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ConditionalFormatType: { custom: "Custom" },
    ChartType: {
      columnClustered: "ColumnClustered",
      barClustered: "BarClustered",
      radar: "Radar",
      radarMarkers: "RadarMarkers",
    },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
    PaperType: { a4: "A4", a3: "A3", letter: "Letter" },
    ErrorCodes: {
      itemNotFound: "ItemNotFound",
      itemAlreadyExists: "ItemAlreadyExists",
      invalidArgument: "InvalidArgument",
    },
  };
  const info = { host: "Excel", platform: "OfficeOnline" };
  const Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    context: {
      displayLanguage: options.displayLanguage ?? "zh-CN",
      requirements: { isSetSupported: () => true },
    },
    onReady(callback?: (i: typeof info) => void) {
      callback?.(info);
      return Promise.resolve(info);
    },
  };
  return { state, inspect: createInspector(state), Excel, Office };
}

/** Sets `Excel` and `Office` on the given global object (globalThis in Node, window in a page). */
export function installStandin(target: object = globalThis, options: StandinOptions = {}): Standin {
  const standin = createStandin(options);
  Object.assign(target, { Excel: standin.Excel, Office: standin.Office });
  return standin;
}
