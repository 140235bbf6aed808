/** Identity patterns of rules.md / api.md and the identity of a row (stored or raw). */
import { parseNumber, parseText } from './cells';
import type { EntityByKind, Kind } from './models';

/** An org id. */
export const ORG_ID_PATTERN = /^[a-z0-9-]{2,32}$/;
/** `cadreId`, `unitCode`, `parentCode`, `mergedInto`. */
export const CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
/** Client-made ids of absences and trips (a UUID in practice). */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Codes of content categories in a policy. */
export const CATEGORY_CODE_PATTERN = /^[a-z_]{2,32}$/;

/** The id of a registration: `<cadreId>-<year>`. */
export function registrationId(cadreId: string, year: number): string {
  return `${cadreId}-${year}`;
}

/** The identity of a validated record, as GET returns it in `id`. */
export function rowId<K extends Kind>(kind: K, record: EntityByKind[K]): string {
  switch (kind) {
    case 'cadres':
      return (record as EntityByKind['cadres']).cadreId;
    case 'units':
      return (record as EntityByKind['units']).unitCode;
    case 'registrations': {
      const r = record as EntityByKind['registrations'];
      return registrationId(r.cadreId, r.year);
    }
    default:
      return (record as EntityByKind['absences' | 'trips']).id;
  }
}

function textField(raw: Record<string, unknown>, name: string): string | null {
  const text = parseText(raw[name]);
  return text ? text : null;
}

/**
 * The identity of a raw (unvalidated) publish row, trimmed, or null when it has none or it
 * cannot be formed (for DUPLICATE_ID and deletes). Cadres: `cadreId`; units: `unitCode`;
 * registrations: `<cadreId>-<year>` (year a whole number, sheet forms accepted); absences and
 * trips: `id`. Patterns are not checked here (validation does that).
 */
export function rawRowId(kind: Kind, raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const row = raw as Record<string, unknown>;
  switch (kind) {
    case 'cadres':
      return textField(row, 'cadreId');
    case 'units':
      return textField(row, 'unitCode');
    case 'registrations': {
      const cadreId = textField(row, 'cadreId');
      const year = parseNumber(row.year);
      return cadreId && year !== null && Number.isInteger(year) ? registrationId(cadreId, year) : null;
    }
    default:
      return textField(row, 'id');
  }
}
