/**
 * The sign-in configuration of a deployment: `auth-config.json` served beside the pane
 * (written by whoever deploys it, never typed by staff):
 * `{"clientId":"…","tenantId":"…","apiScope":"api://…/access_as_user"}`. No file (or an
 * empty one) means Microsoft 365 sign-in is not set up: the pane offers API keys only.
 */

export interface AuthConfig {
  /** The add-in's (SPA) app registration: its application (client) id. */
  readonly clientId: string;
  /** The tenant (directory) id or a verified domain. */
  readonly tenantId: string;
  /** The API's delegated scope, `api://<api client id>/access_as_user`. */
  readonly apiScope: string;
}

export const AUTH_CONFIG_FILE = 'auth-config.json';

const GUIDISH = /^[A-Za-z0-9.-]{1,100}$/;

/** The configuration of a parsed file, or a reason it cannot be used (English, for the log and the README). */
export function parseAuthConfig(value: unknown): AuthConfig | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const v = value as Record<string, unknown>;
  const text = (k: string): string => (typeof v[k] === 'string' ? (v[k] as string).trim() : '');
  const clientId = text('clientId');
  const tenantId = text('tenantId');
  const apiScope = text('apiScope');
  if (!GUIDISH.test(clientId)) return 'clientId missing or malformed';
  if (!GUIDISH.test(tenantId)) return 'tenantId missing or malformed';
  if (!/^api:\/\/\S+\/access_as_user$/.test(apiScope)) return 'apiScope must be api://…/access_as_user';
  return { clientId, tenantId, apiScope };
}

export type FetchText = (url: string) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

/**
 * Reads `auth-config.json` beside the pane. Null when there is none (404) or it is empty;
 * a file that is there but wrong is an error (the deployment must fix it).
 */
export async function loadAuthConfig(fetchText: FetchText, baseUrl: string): Promise<AuthConfig | null> {
  const url = new URL(AUTH_CONFIG_FILE, baseUrl).toString();
  let res: Awaited<ReturnType<FetchText>>;
  try {
    res = await fetchText(url);
  } catch {
    return null;
  }
  if (res.status === 404 || !res.ok) return null;
  const text = (await res.text()).trim();
  if (text === '' || text === '{}') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${AUTH_CONFIG_FILE}: not JSON`);
  }
  const config = parseAuthConfig(parsed);
  if (typeof config === 'string') throw new Error(`${AUTH_CONFIG_FILE}: ${config}`);
  return config;
}
