/** What the pane lists after a publish or refresh: each error, warning and conflict, with its cell. */
import type { Kind } from '../../shared/models';
import type { StoredRow } from '../api/types';

export type Severity = 'error' | 'warning' | 'conflict';

export interface Issue {
  severity: Severity;
  kind: Kind;
  sheet: string;
  table: string;
  /** Body row (0-based) in the table as written. */
  row: number;
  /** Column index in the table, when the issue names a field found in it. */
  col?: number;
  field?: string;
  code?: string;
  message: string;
  /** The row's id (conflicts: the id to resolve). */
  id?: string | null;
  /** Conflicts: the stored row (null when nothing is stored) and its version. */
  current?: StoredRow | null;
  version?: string | null;
}

/** `contents[1]` or `policy.x` → `contents` / `policy`. */
export function baseField(field: string): string {
  return field.split(/[.[]/)[0];
}
