/**
 * Closed years (cycle.md §4): an org's closed years as stored (partition `years`, one row per
 * year, audited), and — pure — which field of a row touches a closed year.
 */
import { kindInfo } from '../../shared/kinds';
import { errorMessage } from '../../shared/messages';
import type { EntityByKind, FieldError, Kind } from '../../shared/models';
import type { ClosedInfo } from '../../shared/wire/compliance';
import type { Store } from '../storage/store';
import type { StoredRow } from '../storage/types';

export type { ClosedInfo } from '../../shared/wire/compliance';

/** The stored row of a closed year: the info and the key of its frozen compliance. */
export interface ClosedYearRecord extends ClosedInfo {
  year: number;
  frozen: string;
}

/** Every stored `years` row (reopened years are deleted markers). */
export function loadYearRows(store: Store, org: string): Promise<Map<string, StoredRow<ClosedYearRecord>>> {
  return store.listRows<ClosedYearRecord>(org, 'years');
}

/** The closed years of an org, by year. */
export async function loadClosedYears(store: Store, org: string): Promise<Map<number, ClosedYearRecord>> {
  const out = new Map<number, ClosedYearRecord>();
  for (const row of (await loadYearRows(store, org)).values()) if (!row.deleted) out.set(row.record.year, row.record);
  return out;
}

export function closedInfo(record: ClosedYearRecord): ClosedInfo {
  return { closedBy: record.closedBy, closedAt: record.closedAt, asOf: record.asOf };
}

/**
 * The YEAR_CLOSED error of a record of `kind` when the years it touches (the kind registry's
 * `years`: a trip's start..end, an absence's from..to — up to the current year without `to` —,
 * a registration's `year`) include a closed year; null when none does, and always for kinds
 * that belong to every year (cadres, units). The field is the one that reaches that year.
 */
export function yearClosedError<K extends Kind>(kind: K, record: EntityByKind[K], closed: ReadonlySet<number>, currentYear: number): FieldError | null {
  const info = kindInfo(kind);
  if (closed.size === 0 || info.yearFields === null) return null;
  const span = info.years(record, { currentYear, asOfYear: currentYear });
  if (span === null) return null;
  for (let year = span.from; year <= span.to; year++) {
    if (!closed.has(year)) continue;
    const field = year === span.from ? info.yearFields.from : info.yearFields.to;
    return { field, code: 'YEAR_CLOSED', message: errorMessage('YEAR_CLOSED', field, { value: year }) };
  }
  return null;
}
