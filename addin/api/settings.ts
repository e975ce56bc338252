/** Where the pane and the functions find the service: localStorage first, then what the dev server injected. */

export const STORAGE_KEYS = {
  apiBase: "kaoping.apiBase",
  token: "kaoping.token",
  policy: "kaoping.policy",
  pendingSubmit: "kaoping.pendingSubmit",
} as const;

export const DEFAULT_API_BASE = "http://localhost:7071";

/** The subset of the Web Storage API we use, so tests can pass a Map-backed one. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function memoryStore(initial: Record<string, string> = {}): KeyValueStore {
  const map = new Map(Object.entries(initial));
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

/** localStorage when the page has it (the pane, the shared runtime), else an in-memory store. */
export function defaultStore(): KeyValueStore {
  try {
    const ls = (globalThis as { localStorage?: KeyValueStore }).localStorage;
    if (ls) return ls;
  } catch {
    // Storage can be blocked by the host's privacy settings: keep working in memory.
  }
  return fallbackStore;
}
const fallbackStore = memoryStore();

/** Set by the dev server into the HTML (window.KAOPING_CONFIG = { apiBase }). */
interface InjectedConfig {
  apiBase?: string;
}

export interface Settings {
  apiBase: string;
  token: string | null;
}

export function readSettings(
  store: KeyValueStore = defaultStore(),
  injected: InjectedConfig | undefined = (globalThis as { KAOPING_CONFIG?: InjectedConfig }).KAOPING_CONFIG,
): Settings {
  const apiBase = (store.getItem(STORAGE_KEYS.apiBase) || injected?.apiBase || DEFAULT_API_BASE).replace(/\/+$/, "");
  const token = store.getItem(STORAGE_KEYS.token) || null;
  return { apiBase, token };
}

export function saveSettings(settings: Partial<Settings>, store: KeyValueStore = defaultStore()): void {
  if (settings.apiBase !== undefined) {
    if (settings.apiBase.trim()) store.setItem(STORAGE_KEYS.apiBase, settings.apiBase.trim().replace(/\/+$/, ""));
    else store.removeItem(STORAGE_KEYS.apiBase);
  }
  if (settings.token !== undefined) {
    if (settings.token && settings.token.trim()) store.setItem(STORAGE_KEYS.token, settings.token.trim());
    else store.removeItem(STORAGE_KEYS.token);
  }
}
