/** Storage failures by HTTP status (`statusCode`, not `code`, as Azurite and Azure both set it). */
import { StorageUnavailableError } from '../http/errors';

export function statusOf(err: unknown): number | undefined {
  if (typeof err === 'object' && err !== null && 'statusCode' in err) {
    const s = (err as { statusCode?: unknown }).statusCode;
    return typeof s === 'number' ? s : undefined;
  }
  return undefined;
}

/** Unreachable, timed out or failing on its side: worth a 503 and a retry. */
export function isUnavailable(err: unknown): boolean {
  if (err instanceof StorageUnavailableError) return true;
  const status = statusOf(err);
  if (status === undefined) {
    const name = typeof err === 'object' && err !== null ? (err as { name?: unknown }).name : undefined;
    return name === 'RestError' || name === 'AbortError' || isNodeNetworkError(err);
  }
  return status === 408 || status === 429 || status >= 500;
}

function isNodeNetworkError(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^(E[A-Z]+|UND_ERR.*)$/.test(code);
}

/** A conditional write lost: the row changed (412) or already exists (409). */
export function isContention(err: unknown): boolean {
  const s = statusOf(err);
  return s === 409 || s === 412;
}

export function isNotFound(err: unknown): boolean {
  return statusOf(err) === 404;
}

/** Runs a storage call, turning "storage unreachable" into StorageUnavailableError. */
export async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUnavailable(err)) throw new StorageUnavailableError();
    throw err;
  }
}
