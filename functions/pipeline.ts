/**
 * Runs one routed request: authentication and role/org checks before any other work, then
 * the handler; every failure becomes a JSON error body without a stack trace.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { requestLogLine, type RequestLogLine } from './http/request-log';
import { authenticate, principalFor, roleIn, type Caller } from './auth/caller';
import type { Principal } from './auth/keys';
import { roleAtLeast } from '../shared/roles';
import {
  ApiError,
  errorResponse,
  ForbiddenError,
  InternalError,
  MethodNotAllowedError,
  ServiceUnavailableError,
  UnauthenticatedError,
} from './http/errors';
import { ORG_ID_PATTERN } from '../shared/ids';
import { orgParam } from './http/params';
import type { ApiRequest, ApiResponse } from './http/types';
import type { Route } from './route';
import type { Services } from './services';
import { ContentionError, isUnavailable } from './storage/errors';

/**
 * Runs a routed request. Every answer carries `x-request-id`: the id its log lines carry, so a
 * row rejected with INTERNAL (or a 500) can be found in the log.
 */
export async function execute(
  route: Route,
  req: ApiRequest,
  params: Record<string, string>,
  services: Services,
  opts: { requestId?: string; log?: (line: RequestLogLine) => void } = {},
): Promise<ApiResponse> {
  const requestId = opts.requestId ?? randomUUID();
  const started = performance.now();
  const response = await run(route, req, params, services, requestId);
  // One line per request (the Functions invocation's log on Azure, services.log locally).
  const line = requestLogLine(requestId, route.name, params.org, response, performance.now() - started);
  if (opts.log) opts.log(line);
  else services.log('request', { ...line });
  return { ...response, headers: { ...response.headers, 'x-request-id': requestId } };
}

async function run(route: Route, req: ApiRequest, params: Record<string, string>, services: Services, requestId: string): Promise<ApiResponse> {
  try {
    let principal: Principal | null = null;
    let caller: Caller | null = null;
    const allOrgs = route.allOrgs === true && params.org === '*';
    if (route.role !== null && route.signedAccess && !req.header('x-api-key') && !req.header('authorization') && req.query.get('sig') !== null) {
      // a signed link: no caller, the signature alone decides
      route.signedAccess(req, params, services);
    } else if (route.role !== null) {
      caller = await authenticate(req, services.identity);
      if (!caller) throw new UnauthenticatedError();
      const scope = route.scope ?? 'org';
      if (scope !== 'caller') {
        const org = scope === 'national' ? '*' : (params.org ?? '');
        const role = await roleIn(caller, org, services.identity, org === '*' || ORG_ID_PATTERN.test(org));
        if (role === null || !roleAtLeast(role, route.role)) throw new ForbiddenError();
        principal = principalFor(caller, org, role);
      }
    }
    const org = allOrgs ? '*' : params.org !== undefined ? orgParam(params.org) : '';
    return await route.handler({ req, params, principal, caller, org, services, requestId });
  } catch (err) {
    return failure(err, route, services, requestId);
  }
}

export function failure(err: unknown, route: Route | null, services: Services, requestId: string | null = null): ApiResponse {
  if (err instanceof ApiError) return errorResponse(err);
  // Storage's failures, mapped here: unreachable storage (its StorageUnavailableError, or an SDK
  // error that escaped a guard) answers 503 with Retry-After.
  if (isUnavailable(err)) return errorResponse(new ServiceUnavailableError());
  // A write that kept losing to other writers: nothing stored, worth a retry soon.
  if (err instanceof ContentionError) return errorResponse(new ServiceUnavailableError(1));
  services.log('unhandled error', {
    requestId,
    route: route?.name ?? null,
    error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
  });
  return errorResponse(new InternalError());
}

/**
 * The answer to a request the router refused: 404, or 405 — after the key check when every
 * route of the path takes a key (authentication comes before anything else).
 */
export async function routingFailure(err: unknown, req: Pick<ApiRequest, 'header'>, services: Services): Promise<ApiResponse> {
  try {
    if (err instanceof MethodNotAllowedError && err.needsKey && !(await authenticate(req, services.identity))) {
      return errorResponse(new UnauthenticatedError());
    }
  } catch (authErr) {
    return failure(authErr, null, services);
  }
  return failure(err, null, services);
}
