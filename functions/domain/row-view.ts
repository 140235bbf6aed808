/** Stored rows as GET returns them (and as a conflict's `current` holds them). */
import type { Kind, TripEvaluation } from '../../shared/models';
import type { RowView } from '../../shared/wire/rows';
import type { StoredRow } from '../storage/types';

export function rowView(kind: Kind, row: StoredRow, evaluation?: TripEvaluation | null): RowView {
  const view: RowView = { ...(row.record as Record<string, unknown>), id: row.id, version: row.version };
  if (row.deleted) view.deleted = true;
  if (kind === 'trips') {
    view.derived = row.deleted ? null : (evaluation?.derived ?? null);
    view.warnings = row.deleted ? [] : (evaluation?.warnings ?? []);
  }
  return view;
}
