/** Stored rows as GET returns them (and as a conflict's `current` holds them). */
import type { Kind, TripEvaluation } from '../../shared/models';
import type { StoredRow } from '../storage/types';

export function rowView(kind: Kind, row: StoredRow, evaluation?: TripEvaluation | null): Record<string, unknown> {
  const view: Record<string, unknown> = { ...(row.record as Record<string, unknown>), id: row.id, version: row.version };
  if (row.deleted) view.deleted = true;
  if (kind === 'trips') {
    view.derived = row.deleted ? null : (evaluation?.derived ?? null);
    view.warnings = row.deleted ? [] : (evaluation?.warnings ?? []);
  }
  return view;
}
