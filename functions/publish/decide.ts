/**
 * The outcome of one prepared row against what is stored for its id (api.md "Outcome of each
 * row"), as a pure function: the outcome and, for created / updated / deleted, the conditional
 * write with its audit change.
 */
import { errorMessage } from '../../shared/messages';
import type { EntityByKind, FieldError, Kind, Registration } from '../../shared/models';
import type { PlannedWrite, StoredRow } from '../storage/types';
import { yearClosedError } from '../domain/closed-years';
import { sameContent } from './canonical';
import type { PreparedRow, UpsertRow } from './prepare';

export type Decision =
  | { readonly outcome: 'rejected'; readonly errors: FieldError[] }
  | { readonly outcome: 'unchanged' | 'conflict'; readonly stored: StoredRow | null }
  | { readonly outcome: 'created' | 'updated' | 'deleted'; readonly write: PlannedWrite };

export interface DecideOptions {
  /** leader and above may change `approved` / `approvedBy` of a registration. */
  readonly canApprove: boolean;
  /** Live trip ids of a cadre (for CADRE_HAS_TRIPS). */
  readonly tripsOfCadre: (cadreId: string) => readonly string[];
  /** Closed years (cycle.md §4): a write touching one is rejected with YEAR_CLOSED. */
  readonly closedYears?: ReadonlySet<number>;
  /** The current year in Vietnam (an absence without `to` reaches it). */
  readonly currentYear?: number;
}

function approvalErrors(record: Registration, stored: StoredRow | null | undefined): FieldError[] {
  const before = stored && !stored.deleted ? (stored.record as Registration) : null;
  const errors: FieldError[] = [];
  if (record.approved !== (before?.approved ?? false)) {
    errors.push({ field: 'approved', code: 'FORBIDDEN', message: errorMessage('FORBIDDEN', 'approved', { value: record.approved }) });
  }
  if ((record.approvedBy ?? null) !== (before?.approvedBy ?? null)) {
    errors.push({ field: 'approvedBy', code: 'FORBIDDEN', message: errorMessage('FORBIDDEN', 'approvedBy', { value: record.approvedBy ?? '' }) });
  }
  return errors;
}

/** The version a row was sent with is the stored one (or, for a trip moved from the layout before buckets, the one it had there). */
function sameVersion(sent: string | null, stored: StoredRow): boolean {
  return sent === stored.version || (sent !== null && sent === stored.formerVersion);
}

export function decide<K extends Kind>(
  kind: K,
  row: PreparedRow<K>,
  stored: StoredRow<EntityByKind[K]> | null | undefined,
  opts: DecideOptions,
): Decision {
  const decision = decideRow(kind, row, stored, opts);
  // A write into a closed year is refused, whatever the role: a create, a change (its old or
  // new dates) and a delete alike. A row that writes nothing (unchanged, conflict) answers as such.
  if (!('write' in decision) || !opts.closedYears || opts.closedYears.size === 0) return decision;
  const currentYear = opts.currentYear ?? new Date().getUTCFullYear();
  const { change } = decision.write;
  const error =
    (change.new !== null ? yearClosedError(kind, change.new as EntityByKind[K], opts.closedYears, currentYear) : null) ??
    (change.old !== null ? yearClosedError(kind, change.old as EntityByKind[K], opts.closedYears, currentYear) : null);
  return error ? { outcome: 'rejected', errors: [error] } : decision;
}

function decideRow<K extends Kind>(
  kind: K,
  row: PreparedRow<K>,
  stored: StoredRow<EntityByKind[K]> | null | undefined,
  opts: DecideOptions,
): Decision {
  if (row.type === 'rejected') return { outcome: 'rejected', errors: row.errors };
  const live = stored && !stored.deleted ? stored : null;

  if (row.type === 'delete') {
    if (!live) return { outcome: 'unchanged', stored: stored ?? null };
    if (!sameVersion(row.version, live)) return { outcome: 'conflict', stored: live };
    if (kind === 'registrations' && !opts.canApprove) {
      // Deleting an approved registration clears its approval: a leader's act too.
      const before = live.record as Registration;
      if (before.approved || before.approvedBy !== undefined) {
        return {
          outcome: 'rejected',
          errors: [{ field: 'approved', code: 'FORBIDDEN', message: errorMessage('FORBIDDEN', 'approved', { value: before.approved }) }],
        };
      }
    }
    if (kind === 'cadres') {
      const trips = opts.tripsOfCadre(row.id);
      if (trips.length > 0) {
        return {
          outcome: 'rejected',
          errors: [{ field: 'cadreId', code: 'CADRE_HAS_TRIPS', message: errorMessage('CADRE_HAS_TRIPS', 'cadreId', { value: row.id, related: trips }) }],
        };
      }
    }
    return {
      outcome: 'deleted',
      write: {
        id: row.id,
        expectedVersion: live.version,
        record: live.record,
        deleted: true,
        change: { kind, id: row.id, outcome: 'deleted', old: live.record, new: null },
      },
    };
  }

  const decision = decideUpsert(kind, row, stored);
  // Only a row that would be written can change an approval; a conflict or an unchanged row
  // changes nothing, so it answers as such whatever the key's role.
  if (kind === 'registrations' && !opts.canApprove && 'write' in decision) {
    const errors = approvalErrors(row.record as Registration, stored);
    if (errors.length > 0) return { outcome: 'rejected', errors };
  }
  return decision;
}

function decideUpsert<K extends Kind>(kind: K, row: UpsertRow<K>, stored: StoredRow<EntityByKind[K]> | null | undefined): Decision {
  if (!stored) {
    if (row.version !== null) return { outcome: 'conflict', stored: null };
    return {
      outcome: 'created',
      write: { id: row.id, expectedVersion: null, record: row.record, deleted: false, change: { kind, id: row.id, outcome: 'created', old: null, new: row.record } },
    };
  }
  if (stored.deleted) {
    return {
      outcome: 'created',
      write: { id: row.id, expectedVersion: stored.version, record: row.record, deleted: false, change: { kind, id: row.id, outcome: 'created', old: null, new: row.record } },
    };
  }
  if (sameContent(row.record, stored.record)) return { outcome: 'unchanged', stored };
  if (!sameVersion(row.version, stored)) return { outcome: 'conflict', stored };
  return {
    outcome: 'updated',
    write: { id: row.id, expectedVersion: stored.version, record: row.record, deleted: false, change: { kind, id: row.id, outcome: 'updated', old: stored.record, new: row.record } },
  };
}
