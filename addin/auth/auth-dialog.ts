/// <reference types="office-js" />
import { PublicClientApplication } from "@azure/msal-browser";
import { pageAuthConfig } from "./config.ts";

/**
 * auth.html, opened by the pane with Office's dialog API where neither NAA nor SSO is available: MSAL signs in
 * with a redirect to this same page (register it as a single-page-application redirect URI) and hands the
 * access token to the pane. The app, authority and scope come from this page's own config (the same
 * KAOPING_CONFIG as the pane's), never from the URL, so a crafted link cannot send the sign-in elsewhere.
 */
async function main() {
  await Office.onReady();
  const config = pageAuthConfig();
  if (!config.clientId || !config.scope) {
    Office.context.ui.messageParent(JSON.stringify({ error: "sign-in is not configured" }));
    return;
  }
  const pca = new PublicClientApplication({
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      redirectUri: `${location.origin}${location.pathname}`,
    },
    cache: { cacheLocation: "sessionStorage" },
  });
  await pca.initialize();
  try {
    const back = await pca.handleRedirectPromise();
    if (back) {
      Office.context.ui.messageParent(JSON.stringify({ token: back.accessToken }));
      return;
    }
    await pca.loginRedirect({ scopes: [config.scope] });
  } catch (e) {
    Office.context.ui.messageParent(JSON.stringify({ error: e instanceof Error ? e.message : String(e) }));
  }
}

void main();
