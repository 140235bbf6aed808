/** The shape of a route of the route table (types only). */
import type { Principal } from './auth/keys';
import type { Role } from '../shared/roles';
import type { ApiRequest, ApiResponse } from './http/types';
import type { Services } from './services';

export type HttpMethod = 'GET' | 'POST' | 'PUT';

export interface RouteContext {
  readonly req: ApiRequest;
  readonly params: Readonly<Record<string, string>>;
  /** The caller, null on routes that need no key. */
  readonly principal: Principal | null;
  /** The path's `{org}`, checked (`[a-z0-9-]{2,32}`) and allowed for the caller. */
  readonly org: string;
  readonly services: Services;
}

export interface Route {
  /** The function's name on Azure. */
  readonly name: string;
  readonly method: HttpMethod;
  /** Azure route template after `/api/`, e.g. `orgs/{org}/policies/{year}`. */
  readonly pattern: string;
  /** The lowest role allowed; null: no key needed. */
  readonly role: Role | null;
  handler(ctx: RouteContext): Promise<ApiResponse>;
}

export interface TimerJob {
  readonly name: string;
  /** NCRONTAB (six fields, UTC on Linux plans). */
  schedule(env: Record<string, string | undefined>): string;
  run(services: Services): Promise<unknown>;
}
