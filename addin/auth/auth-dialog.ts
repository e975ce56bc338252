/// <reference types="office-js" />
import { PublicClientApplication } from "@azure/msal-browser";

/**
 * auth.html, opened by the pane with Office's dialog API where neither NAA nor SSO is available: MSAL signs in
 * with a redirect to this same page (register it as a single-page-application redirect URI) and hands the
 * access token to the pane.
 */
async function main() {
  await Office.onReady();
  const params = new URLSearchParams(location.search);
  const stored = sessionStorage.getItem("kaoping.auth") ?? "{}";
  const config = params.get("clientId")
    ? { clientId: params.get("clientId")!, authority: params.get("authority")!, scope: params.get("scope")! }
    : (JSON.parse(stored) as { clientId: string; authority: string; scope: string });
  sessionStorage.setItem("kaoping.auth", JSON.stringify(config));
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
