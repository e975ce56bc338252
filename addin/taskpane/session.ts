import { runtime as pageRuntime, type KaopingRuntime } from "../api/runtime.ts";
import { readSettings } from "../api/settings.ts";
import { tokenInfo, type TokenInfo } from "../api/token.ts";
import { acquireToken, signInMethods } from "../auth/chooser.ts";
import { pageAuthConfig } from "../auth/config.ts";
import { officeSignIn } from "../auth/msal.ts";
import { officeHost } from "../auth/office-host.ts";

/** The token the pane calls the service with: the signed-in one, else (developer mode) a pasted one. */
export const currentToken = (rt: KaopingRuntime = pageRuntime()): string | null =>
  rt.ssoToken ?? readSettings(rt.store).token;

export const currentUser = (rt: KaopingRuntime = pageRuntime()): TokenInfo | null => tokenInfo(currentToken(rt));

/**
 * Signs in with the best method the host offers (addin/auth/chooser.ts) and keeps the token in memory.
 * Quiet at start-up (no window opens); interactive from the Sign in button.
 */
export async function signIn(rt: KaopingRuntime, interactive: boolean): Promise<TokenInfo | null> {
  const config = pageAuthConfig();
  const methods = signInMethods(officeHost(), config);
  const impls = officeSignIn(config);
  const { token } = await acquireToken(methods, impls, { interactive });
  rt.ssoToken = token;
  rt.renewToken = async () => (await acquireToken(methods, impls, { interactive: false })).token;
  return tokenInfo(token);
}

/** Developer mode (?dev=1 or localStorage kaoping.dev=1) shows the pasted-token box. */
export function developerMode(store = pageRuntime().store): boolean {
  try {
    if (new URLSearchParams(location.search).get("dev") === "1") return true;
  } catch {
    // no location outside a page
  }
  return store.getItem("kaoping.dev") === "1";
}
