/** Request context and load() semantics of the stand-in: writes apply in call order, loads become readable at sync. */
import type { WorkbookState } from "./state.ts";

export class StandinError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

const encoder = new TextEncoder();
/** UTF-8 bytes of the JSON a request or response would carry. */
export const jsonBytes = (v: unknown): number => encoder.encode(JSON.stringify(v) ?? "").length;

export class StandinContext {
  private pendingRequest = 0;
  private pendingResponse = 0;
  private pendingOps = 0;
  private commits: (() => void)[] = [];
  /** How many syncs this context has completed: null-object checks need one after creation. */
  syncCount = 0;
  workbook!: unknown;

  constructor(readonly state: WorkbookState) {}

  /** A write or method call: counted as request bytes. */
  queue(args: unknown): void {
    this.pendingOps++;
    this.pendingRequest += jsonBytes(args);
  }

  /** A load: its snapshot is taken now (queue order) and handed over at the next sync. */
  queueLoad(snapshot: unknown, commit: () => void): void {
    this.pendingOps++;
    this.pendingResponse += jsonBytes(snapshot);
    this.commits.push(commit);
  }

  get hasPending(): boolean {
    return this.pendingOps > 0;
  }

  async sync(): Promise<void> {
    const request = this.pendingRequest;
    const response = this.pendingResponse;
    const commits = this.commits;
    this.pendingRequest = this.pendingResponse = this.pendingOps = 0;
    this.commits = [];
    this.state.syncs++;
    this.state.requests.push({ request, response });
    await Promise.resolve();
    const limit = this.state.payloadLimit;
    if (request > limit || response > limit) {
      throw new StandinError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${request > limit ? `request ${request}` : `response ${response}`} bytes > ${limit}).`,
      );
    }
    for (const c of commits) c();
    this.syncCount++;
  }

  trackedObjects = { add: () => undefined, remove: () => undefined };
}

type LoadArg = string | string[] | { select?: string | string[] } | undefined;

export function loadList(arg: LoadArg): string[] {
  if (arg === undefined) return [];
  if (typeof arg === "string")
    return arg
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => loadList(a));
  return loadList(arg.select);
}

/** Base of every proxy: properties are readable only once loaded and synced, like office.js. */
export abstract class ClientObject {
  protected loaded = new Map<string, unknown>();
  private readonly bornAt: number;

  constructor(
    readonly context: StandinContext,
    private readonly typeName: string,
  ) {
    this.bornAt = context.syncCount;
  }

  /** Property name -> current value in the workbook. */
  protected abstract readers(): Record<string, () => unknown>;

  load(arg?: LoadArg): this {
    const readers = this.readers();
    const props = loadList(arg);
    for (const prop of props.length ? props : Object.keys(readers)) {
      const [head, ...rest] = prop.split("/");
      const read = readers[head!];
      if (!read) throw new StandinError("InvalidArgument", `${this.typeName} has no property '${head}' to load.`);
      const value = read();
      if (rest.length && Array.isArray(value)) for (const item of value) (item as ClientObject).load(rest.join("/"));
      const proxies = value instanceof ClientObject || (Array.isArray(value) && value[0] instanceof ClientObject);
      this.context.queueLoad(proxies ? null : value, () => this.loaded.set(head!, value));
    }
    return this;
  }

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new StandinError(
        "PropertyNotLoaded",
        `The property '${prop}' of ${this.typeName} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(prop) as T;
  }

  /** A written property reads back its own value without a load, as in office.js. */
  protected setLocal(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }

  protected nullCheck(isNull: boolean): boolean {
    if (this.context.syncCount <= this.bornAt) {
      throw new StandinError(
        "PropertyNotLoaded",
        `isNullObject of ${this.typeName} is known only after "context.sync()".`,
      );
    }
    return isNull;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}
