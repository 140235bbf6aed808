/**
 * Failures of a whole request, one class per kind (api.md "Errors of a whole request").
 * The body is `{"error":{"code","message"}}` in Vietnamese, never a stack trace.
 */
import { REQUEST_ERROR_MESSAGES, type RequestErrorCode } from '../../shared/messages';
import type { FieldError } from '../../shared/models';
import type { ErrorBody } from '../../shared/wire/errors';
import type { ApiResponse } from './types';

export abstract class ApiError extends Error {
  abstract readonly status: number;
  abstract readonly code: RequestErrorCode;
  readonly headers: Record<string, string> = {};
  constructor(readonly detail?: string) {
    super(detail);
  }
  body(): ErrorBody {
    const base = REQUEST_ERROR_MESSAGES[this.code];
    return { error: { code: this.code, message: this.detail ? `${base} ${this.detail}` : base } };
  }
}

export class BadJsonError extends ApiError {
  readonly status = 400;
  readonly code = 'BAD_JSON' as const;
}
export class BadBodyError extends ApiError {
  readonly status = 400;
  readonly code = 'BAD_BODY' as const;
  /** `errors`: per-field faults (the profile's), listed inside `error` and beside it as INVALID_POLICY does. */
  constructor(
    detail?: string,
    readonly errors: readonly FieldError[] = [],
  ) {
    super(detail);
  }
  override body(): ErrorBody {
    const b = super.body();
    return this.errors.length ? { error: { ...b.error, errors: [...this.errors] }, errors: [...this.errors] } : b;
  }
}
export class InvalidParamError extends ApiError {
  readonly status = 400;
  readonly code = 'INVALID_PARAM' as const;
}
export class InvalidPolicyError extends ApiError {
  readonly status = 400;
  readonly code = 'INVALID_POLICY' as const;
  constructor(readonly errors: FieldError[]) {
    super();
  }
  /** `errors` inside `error` and, since api.md does not say which level, beside it too. */
  override body(): ErrorBody {
    const b = super.body();
    return { error: { ...b.error, errors: this.errors }, errors: this.errors };
  }
}
export class UnauthenticatedError extends ApiError {
  readonly status = 401;
  readonly code = 'UNAUTHENTICATED' as const;
}
export class ForbiddenError extends ApiError {
  readonly status = 403;
  readonly code = 'FORBIDDEN' as const;
}
export class NotFoundError extends ApiError {
  readonly status = 404;
  readonly code = 'NOT_FOUND' as const;
}
export class MethodNotAllowedError extends ApiError {
  readonly status = 405;
  readonly code = 'METHOD_NOT_ALLOWED' as const;
  /** `needsKey`: every route of the path takes a key, so the key is checked before this answer. */
  constructor(
    allow: readonly string[],
    readonly needsKey = false,
  ) {
    super();
    this.headers.Allow = allow.join(', ');
  }
}
/** 409: the year is closed (cycle.md §4), or closing a year already closed. */
export class YearClosedError extends ApiError {
  readonly status = 409;
  readonly code = 'YEAR_CLOSED' as const;
}
export class TooLargeError extends ApiError {
  readonly status = 413;
  readonly code = 'TOO_LARGE' as const;
}
/** 503 STORAGE_UNAVAILABLE: what storage's StorageUnavailableError becomes (pipeline.ts). */
export class ServiceUnavailableError extends ApiError {
  readonly status = 503;
  readonly code = 'STORAGE_UNAVAILABLE' as const;
  constructor(readonly retryAfterSeconds = 5) {
    super();
    this.headers['Retry-After'] = String(retryAfterSeconds);
  }
}
export class InternalError extends ApiError {
  readonly status = 500;
  readonly code = 'INTERNAL' as const;
}

export function errorResponse(err: ApiError): ApiResponse {
  return { status: err.status, headers: err.headers, body: err.body() };
}
