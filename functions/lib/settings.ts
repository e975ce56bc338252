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

/** A comma-separated list, worked out again only when its variable changes. */
function listOf(fallback: string): (raw: string | undefined) => string[] {
  let last: { raw: string | undefined; list: string[] } | undefined;
  return (raw) => {
    if (!last || last.raw !== raw)
      last = {
        raw,
        list: (raw || fallback)
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      };
    return last.list;
  };
}
const audiences = listOf("api://kaoping");
const allowedOrigins = listOf("https://localhost:3000");

/**
 * Each setting reads its own variables when it is used: a request reads only what it needs (an environment
 * read is a call into the runtime, and health needs one setting, not ten), and a changed variable counts at once.
 */
const FROM_ENV: Settings = {
  get storage() {
    return process.env.KAOPING_STORAGE || process.env.AzureWebJobsStorage || undefined;
  },
  get tenantId() {
    return process.env.KAOPING_TENANT_ID || undefined;
  },
  get authorityHost() {
    return (process.env.KAOPING_AUTHORITY_HOST || "login.microsoftonline.com")
      .trim()
      .replace(/^https:\/\//i, "")
      .replace(/\/+$/, "")
      .toLowerCase();
  },
  get jwksUri() {
    return process.env.KAOPING_JWKS_URI || undefined;
  },
  get audiences() {
    return audiences(process.env.KAOPING_AUDIENCE);
  },
  get inAzure() {
    return !!process.env.WEBSITE_INSTANCE_ID;
  },
  get devJwks() {
    return process.env.KAOPING_DEV_JWKS || undefined;
  },
  get devIssuer() {
    return process.env.KAOPING_DEV_ISSUER || "https://kaoping.local/dev";
  },
  get allowedOrigins() {
    return allowedOrigins(process.env.KAOPING_ALLOWED_ORIGIN);
  },
};

export function settings(): Readonly<Settings> {
  return FROM_ENV;
}
