import Module from "node:module";
import type { HttpHandler } from "@azure/functions";

/** One app.http registration as the Functions runtime would receive it. */
export interface Registration {
  name: string;
  methods: string[];
  route: string;
  authLevel: "anonymous" | "function" | "admin";
  handler: HttpHandler;
}

interface CoreBinding {
  type: string;
  direction: string;
  route?: string;
  methods?: string[];
  authLevel?: Registration["authLevel"];
}

/**
 * Kept on globalThis: @azure/functions is CommonJS and caches the core module for the life of the
 * process, while a test runner may load our modules afresh per file. The latest registration of a
 * name wins, so a reloaded app replaces the old handlers instead of doubling them.
 */
interface CaptureState {
  registrations: Map<string, Registration>;
  installed: boolean;
}
const STATE_KEY = Symbol.for("kaoping.functions.capture");
const state: CaptureState = ((globalThis as Record<symbol, unknown>)[STATE_KEY] as CaptureState | undefined) ?? {
  registrations: new Map(),
  installed: false,
};
(globalThis as Record<symbol, unknown>)[STATE_KEY] = state;

/**
 * Outside the real worker, @azure/functions goes into "test mode" and drops registrations because
 * `require("@azure/functions-core")` fails. The worker supplies that module by intercepting require;
 * we do the same, so every app.http call reaches us with the exact metadata the worker would get
 * (function name, route, methods, auth level) and the handler. No second route table.
 */
export function installCapture(): void {
  if (state.installed) return;
  state.installed = true;
  const core = {
    version: "kaoping-local-host",
    hostVersion: "local",
    setProgrammingModel: () => undefined,
    getProgrammingModel: () => undefined,
    registerHook: () => ({ dispose: () => undefined }),
    log: () => undefined,
    registerFunction(metadata: { name: string; bindings: Record<string, CoreBinding> }, callback: unknown) {
      const trigger = Object.values(metadata.bindings).find((b) => b.direction === "in" && b.type === "httpTrigger");
      if (trigger) {
        state.registrations.set(metadata.name, {
          name: metadata.name,
          methods: (trigger.methods ?? ["GET", "POST"]).map((m) => m.toUpperCase()),
          route: trigger.route ?? metadata.name,
          authLevel: trigger.authLevel ?? "function",
          handler: callback as HttpHandler,
        });
      } else if (!Object.values(metadata.bindings).some((b) => b.type === "timerTrigger")) {
        // Timers (the orphan sweep) run in Azure; locally their work is an HTTP operation too.
        console.warn(
          `本地主机只运行 HTTP 函数，跳过「${metadata.name}」 | the local host runs HTTP functions only; skipping "${metadata.name}"`,
        );
      }
      return { dispose: () => undefined };
    },
  };
  const proto = (Module as unknown as { prototype: { require: (id: string) => unknown } }).prototype;
  const original = proto.require;
  proto.require = function (this: unknown, id: string) {
    if (id === "@azure/functions-core") return core;
    // eslint-disable-next-line prefer-rest-params
    return original.apply(this, arguments as unknown as [string]);
  };
}

/** Imports the app's entry (every function file) with capture on; returns what registered. */
export async function loadApp(): Promise<readonly Registration[]> {
  installCapture();
  // Late on purpose: the functions register on import, which must happen with capture already on.
  await import("../../functions/index.ts");
  return [...state.registrations.values()];
}
