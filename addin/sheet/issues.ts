/** What the pane lists after a publish or refresh: each error, warning and conflict, with its cell. */
import type { Kind } from '../../shared/models';
import type { RowView } from '../../shared/wire/rows';
import { cellAddress } from './address';

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
  /** The cell as Excel shows it on the sheet (`D4`): the row's first cell when no column is named. */
  cell?: string;
  field?: string;
  code?: string;
  /** In Vietnamese: the server's message, or the add-in's (also the sheet's status column). */
  message: string;
  /** The same in English (the pane's English mode): by code and field for the server's (issue-en.ts). */
  en?: string;
  /** Warnings: the ids of the other rows involved (their names replace them in `message`). */
  related?: string[];
  /** The row's id (conflicts: the id to resolve). */
  id?: string | null;
  /** Conflicts: the stored row (null when nothing is stored) and its version. */
  current?: RowView | null;
  version?: string | null;
}

/** `contents[1]` or `policy.x` → `contents` / `policy`. */
export function baseField(field: string): string {
  return field.split(/[.[]/)[0];
}

/** Where a table is: its name and sheet's name now, and its header's first cell (0-based). */
export interface TablePlace {
  name?: string;
  sheet: string;
  top: number;
  left: number;
}

/** Issues with the table's name and sheet name now (a renamed table's), and the A1 address of their cell. */
export function locateIssues(issues: readonly Issue[], place: TablePlace): Issue[] {
  return issues.map((i) => ({ ...i, table: place.name ?? i.table, sheet: place.sheet, cell: cellAddress(place.top + 1 + i.row, place.left + (i.col ?? 0)) }));
}
