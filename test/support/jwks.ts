/**
 * A local identity provider for tests: RSA keys made in the test, their JWKS served by a tiny
 * `node:http` server on a free port (nothing reaches the internet), and tokens signed as Entra
 * ID v2 access tokens for the API (every claim can be changed or removed).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK, type JWTPayload, type KeyLike } from 'jose';
import type { ApiEnv } from '../../functions/services';

export const TENANT = '11111111-2222-3333-4444-555555555555';
export const CLIENT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
export const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;

export interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  publicJwk: JWK;
  publicPem: string;
}

export async function makeKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, publicJwk, publicPem: await exportSPKI(publicKey) };
}

export interface LocalIdp {
  url: string;
  /** Requests the JWKS server answered. */
  fetches(): number;
  /** The key in the JWKS. */
  key: SigningKey;
  /** A key the JWKS does not hold. */
  stranger: SigningKey;
  /** Replaces the keys the JWKS serves (key rotation). */
  serve(keys: SigningKey[]): void;
  env(extra?: Partial<ApiEnv>): Partial<ApiEnv>;
  /** A signed token: the good claims, overridden by `claims` (undefined removes a claim). */
  token(claims?: Record<string, unknown>, opts?: { key?: SigningKey; kid?: string; alg?: string }): Promise<string>;
  close(): Promise<void>;
}

export function goodClaims(now = Math.floor(Date.now() / 1000)): JWTPayload {
  return {
    iss: ISSUER,
    aud: CLIENT_ID,
    tid: TENANT,
    iat: now - 60,
    nbf: now - 60,
    exp: now + 3600,
    scp: 'access_as_user',
    preferred_username: 'Lan.Nguyen@Tinhdoan.VN',
    name: 'Nguyễn Thị Lan',
    oid: '99999999-0000-0000-0000-000000000001',
    ver: '2.0',
  };
}

export async function startLocalIdp(): Promise<LocalIdp> {
  const key = await makeKey('k-main');
  const stranger = await makeKey('k-stranger');
  let served: SigningKey[] = [key];
  let fetches = 0;
  const server: Server = createServer((req, res) => {
    fetches++;
    const body = JSON.stringify({ keys: served.map((k) => k.publicJwk) });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/keys`;
  return {
    url,
    key,
    stranger,
    fetches: () => fetches,
    serve(keys) {
      served = keys;
    },
    env: (extra = {}) => ({
      ENTRA_TENANT_ID: TENANT,
      ENTRA_CLIENT_ID: CLIENT_ID,
      ENTRA_JWKS_URL: url,
      ENTRA_ISSUER: ISSUER,
      ...extra,
    }),
    async token(claims = {}, opts = {}) {
      const signer = opts.key ?? key;
      const payload: Record<string, unknown> = { ...goodClaims(), ...claims };
      for (const [k, v] of Object.entries(payload)) if (v === undefined) delete payload[k];
      return new SignJWT(payload as JWTPayload)
        .setProtectedHeader({ alg: opts.alg ?? 'RS256', typ: 'JWT', kid: opts.kid ?? signer.kid })
        .sign(signer.privateKey);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** An unsecured token (`alg: none`) with the good claims. */
export function unsignedToken(claims: Record<string, unknown> = {}): string {
  return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...goodClaims(), ...claims })}.`;
}

/** HS256 signed with the public key's PEM as the shared secret (the classic confusion attack). */
export async function hs256WithPublicKey(key: SigningKey, claims: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT({ ...goodClaims(), ...claims } as JWTPayload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: key.kid })
    .sign(new TextEncoder().encode(key.publicPem));
}
