/**
 * The first, stored-state-free step of a publish: each request row to a rejected row, a delete
 * or a validated record, with its id, version and ref. Duplicate ids: every copy after the
 * first is rejected with DUPLICATE_ID. Trips and absences without an id get a new one.
 */
import { isBlank, parseBoolean, parseText } from '../../shared/cells';
import { kindInfo, rawRowId, rowId } from '../../shared/kinds';
import { errorMessage } from '../../shared/messages';
import type { EntityByKind, FieldError, Kind } from '../../shared/models';
import { BOOLEAN_EXPECTED } from '../../shared/schemas/fields';
import { validateRow, type ValidationContext } from '../../shared/validate';

interface Base {
  readonly index: number;
  readonly ref: unknown;
}
export interface RejectedRow extends Base {
  readonly type: 'rejected';
  readonly id: string | null;
  readonly errors: FieldError[];
}
export interface DeleteRow extends Base {
  readonly type: 'delete';
  readonly id: string;
  readonly version: string | null;
}
export interface UpsertRow<K extends Kind> extends Base {
  readonly type: 'upsert';
  readonly id: string;
  readonly version: string | null;
  readonly record: EntityByKind[K];
}
export type PreparedRow<K extends Kind> = RejectedRow | DeleteRow | UpsertRow<K>;

function asObject(raw: unknown): Record<string, unknown> | null {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
}

function versionOf(row: Record<string, unknown>): string | null {
  const v = row.version;
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

export function prepareRows<K extends Kind>(
  kind: K,
  rows: readonly unknown[],
  ctx: ValidationContext,
  newId: () => string,
): PreparedRow<K>[] {
  const prepare = createPreparer(kind, ctx, newId);
  return rows.map((raw, index) => prepare(raw, index));
}

/** Prepares the rows of one request one at a time, in request order (ids seen so far kept). */
export function createPreparer<K extends Kind>(
  kind: K,
  ctx: ValidationContext,
  newId: () => string,
): (raw: unknown, index: number) => PreparedRow<K> {
  const seen = new Set<string>();
  const info = kindInfo(kind);
  return (raw, index): PreparedRow<K> => {
    const row = asObject(raw);
    const ref = row && 'ref' in row ? row.ref : null;
    if (!row) {
      const v = validateRow(kind, raw, ctx);
      return { type: 'rejected', index, ref, id: null, errors: v.ok ? [] : v.errors };
    }
    if (info.clientIds && !isBlank(row.id) && (typeof row.id !== 'string' || !info.idPattern.test(row.id.trim()))) {
      // Not an id (true, {}, [1], 12, "a b"): rejected, never replaced by a server-made id,
      // which would store the row again on every retry.
      const errors: FieldError[] = [
        { field: 'id', code: 'INVALID_FORMAT', message: errorMessage('INVALID_FORMAT', 'id', { value: row.id, expected: info.idExpected }) },
      ];
      return { type: 'rejected', index, ref, id: typeof row.id === 'string' ? row.id.trim() : null, errors };
    }
    const deletedFlag = isBlank(row.deleted) ? false : parseBoolean(row.deleted);
    const isDelete = deletedFlag === true;
    const sentId = rawRowId(kind, row) ?? (info.clientIds ? null : parseText(row.id) || null);
    let id = sentId;
    let input: Record<string, unknown> = row;
    if (id === null && !isDelete && info.clientIds) {
      id = newId();
      input = { ...row, id };
    }
    if (id !== null) {
      if (seen.has(id)) {
        const field = info.idField;
        return {
          type: 'rejected',
          index,
          ref,
          id,
          errors: [{ field, code: 'DUPLICATE_ID', message: errorMessage('DUPLICATE_ID', field, { value: id }) }],
        };
      }
      seen.add(id);
    }
    if (deletedFlag === null) {
      // A delete flag that does not parse: neither delete nor store (the sender meant something).
      const errors: FieldError[] = [
        { field: 'deleted', code: 'INVALID_FORMAT', message: errorMessage('INVALID_FORMAT', 'deleted', { value: row.deleted, expected: BOOLEAN_EXPECTED }) },
      ];
      return { type: 'rejected', index, ref, id: sentId, errors };
    }
    if (isDelete) {
      if (id === null || !info.idPattern.test(id)) {
        const field = info.idField;
        const errors: FieldError[] =
          id === null
            ? [{ field, code: 'REQUIRED', message: errorMessage('REQUIRED', field) }]
            : [{ field, code: 'INVALID_FORMAT', message: errorMessage('INVALID_FORMAT', field, { value: id, expected: info.idExpected }) }];
        return { type: 'rejected', index, ref, id, errors };
      }
      return { type: 'delete', index, ref, id, version: versionOf(row) };
    }
    const v = validateRow(kind, input, ctx);
    // A rejected row answers the id as sent (null when the server would have made one).
    if (!v.ok) return { type: 'rejected', index, ref, id: sentId, errors: v.errors };
    return { type: 'upsert', index, ref, id: rowId(kind, v.record), version: versionOf(row), record: v.record };
  };
}
