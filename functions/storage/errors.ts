/**
 * Storage's own failures, classified as data-tables' error helpers do: by the Table service's
 * error code (`EntityAlreadyExists`, `UpdateConditionNotSatisfied`, `ResourceNotFound`…), read
 * where the SDK puts it, with the HTTP status only where no code came back. The HTTP layer maps
 * `StorageUnavailableError` and `ContentionError` to its 503 answers; nothing here knows about HTTP.
 */

/** Storage could not be reached, timed out or failed on its side: the same work may be retried. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(cause?: unknown) {
    super('Table storage is unavailable', { cause });
  }
}

/**
 * A conditional write kept losing to other writers (every round of its retries): nothing of it
 * was stored, and the same request sent again will be decided anew.
 */
export class ContentionError extends Error {
  override readonly name = 'ContentionError';
  constructor() {
    super('The row kept changing while it was written');
  }
}

/** The service answered: the row already exists (create) or changed since its ETag (update). */
const CONTENTION_CODES: ReadonlySet<string> = new Set(['EntityAlreadyExists', 'UpdateConditionNotSatisfied']);
const NOT_FOUND_CODES: ReadonlySet<string> = new Set(['ResourceNotFound', 'EntityNotFound']);
/** The service is busy or failed on its side. */
const UNAVAILABLE_CODES: ReadonlySet<string> = new Set(['ServerBusy', 'OperationTimedOut', 'InternalError', 'ServiceUnavailable']);
/** Node's and undici's network failures (`ECONNREFUSED`, `ETIMEDOUT`, `UND_ERR_SOCKET`…). */
const NETWORK_CODE = /^(E[A-Z]+|UND_ERR.*)$/;

type ErrorLike = {
  name?: unknown;
  code?: unknown;
  statusCode?: unknown;
  details?: { odataError?: { code?: unknown } };
  response?: { parsedBody?: { odataError?: { code?: unknown } } };
};

const asErrorLike = (err: unknown): ErrorLike => (typeof err === 'object' && err !== null ? (err as ErrorLike) : {});

function statusOf(err: unknown): number | undefined {
  const s = asErrorLike(err).statusCode;
  return typeof s === 'number' ? s : undefined;
}

/**
 * The Table service's error code: a single operation's is in the parsed `odata.error` body, a
 * transaction's in the error's `code` (where a network failure puts its `E…` code instead).
 */
export function serviceCode(err: unknown): string | undefined {
  const e = asErrorLike(err);
  const body = e.response?.parsedBody?.odataError?.code ?? e.details?.odataError?.code;
  if (typeof body === 'string') return body;
  return typeof e.code === 'string' && !NETWORK_CODE.test(e.code) ? e.code : undefined;
}

function isNetworkError(err: unknown): boolean {
  const code = asErrorLike(err).code;
  return typeof code === 'string' && NETWORK_CODE.test(code);
}

/** Unreachable, timed out or failing on its side: worth a 503 and a retry. */
export function isUnavailable(err: unknown): boolean {
  if (err instanceof StorageUnavailableError) return true;
  if (isNetworkError(err)) return true;
  const code = serviceCode(err);
  if (code !== undefined && UNAVAILABLE_CODES.has(code)) return true;
  const status = statusOf(err);
  if (status === undefined) {
    const name = asErrorLike(err).name;
    return name === 'RestError' || name === 'AbortError';
  }
  return status === 408 || status === 429 || status >= 500;
}

/** A conditional write lost: the row already exists or changed (409 / 412 without a code). */
export function isContention(err: unknown): boolean {
  const code = serviceCode(err);
  if (code !== undefined) return CONTENTION_CODES.has(code);
  const s = statusOf(err);
  return s === 409 || s === 412;
}

/** The entity is not there (404 without a code). */
export function isNotFound(err: unknown): boolean {
  const code = serviceCode(err);
  if (code !== undefined) return NOT_FOUND_CODES.has(code);
  return statusOf(err) === 404;
}

/** Runs a storage call, turning "storage unreachable" into StorageUnavailableError. */
export async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUnavailable(err)) throw new StorageUnavailableError(err);
    throw err;
  }
}
