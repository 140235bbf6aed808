/** CORS for the dev host (on Azure, CORS is a setting of the Function App). */
export const CORS_ALLOW_METHODS = 'GET, POST, PUT, DELETE, OPTIONS';
export const CORS_ALLOW_HEADERS = 'x-api-key, authorization, content-type';

/** The CORS headers for a request from `origin`, given `CORS_ORIGINS` (comma list, default `*`). */
export function corsHeaders(corsOrigins: string | undefined, origin: string | undefined): Record<string, string> {
  const allowed = (corsOrigins ?? '*')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (allowed.length === 0 || allowed.includes('*')) return { 'Access-Control-Allow-Origin': '*' };
  if (origin && allowed.includes(origin)) return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  return { Vary: 'Origin' };
}

export function preflightHeaders(corsOrigins: string | undefined, origin: string | undefined): Record<string, string> {
  return {
    ...corsHeaders(corsOrigins, origin),
    'Access-Control-Allow-Methods': CORS_ALLOW_METHODS,
    'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS,
    'Access-Control-Max-Age': '600',
  };
}
