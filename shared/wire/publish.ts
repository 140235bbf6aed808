/** `POST /api/orgs/{org}/{kind}/publish`: the request row, each row's result, the response (api.md "Publish"). */
import type { ComplianceRow, FieldError, TripDerived, Warning } from '../models';
import type { EvaluationDerived } from './rows';
import type { RowView } from './rows';

export type Outcome = 'rejected' | 'created' | 'updated' | 'unchanged' | 'deleted' | 'conflict';

/** A publish request holds at most this many rows and bytes (else 413 TOO_LARGE). */
export const PUBLISH_MAX_ROWS = 5000;
export const PUBLISH_MAX_BYTES = 4 * 1024 * 1024;

/** Rows by outcome (a publish response's `summary`). */
export type OutcomeCounts = Record<Outcome, number>;

/** Every outcome at 0, in the order the summary lists them. */
export function emptyOutcomeCounts(): OutcomeCounts {
  return { created: 0, updated: 0, unchanged: 0, deleted: 0, rejected: 0, conflict: 0 };
}

/** A row as the add-in sends it: the entity's fields plus `ref`, `id`, `version`, `deleted`. */
export interface PublishRow {
  ref: number;
  id?: string;
  version?: string;
  deleted?: true;
  [field: string]: unknown;
}

/**
 * One row's result. api.md lets `errors`, `warnings`, `derived` and `current` be absent; this
 * API always sends all of them (`FullPublishResult`), and a reader treats an absent one as empty.
 */
export interface PublishResult {
  ref: unknown;
  id: string | null;
  version: string | null;
  outcome: Outcome;
  errors?: FieldError[];
  warnings?: Warning[];
  /** Trips: their derived values; evaluations: `{suggested}` (cycle.md §3). */
  derived?: TripDerived | EvaluationDerived | null;
  current?: RowView | null;
}

/** A result as this API sends it: every field present. */
export type FullPublishResult = Required<PublishResult>;

/** A compliance row of a cadre-year the publish touched. */
export type YearComplianceRow = ComplianceRow & { year: number };

export interface PublishResponse<R extends PublishResult = PublishResult> {
  results: R[];
  summary: OutcomeCounts;
  compliance: YearComplianceRow[];
}
