/**
 * Runs one routed request: authentication and role/org checks before any other work, then
 * the handler; every failure becomes a JSON error body without a stack trace.
 */
import { canAccessOrg } from './auth/keys';
import { roleAtLeast } from '../shared/roles';
import {
  ApiError,
  errorResponse,
  ForbiddenError,
  InternalError,
  MethodNotAllowedError,
  StorageUnavailableError,
  UnauthenticatedError,
} from './http/errors';
import { orgParam } from './http/params';
import type { ApiRequest, ApiResponse } from './http/types';
import type { Route } from './route';
import type { Services } from './services';
import { isUnavailable } from './storage/errors';

export async function execute(route: Route, req: ApiRequest, params: Record<string, string>, services: Services): Promise<ApiResponse> {
  try {
    let principal = null;
    if (route.role !== null) {
      principal = services.keys.authenticate(req.header('x-api-key'));
      if (!principal) throw new UnauthenticatedError();
      if (!roleAtLeast(principal.role, route.role)) throw new ForbiddenError();
      if (params.org !== undefined && !canAccessOrg(principal, params.org)) throw new ForbiddenError();
    }
    const org = params.org !== undefined ? orgParam(params.org) : '';
    return await route.handler({ req, params, principal, org, services });
  } catch (err) {
    return failure(err, route, services);
  }
}

export function failure(err: unknown, route: Route | null, services: Services): ApiResponse {
  if (err instanceof ApiError) return errorResponse(err);
  if (isUnavailable(err)) return errorResponse(new StorageUnavailableError());
  services.log('unhandled error', {
    route: route?.name ?? null,
    error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
  });
  return errorResponse(new InternalError());
}

/**
 * The answer to a request the router refused: 404, or 405 — after the key check when every
 * route of the path takes a key (authentication comes before anything else).
 */
export function routingFailure(err: unknown, req: Pick<ApiRequest, 'header'>, services: Services): ApiResponse {
  if (err instanceof MethodNotAllowedError && err.needsKey && !services.keys.authenticate(req.header('x-api-key'))) {
    return errorResponse(new UnauthenticatedError());
  }
  return failure(err, null, services);
}
