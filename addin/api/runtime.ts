import { ApiClient } from "./client.ts";
import { createRulesService, type RulesService } from "./rules.ts";
import { readCachedPolicy, type CachedPolicy, type WorkbookPolicy } from "./policy-cache.ts";
import { defaultStore, readSettings, type KeyValueStore } from "./settings.ts";

/** One client and one verdict batcher per page: the pane and the custom functions share them (shared runtime). */
export interface KaopingRuntime {
  store: KeyValueStore;
  client: ApiClient;
  rules: RulesService;
  /** A token from Office SSO, kept in memory only; a pasted token lives in localStorage. */
  ssoToken: string | null;
  /** The open workbook's own policy, once the pane has read it; it wins over the cached choice. */
  workbookPolicy: WorkbookPolicy | null;
  /** The policy every rule uses: the workbook's when it has one, else the cached choice. */
  policy(): CachedPolicy;
}

const KEY = "__kaopingRuntime";

export function createRuntime(store: KeyValueStore = defaultStore(), fetchImpl?: typeof fetch): KaopingRuntime {
  const rt: KaopingRuntime = {
    store,
    ssoToken: null,
    // Settings are read on every call, so a change on the Settings page applies at once.
    client: new ApiClient({
      baseUrl: () => readSettings(store).apiBase,
      token: () => rt.ssoToken ?? readSettings(store).token,
      fetch: fetchImpl,
    }),
    rules: undefined as unknown as RulesService,
    workbookPolicy: null,
    policy: () => rt.workbookPolicy ?? readCachedPolicy(store),
  };
  rt.rules = createRulesService({ client: rt.client, policy: () => rt.policy() });
  return rt;
}

/** The page's runtime, created on first use (functions.js and taskpane.js are separate bundles on one page). */
export function runtime(): KaopingRuntime {
  const g = globalThis as { [KEY]?: KaopingRuntime };
  return (g[KEY] ??= createRuntime());
}
