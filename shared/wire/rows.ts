/** Rows as `GET /api/orgs/{org}/{kind}` returns them and as a conflict's `current` holds them (api.md). */
import type { EvaluationResult, TripDerived, Warning } from '../models';

/**
 * A stored row, normalised, with its identity and version; `deleted: true` only with
 * `?includeDeleted=true`; trips also carry `derived` and `warnings` (computed at response time).
 */
export interface RowView {
  id: string;
  version: string;
  deleted?: boolean;
  derived?: TripDerived | EvaluationDerived | null;
  warnings?: Warning[];
  /** Evaluations: the result the figures suggest (cycle.md §3). */
  suggested?: EvaluationResult | null;
  [field: string]: unknown;
}

/** What an evaluation's publish result carries in `derived`. */
export interface EvaluationDerived {
  suggested: EvaluationResult | null;
}

/** `GET …/{kind}`. */
export interface RowsBody {
  rows: RowView[];
}
