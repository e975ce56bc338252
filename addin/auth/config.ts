/**
 * Who the add-in signs in as and where: the Entra app (client) id, the cloud (global or Azure China, operated
 * by 21Vianet), the tenant and the scope of the kaoping API. Set by whoever serves the pane
 * (window.KAOPING_CONFIG.auth, see dev/addin/dev-server.ts and docs/deploy.md).
 */
export type Cloud = "global" | "china";

export const AUTHORITY_HOSTS: Record<Cloud, string> = {
  global: "https://login.microsoftonline.com",
  china: "https://login.partner.microsoftonline.cn",
};

export interface InjectedAuth {
  clientId?: string;
  cloud?: string;
  tenant?: string;
  /** The API scope; default api://<the pane's host>/<clientId>/access_as_user. */
  scope?: string;
}

export interface AuthConfig {
  clientId: string | null;
  cloud: Cloud;
  /** https://login.microsoftonline.com/<tenant> or the Azure China equivalent. */
  authority: string;
  scope: string | null;
}

/** The placeholder app id in manifest.xml: not a real app, so nothing may sign in with it. */
const PLACEHOLDER = "00000000-0000-0000-0000-000000000000";

export function authConfig(injected: InjectedAuth | undefined, paneHost: string): AuthConfig {
  const cloud: Cloud = injected?.cloud === "china" ? "china" : "global";
  const clientId = injected?.clientId && injected.clientId !== PLACEHOLDER ? injected.clientId : null;
  // "organizations": any work account; a tenant id or domain pins it to the 组织部's own directory.
  const tenant = injected?.tenant?.trim() || "organizations";
  return {
    clientId,
    cloud,
    authority: `${AUTHORITY_HOSTS[cloud]}/${encodeURIComponent(tenant)}`,
    scope: clientId ? (injected?.scope ?? `api://${paneHost}/${clientId}/access_as_user`) : null,
  };
}

/** The page's config (injected by the server that serves the pane). */
export const pageAuthConfig = (): AuthConfig =>
  authConfig(
    (globalThis as { KAOPING_CONFIG?: { auth?: InjectedAuth } }).KAOPING_CONFIG?.auth,
    (globalThis as { location?: { host: string } }).location?.host ?? "localhost:3000",
  );
