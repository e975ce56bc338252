import { ApiClient } from "./client.ts";
import { createRulesService, type RulesService } from "./rules.ts";
import { readCachedPolicy } from "./policy-cache.ts";
import { defaultStore, readSettings, type KeyValueStore } from "./settings.ts";

/** One client and one verdict batcher per page: the pane and the custom functions share them (shared runtime). */
export interface KaopingRuntime {
  store: KeyValueStore;
  client: ApiClient;
  rules: RulesService;
  /** A token from Office SSO, kept in memory only; a pasted token lives in localStorage. */
  ssoToken: string | null;
}

const KEY = "__kaopingRuntime";

export function createRuntime(store: KeyValueStore = defaultStore(), fetchImpl?: typeof fetch): KaopingRuntime {
  const rt: KaopingRuntime = {
    store,
    ssoToken: null,
    // Settings are read on every call, so a change on the Settings page applies at once.
    client: new ApiClient({ baseUrl: () => readSettings(store).apiBase, token: () => rt.ssoToken ?? readSettings(store).token, fetch: fetchImpl }),
    rules: undefined as unknown as RulesService,
  };
  rt.rules = createRulesService({ client: rt.client, policy: () => readCachedPolicy(store) });
  return rt;
}

/** The page's runtime, created on first use (functions.js and taskpane.js are separate bundles on one page). */
export function runtime(): KaopingRuntime {
  const g = globalThis as { [KEY]?: KaopingRuntime };
  return (g[KEY] ??= createRuntime());
}
