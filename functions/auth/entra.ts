/**
 * Bearer tokens: Entra ID v2 access tokens for the API's app registration, checked with `jose`
 * against the tenant's JWKS (identity.md "The API"). A token is accepted only when every check
 * holds: RS256 by a key of the JWKS, `iss`, `aud`, `tid`, `exp`/`nbf` within 5 minutes, and
 * `scp` holding `access_as_user`. The reason of a refusal goes to the log, never to the caller.
 */
import { normalizeAccount } from './accounts';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';

export const REQUIRED_SCOPE = 'access_as_user';
export const CLOCK_SKEW_SECONDS = 300;
/** An unknown `kid` refetches the JWKS at most once in this time. */
export const JWKS_COOLDOWN_MS = 60_000;
/** Keys are refetched after this age even when every `kid` is known. */
export const JWKS_MAX_AGE_MS = 24 * 3_600_000;

export interface EntraEnv {
  ENTRA_TENANT_ID?: string;
  ENTRA_CLIENT_ID?: string;
  ENTRA_AUDIENCE?: string;
  ENTRA_JWKS_URL?: string;
  ENTRA_ISSUER?: string;
}

export interface EntraConfig {
  readonly tenantId: string;
  readonly clientId: string;
  /** Exact audiences accepted besides `<clientId>` and `api://…/<clientId>`. */
  readonly extraAudiences: readonly string[];
  readonly issuer: string;
  readonly jwksUrl: string;
}

/** The account behind a token: `preferred_username` in lower case, and `name`. */
export interface TokenIdentity {
  readonly account: string;
  readonly name: string;
}

export interface TokenVerifier {
  /** The identity of a valid token, or null (the reason is logged). */
  verify(token: string): Promise<TokenIdentity | null>;
}

const nonEmpty = (v: string | undefined): string | undefined => (v && v.trim() !== '' ? v.trim() : undefined);

/** The configuration of `ENTRA_*`; null without `ENTRA_TENANT_ID` (bearer tokens refused). */
export function entraConfig(env: EntraEnv): EntraConfig | null {
  const tenantId = nonEmpty(env.ENTRA_TENANT_ID);
  if (!tenantId) return null;
  const clientId = nonEmpty(env.ENTRA_CLIENT_ID);
  const extraAudiences = (env.ENTRA_AUDIENCE ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (!clientId && extraAudiences.length === 0) {
    throw new Error('ENTRA_TENANT_ID is set: set ENTRA_CLIENT_ID (or ENTRA_AUDIENCE) too');
  }
  if (!/^[A-Za-z0-9.-]{1,100}$/.test(tenantId)) throw new Error('ENTRA_TENANT_ID is not a tenant id');
  return {
    tenantId,
    clientId: clientId ?? '',
    extraAudiences,
    issuer: nonEmpty(env.ENTRA_ISSUER) ?? `https://login.microsoftonline.com/${tenantId}/v2.0`,
    jwksUrl: nonEmpty(env.ENTRA_JWKS_URL) ?? `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`,
  };
}

/** `aud` accepted: the client id, `api://<clientId>` or `api://…/<clientId>`, or one of ENTRA_AUDIENCE. */
export function audienceAccepted(config: EntraConfig, aud: JWTPayload['aud']): boolean {
  const values = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : [];
  const id = config.clientId;
  return values.some(
    (a) =>
      typeof a === 'string' &&
      (config.extraAudiences.includes(a) ||
        (id !== '' && (a === id || a === `api://${id}` || (a.startsWith('api://') && a.endsWith(`/${id}`) && a.length > `api:///${id}`.length)))),
  );
}

/** `scp` is a space-separated list of scopes. */
export function hasScope(scp: unknown, scope: string): boolean {
  return typeof scp === 'string' && scp.split(' ').includes(scope);
}

/** The account of a verified payload, or a reason it has none. */
export function identityOf(payload: JWTPayload): TokenIdentity | string {
  const upn = payload.preferred_username;
  if (typeof upn !== 'string' || upn.trim() === '') return 'no preferred_username';
  const account = normalizeAccount(upn);
  if (!account) return 'preferred_username is not an account (name@domain)';
  const name = typeof payload.name === 'string' && payload.name.trim() !== '' ? payload.name.trim() : account;
  return { account, name };
}

function reasonOf(err: unknown): string {
  if (err instanceof joseErrors.JOSEError) return `${err.code}: ${err.message}`;
  return err instanceof Error ? err.name : 'unknown';
}

export type Log = (message: string, fields?: Record<string, unknown>) => void;

/** Without a configuration (no `ENTRA_TENANT_ID`) every token is refused. */
export function createTokenVerifier(config: EntraConfig | null, log: Log): TokenVerifier {
  if (!config) {
    return {
      verify: () => {
        log('bearer token refused', { reason: 'ENTRA_TENANT_ID not set' });
        return Promise.resolve(null);
      },
    };
  }
  const jwks = createRemoteJWKSet(new URL(config.jwksUrl), {
    cooldownDuration: JWKS_COOLDOWN_MS,
    cacheMaxAge: JWKS_MAX_AGE_MS,
    timeoutDuration: 5_000,
  });
  const refuse = (reason: string): null => {
    log('bearer token refused', { reason });
    return null;
  };
  return {
    async verify(token) {
      if (token.length > 16_384) return refuse('token too long');
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, jwks, {
          algorithms: ['RS256'],
          issuer: config.issuer,
          clockTolerance: CLOCK_SKEW_SECONDS,
          requiredClaims: ['exp', 'iss', 'aud'],
        }));
      } catch (err) {
        return refuse(reasonOf(err));
      }
      if (!audienceAccepted(config, payload.aud)) return refuse('aud not accepted');
      if (payload.tid !== config.tenantId) return refuse('tid is not the tenant');
      if (!hasScope(payload.scp, REQUIRED_SCOPE)) return refuse(`scp lacks ${REQUIRED_SCOPE}`);
      const identity = identityOf(payload);
      return typeof identity === 'string' ? refuse(identity) : identity;
    },
  };
}
