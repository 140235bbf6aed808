/** Stored rows as GET returns them (and as a conflict's `current` holds them). */
import type { EvaluationResult, Kind, TripEvaluation, Warning } from '../../shared/models';

/** An evaluation's suggestion and warnings (evaluations.ts). */
export interface EvaluationJudgement {
  suggested: EvaluationResult | null;
  warnings: Warning[];
}
import type { RowView } from '../../shared/wire/rows';
import type { StoredRow } from '../storage/types';

export function rowView(kind: Kind, row: StoredRow, evaluation?: TripEvaluation | null, judged?: EvaluationJudgement): RowView {
  const view: RowView = { ...(row.record as Record<string, unknown>), id: row.id, version: row.version };
  if (row.deleted) view.deleted = true;
  if (kind === 'evaluations') {
    view.suggested = row.deleted ? null : (judged?.suggested ?? null);
    view.warnings = row.deleted ? [] : (judged?.warnings ?? []);
  }
  if (kind === 'trips') {
    view.derived = row.deleted ? null : (evaluation?.derived ?? null);
    view.warnings = row.deleted ? [] : (evaluation?.warnings ?? []);
  }
  return view;
}
