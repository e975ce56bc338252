/**
 * App settings, read from the environment on every use (Azure app settings, local.settings.json
 * under Core Tools, or the local host), so the same code runs locally and in Azure.
 */
export interface Settings {
  /** Storage connection string: Azure Storage or Azurite. */
  storage: string | undefined;
  /** Entra ID tenant: when set, tokens are checked against the tenant's published keys. */
  tenantId: string | undefined;
  /** Entra ID's sign-in host: login.microsoftonline.com (global) or login.chinacloudapi.cn (Azure China, 21Vianet). */
  authorityHost: string;
  /** Where the tenant's signing keys are fetched; derived from the authority unless set. */
  jwksUri: string | undefined;
  /** Accepted `aud` values: api://kaoping and, for v2.0 tokens, the API's client id. */
  audiences: string[];
  /** Running in Azure App Service / Functions (WEBSITE_INSTANCE_ID is set there): no development issuer. */
  inAzure: boolean;
  /** Local development issuer: its public JWKS (JSON) and issuer name, made by the local host. */
  devJwks: string | undefined;
  devIssuer: string;
  /** The add-in's origin, the only one CORS allows (comma-separated for several). */
  allowedOrigins: string[];
}

export function settings(): Settings {
  const env = process.env;
  return {
    storage: env.KAOPING_STORAGE || env.AzureWebJobsStorage || undefined,
    tenantId: env.KAOPING_TENANT_ID || undefined,
    authorityHost: (env.KAOPING_AUTHORITY_HOST || "login.microsoftonline.com")
      .trim()
      .replace(/^https:\/\//i, "")
      .replace(/\/+$/, "")
      .toLowerCase(),
    jwksUri: env.KAOPING_JWKS_URI || undefined,
    audiences: (env.KAOPING_AUDIENCE || "api://kaoping")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    inAzure: !!env.WEBSITE_INSTANCE_ID,
    devJwks: env.KAOPING_DEV_JWKS || undefined,
    devIssuer: env.KAOPING_DEV_ISSUER || "https://kaoping.local/dev",
    allowedOrigins: (env.KAOPING_ALLOWED_ORIGIN || "https://localhost:3000")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  };
}
