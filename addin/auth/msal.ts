/// <reference types="office-js" />
/// <reference types="office-runtime" />
import {
  BrowserAuthErrorCodes,
  InteractionRequiredAuthError,
  createNestablePublicClientApplication,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import { SIGN_IN_MESSAGES, SSO_CANCEL_CODES, SignInError, type Acquire, type SignInMethod } from "./chooser.ts";
import type { AuthConfig } from "./config.ts";

/** The three ways to get a token for the kaoping API inside Office; which one is tried is decided in chooser.ts. */

const cancelled = (cause: unknown) => new SignInError(SIGN_IN_MESSAGES.cancelled, { cancelled: true, cause });
const isMsalCancel = (e: unknown) =>
  (e as { errorCode?: string } | null)?.errorCode === BrowserAuthErrorCodes.userCancelled;

let nested: Promise<IPublicClientApplication> | undefined;

/** MSAL nested app authentication: Office brokers the token (redirect URI brk-multihub://<pane host>). */
function naa(config: AuthConfig): Acquire {
  return async ({ interactive }) => {
    nested ??= createNestablePublicClientApplication({
      auth: { clientId: config.clientId!, authority: config.authority },
    });
    const pca = await nested;
    const request = { scopes: [config.scope!] };
    try {
      return (await pca.ssoSilent(request)).accessToken;
    } catch (e) {
      if (!interactive || !(e instanceof InteractionRequiredAuthError)) throw e;
      try {
        return (await pca.acquireTokenPopup(request)).accessToken;
      } catch (popup) {
        throw isMsalCancel(popup) ? cancelled(popup) : popup;
      }
    }
  };
}

/** Office SSO: the token's audience is the app named in the manifest's <WebApplicationInfo>. */
const sso: Acquire = async ({ interactive }) => {
  try {
    return await OfficeRuntime.auth.getAccessToken({
      allowSignInPrompt: interactive,
      allowConsentPrompt: interactive,
    });
  } catch (e) {
    throw SSO_CANCEL_CODES.has(Number((e as { code?: unknown } | null)?.code)) ? cancelled(e) : e;
  }
};

/**
 * MSAL in an Office dialog (auth.html on the pane's own origin, see auth-dialog.ts): the dialog signs in with a
 * redirect and sends the token back with messageParent.
 */
function dialog(): Acquire {
  return () =>
    new Promise<string>((resolve, reject) => {
      // auth.html reads the same config as the pane (injected by the server), not the URL.
      const url = new URL("auth.html", location.href);
      Office.context.ui.displayDialogAsync(url.href, { height: 60, width: 30 }, (opened) => {
        if (opened.status !== Office.AsyncResultStatus.Succeeded) {
          reject(new SignInError(SIGN_IN_MESSAGES.failed, { cause: opened.error }));
          return;
        }
        const box = opened.value;
        box.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
          box.close();
          const message = JSON.parse((arg as { message: string }).message) as { token?: string; error?: string };
          if (message.token) resolve(message.token);
          else reject(new SignInError(SIGN_IN_MESSAGES.failed, { cause: message.error }));
        });
        // 12006: the user closed the dialog.
        box.addEventHandler(Office.EventType.DialogEventReceived, (arg) =>
          reject(
            (arg as { error?: number }).error === 12006 ? cancelled(arg) : new SignInError(SIGN_IN_MESSAGES.failed),
          ),
        );
      });
    });
}

export const officeSignIn = (config: AuthConfig): Record<SignInMethod, Acquire> => ({
  naa: naa(config),
  sso,
  dialog: dialog(),
});
