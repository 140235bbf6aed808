/** The shape of a route of the route table (types only). */
import type { Caller } from './auth/caller';
import type { Principal } from './auth/keys';
import type { Role } from '../shared/roles';
import type { ApiRequest, ApiResponse } from './http/types';
import type { Services } from './services';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteContext {
  readonly req: ApiRequest;
  readonly params: Readonly<Record<string, string>>;
  /** The caller with its role in the route's org (`*` on national routes), null on routes that need no key. */
  readonly principal: Principal | null;
  /** Who called (a key or an account), null on routes that need no key. */
  readonly caller: Caller | null;
  /** The path's `{org}`, checked (`[a-z0-9-]{2,32}`) and allowed for the caller. */
  readonly org: string;
  readonly services: Services;
  /** This request's id (the `x-request-id` answered and logged). */
  readonly requestId: string;
}

export interface Route {
  /** The function's name on Azure. */
  readonly name: string;
  readonly method: HttpMethod;
  /** Azure route template after `/api/`, e.g. `orgs/{org}/policies/{year}`. */
  readonly pattern: string;
  /** The lowest role allowed; null: no key needed. */
  readonly role: Role | null;
  /**
   * Whose role `role` is checked against: the path's `{org}` (the default), every org (`*`:
   * a key or account of org `*`), or none (`caller`: any valid key or token).
   */
  readonly scope?: 'org' | 'national' | 'caller';
  /** The path's `{org}` may be `*` (members of every org). */
  readonly allOrgs?: boolean;
  handler(ctx: RouteContext): Promise<ApiResponse>;
  /**
   * A way in without a key (signed download links): when the request carries no key but a
   * `sig` query parameter, this runs instead of the key, role and org checks, and throws
   * UnauthenticatedError unless the signature holds. The handler then sees no principal.
   */
  signedAccess?(req: ApiRequest, params: Readonly<Record<string, string>>, services: Services): void;
}

export interface TimerJob {
  readonly name: string;
  /** NCRONTAB (six fields, UTC on Linux plans). */
  schedule(env: Record<string, string | undefined>): string;
  run(services: Services): Promise<unknown>;
}
