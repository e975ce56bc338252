import { ApiClient } from "./client.ts";
import { createRulesService, type RulesService } from "./rules.ts";
import { readCachedPolicy, type CachedPolicy, type WorkbookPolicy } from "./policy-cache.ts";
import { defaultStore, readSettings, type KeyValueStore } from "./settings.ts";
import { tokenInfo } from "./token.ts";

/** One client and one verdict batcher per page: the pane and the custom functions share them (shared runtime). */
export interface KaopingRuntime {
  store: KeyValueStore;
  client: ApiClient;
  rules: RulesService;
  /** A token from signing in (NAA, Office SSO or the dialog), kept in memory only; a pasted token lives in localStorage. */
  ssoToken: string | null;
  /** Signs in again quietly (never a window), set after a sign-in: used when the token is about to expire. */
  renewToken: (() => Promise<string>) | null;
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
    renewToken: null,
    // Settings are read on every call, so a change on the Settings page applies at once.
    client: new ApiClient({
      baseUrl: () => readSettings(store).apiBase,
      token: async () => {
        // A signed-in token that expires within a minute is renewed quietly first; if that fails, the old one
        // goes and the service's 401 tells the user to sign in again.
        if (rt.ssoToken && rt.renewToken && tokenInfo(rt.ssoToken, new Date(Date.now() + 60_000))?.expired)
          rt.ssoToken = await rt.renewToken().catch(() => rt.ssoToken);
        return rt.ssoToken ?? readSettings(store).token;
      },
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
