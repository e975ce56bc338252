import { SignJWT, exportJWK, generateKeyPair, type JWTPayload, type CryptoKey } from "jose";
import type { Role } from "../../functions/lib/auth.ts";

export const DEV_ISSUER = "https://kaoping.local/dev";
export const DEV_AUDIENCE = "api://kaoping";

export interface MintOptions {
  roles?: string[];
  /** Lifetime; negative gives an already expired token; null gives one without exp. Default 12 h. */
  expiresInSeconds?: number | null;
  /** Seconds from now before which the token is not valid (nbf). */
  notBeforeSeconds?: number;
  audience?: string;
  issuer?: string;
  subject?: string;
  claims?: JWTPayload;
}

export interface DevIssuer {
  issuer: string;
  audience: string;
  /** The public JWKS, as the functions read it from KAOPING_DEV_JWKS. */
  jwks: string;
  mint(options?: MintOptions): Promise<string>;
  /** Ready token for one role, as `npm start` prints. */
  tokenFor(role: Role, expiresInSeconds?: number | null): Promise<string>;
}

/** A development token issuer: a fresh ES256 key pair per start, so no secret ever lives in the repo. */
export async function makeDevIssuer(issuer = DEV_ISSUER, audience = DEV_AUDIENCE): Promise<DevIssuer> {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const kid = `dev-${Date.now().toString(36)}`;
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" };
  const mintWith = async (key: CryptoKey, o: MintOptions = {}) => {
    const now = Math.floor(Date.now() / 1000);
    const life = o.expiresInSeconds === null ? null : (o.expiresInSeconds ?? 12 * 3600);
    const subject = o.subject ?? `dev-${(o.roles ?? ["anonymous"]).join("-")}`;
    const jwt = new SignJWT({
      roles: o.roles ?? [],
      preferred_username: `${subject}@kaoping.local`,
      ...(o.claims ?? {}),
    })
      .setProtectedHeader({ alg: "ES256", kid, typ: "JWT" })
      .setIssuer(o.issuer ?? issuer)
      .setAudience(o.audience ?? audience)
      .setSubject(subject)
      .setIssuedAt(life !== null && life < 0 ? now + life - 60 : now);
    if (life !== null) jwt.setExpirationTime(now + life);
    if (o.notBeforeSeconds !== undefined) jwt.setNotBefore(now + o.notBeforeSeconds);
    return jwt.sign(key);
  };
  return {
    issuer,
    audience,
    jwks: JSON.stringify({ keys: [jwk] }),
    mint: (o) => mintWith(privateKey, o),
    tokenFor: (role, expiresInSeconds) =>
      mintWith(privateKey, { roles: [role], subject: `dev-${role}`, expiresInSeconds }),
  };
}

/** Points the functions at this issuer (the same settings Azure would hold for a tenant). */
export function useDevIssuer(dev: DevIssuer): void {
  delete process.env.KAOPING_TENANT_ID;
  process.env.KAOPING_DEV_JWKS = dev.jwks;
  process.env.KAOPING_DEV_ISSUER = dev.issuer;
  process.env.KAOPING_AUDIENCE = dev.audience;
}
