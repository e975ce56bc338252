/**
 * App settings, read from the environment on every use (Azure app settings, local.settings.json
 * under Core Tools, or the local host), so the same code runs locally and in Azure.
 */
export interface Settings {
  /** Storage connection string: Azure Storage or Azurite. */
  storage: string | undefined;
  /** Entra ID tenant: when set, tokens are checked against the tenant's published keys. */
  tenantId: string | undefined;
  audience: string;
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
    audience: env.KAOPING_AUDIENCE || "api://kaoping",
    devJwks: env.KAOPING_DEV_JWKS || undefined,
    devIssuer: env.KAOPING_DEV_ISSUER || "https://kaoping.local/dev",
    allowedOrigins: (env.KAOPING_ALLOWED_ORIGIN || "https://localhost:3000")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  };
}
