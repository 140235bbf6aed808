/**
 * The one structured line per request an operator follows: request id, route, org, status,
 * duration and, for a publish, rows by outcome. Never a key, a token or a body.
 */
import { ORG_ID_PATTERN } from '../../shared/ids';
import type { ApiResponse } from './types';

export interface RequestLogLine {
  requestId: string;
  route: string;
  /** The path's org when it is a valid org id (or `*`), else null: nothing the caller typed is echoed. */
  org: string | null;
  status: number;
  durationMs: number;
  /** A publish's rows by outcome (its `summary`). */
  rows?: Record<string, number>;
}

function publishSummary(body: unknown): Record<string, number> | undefined {
  if (typeof body !== 'object' || body === null || !('results' in body) || !('summary' in body)) return undefined;
  const summary = (body as { summary: unknown }).summary;
  if (typeof summary !== 'object' || summary === null) return undefined;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(summary)) if (typeof v === 'number') out[k] = v;
  return out;
}

export function requestLogLine(requestId: string, route: string, org: string | undefined, response: ApiResponse, durationMs: number): RequestLogLine {
  const rows = publishSummary(response.body);
  return {
    requestId,
    route,
    org: org !== undefined && (org === '*' || ORG_ID_PATTERN.test(org)) ? org : null,
    status: response.status,
    durationMs: Math.round(durationMs),
    ...(rows ? { rows } : {}),
  };
}
