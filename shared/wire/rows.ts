/** Rows as `GET /api/orgs/{org}/{kind}` returns them and as a conflict's `current` holds them (api.md). */
import type { TripDerived, Warning } from '../models';

/**
 * A stored row, normalised, with its identity and version; `deleted: true` only with
 * `?includeDeleted=true`; trips also carry `derived` and `warnings` (computed at response time).
 */
export interface RowView {
  id: string;
  version: string;
  deleted?: boolean;
  derived?: TripDerived | null;
  warnings?: Warning[];
  [field: string]: unknown;
}

/** `GET …/{kind}`. */
export interface RowsBody {
  rows: RowView[];
}
