/**
 * THE route table: every HTTP route of api.md (method, pattern after `/api/`, lowest role,
 * handler) and the timer job. The Azure entry (index.ts) and the dev host (dev/host.ts) are
 * both built from it.
 */
import { health } from './handlers/health';
import type { Route, TimerJob } from './route';

export const ROUTES: readonly Route[] = [
  { name: 'health', method: 'GET', pattern: 'health', role: null, handler: health },
];

export const TIMERS: readonly TimerJob[] = [];
