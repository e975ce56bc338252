import type { Bilingual } from "../../shared/index.ts";
import type { AuthConfig } from "./config.ts";

/**
 * How the pane signs in, best first (Microsoft's guidance for Office add-ins):
 * - "naa": MSAL nested app authentication, where the host supports requirement set NestedAppAuth 1.1;
 * - "sso": Office single sign-on (OfficeRuntime.auth.getAccessToken, needs <WebApplicationInfo>);
 * - "dialog": MSAL in an Office dialog (DialogApi 1.1), the fallback that works everywhere else.
 * Pure: the Office host is described by HostCapabilities, so the choice is tested with fakes.
 */
export type SignInMethod = "naa" | "sso" | "dialog";

export interface HostCapabilities {
  /** Office.context.requirements.isSetSupported; false outside Office. */
  isSetSupported(name: string, version: string): boolean;
  /** OfficeRuntime.auth.getAccessToken exists. */
  hasSso: boolean;
  /** Office.context.ui.displayDialogAsync exists. */
  hasDialog: boolean;
}

export function signInMethods(host: HostCapabilities, config: AuthConfig): SignInMethod[] {
  const methods: SignInMethod[] = [];
  const app = config.clientId !== null && config.scope !== null;
  if (app && host.isSetSupported("NestedAppAuth", "1.1")) methods.push("naa");
  if (host.hasSso) methods.push("sso");
  if (app && host.hasDialog && host.isSetSupported("DialogApi", "1.1")) methods.push("dialog");
  return methods;
}

/** A failed attempt: `cancelled` when the user closed or declined it (then no other method is tried). */
export class SignInError extends Error {
  readonly bilingual: Bilingual;
  readonly cancelled: boolean;
  constructor(bilingual: Bilingual, opts: { cancelled?: boolean; cause?: unknown } = {}) {
    super(`${bilingual["zh-CN"]} | ${bilingual.en}`, { cause: opts.cause });
    this.name = "SignInError";
    this.bilingual = bilingual;
    this.cancelled = opts.cancelled ?? false;
  }
}

export const SIGN_IN_MESSAGES = {
  unavailable: {
    "zh-CN": "此处无法登录：请在 Excel 中打开本加载项，或请管理员按部署说明配置登录",
    en: "Signing in is not possible here: open the add-in in Excel, or ask your administrator to set up sign-in as the deployment guide describes",
  },
  cancelled: {
    "zh-CN": "登录已取消：需要时请再次单击「登录」",
    en: "Sign-in was cancelled: click Sign in again when you are ready",
  },
  failed: {
    "zh-CN": "登录未成功：请检查网络后再次单击「登录」，仍不成功请联系管理员",
    en: "Sign-in did not succeed: check the network and click Sign in again; if it still fails, contact your administrator",
  },
} satisfies Record<string, Bilingual>;

export type Acquire = (opts: { interactive: boolean }) => Promise<string>;

/**
 * Tries each method in order until one returns a token. A method that fails for a reason of the host
 * (SSO not configured, NAA not allowed) passes to the next; the user's cancel stops at once.
 * Quiet (not interactive) attempts never open a window: the dialog needs a click, so it is skipped.
 */
export async function acquireToken(
  methods: readonly SignInMethod[],
  impls: Record<SignInMethod, Acquire>,
  opts: { interactive: boolean },
): Promise<{ token: string; method: SignInMethod }> {
  let last: unknown;
  for (const method of methods) {
    if (method === "dialog" && !opts.interactive) continue;
    try {
      return { token: await impls[method](opts), method };
    } catch (e) {
      if (e instanceof SignInError && e.cancelled) throw e;
      last = e;
    }
  }
  if (last === undefined) throw new SignInError(SIGN_IN_MESSAGES.unavailable);
  throw last instanceof SignInError ? last : new SignInError(SIGN_IN_MESSAGES.failed, { cause: last });
}

/**
 * Office SSO error codes (Microsoft's "Troubleshoot SSO" list) that mean the user said no, rather than that
 * SSO is unavailable here: 13001 declined to sign in, 13002 aborted consent, 13006 closed the window.
 */
export const SSO_CANCEL_CODES = new Set([13001, 13002, 13006]);
