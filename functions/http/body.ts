/** Request bodies: size limits, JSON parsing, shapes checked with zod. */
import { z } from 'zod';
import { LIMITS } from '../../shared/limits';
import { PUBLISH_MAX_BYTES, PUBLISH_MAX_ROWS } from '../../shared/wire/publish';
import { BadBodyError, BadJsonError, TooLargeError } from './errors';
import { deeperThan } from './json-depth';
import type { ApiRequest } from './types';

/** Every body's limit: a publish's (policies are far smaller). */
const MAX_BODY_BYTES = PUBLISH_MAX_BYTES;

export async function readJson(req: ApiRequest): Promise<unknown> {
  const text = await req.readBody(MAX_BODY_BYTES);
  if (text.trim() === '') throw new BadJsonError();
  // Before any work: deep nesting would overflow the stack of every recursive step after this.
  if (deeperThan(text, LIMITS.jsonDepth)) throw new BadBodyError(`JSON lồng nhau quá ${LIMITS.jsonDepth} tầng.`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadJsonError();
  }
}

const rowsBody = z.object({ rows: z.array(z.unknown()) });

/** `{"rows":[…]}` with at most 5,000 rows. */
export async function readRowsBody(req: ApiRequest): Promise<unknown[]> {
  const parsed = rowsBody.safeParse(await readJson(req));
  if (!parsed.success) throw new BadBodyError('Cần {"rows":[…]}: một danh sách các dòng.');
  if (parsed.data.rows.length > PUBLISH_MAX_ROWS) throw new TooLargeError();
  return parsed.data.rows;
}

/** A JSON object body; `expected` says what it should hold (for the message). */
export async function readObjectBody(req: ApiRequest, expected: string): Promise<Record<string, unknown>> {
  const parsed = z.record(z.string(), z.unknown()).safeParse(await readJson(req));
  if (!parsed.success) throw new BadBodyError(expected);
  return parsed.data;
}
