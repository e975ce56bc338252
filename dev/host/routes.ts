import type { Registration } from "./capture.ts";

/** A registration's route template compiled for matching (Azure route syntax: {id}, {id:int}, {id?}, {*rest}). */
export interface CompiledRoute {
  reg: Registration;
  pattern: RegExp;
  names: string[];
  /** More literal segments win; a catch-all loses to everything. */
  specificity: number;
  catchAll: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function compileRoute(prefix: string, reg: Registration): CompiledRoute {
  const segments = [prefix, ...reg.route.split("/")].filter((s) => s !== "");
  const names: string[] = [];
  let source = "";
  let specificity = 0;
  let catchAll = false;
  for (const seg of segments) {
    const m = /^\{(\*)?([A-Za-z_][A-Za-z0-9_]*)(?::([a-z]+))?(\?)?\}$/.exec(seg);
    if (!m) {
      source += "/" + escape(seg);
      specificity += 2;
      continue;
    }
    names.push(m[2]!);
    if (m[1]) {
      catchAll = true;
      source += "(?:/(.*))?";
    } else {
      const part = m[3] === "int" ? "(-?\\d+)" : "([^/]+)";
      source += m[4] ? `(?:/${part})?` : `/${part}`;
      specificity += 1;
    }
  }
  return { reg, pattern: new RegExp(`^${source}/?$`), names, specificity, catchAll };
}

export type RouteMatch =
  | { kind: "found"; route: CompiledRoute; params: Record<string, string> }
  | { kind: "method"; allow: string[] }
  | { kind: "none" };

export function matchRoute(routes: readonly CompiledRoute[], method: string, pathname: string): RouteMatch {
  const hits: { route: CompiledRoute; params: Record<string, string> }[] = [];
  for (const route of routes) {
    const m = route.pattern.exec(pathname);
    if (!m) continue;
    const params: Record<string, string> = {};
    route.names.forEach((n, i) => {
      const v = m[i + 1];
      if (v !== undefined) params[n] = safeDecode(v);
    });
    hits.push({ route, params });
  }
  hits.sort((a, b) => b.route.specificity - a.route.specificity);
  const found = hits.find((h) => h.route.reg.methods.includes(method));
  if (found && !(found.route.catchAll && hits.some((h) => !h.route.catchAll) && method !== "OPTIONS"))
    return { kind: "found", ...found };
  const specific = hits.filter((h) => !h.route.catchAll);
  if (specific.length > 0) return { kind: "method", allow: [...new Set(specific.flatMap((h) => h.route.reg.methods))] };
  return found ? { kind: "found", ...found } : { kind: "none" };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
