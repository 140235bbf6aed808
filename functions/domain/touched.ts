/** The cadre-years a publish touches (api.md: "for each year the row's dates touch"). */
import { yearOfIso } from '../../shared/dates';
import type { Absence, Kind, Registration, Trip } from '../../shared/models';

export interface CadreYear {
  readonly cadreId: string;
  readonly year: number;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

/**
 * Years of one record: a trip's start..end years; an absence's from..to years (no `to`: up
 * to the current year); a registration's year; a cadre: the year of `asOf` (a cadre's service
 * may span decades; its other years are reachable through GET compliance).
 */
export function cadreYearsOf(kind: Kind, record: unknown, currentYear: number, asOfYear: number): CadreYear[] {
  switch (kind) {
    case 'trips': {
      const t = record as Trip;
      return range(yearOfIso(t.startDate), yearOfIso(t.endDate)).map((year) => ({ cadreId: t.cadreId, year }));
    }
    case 'absences': {
      const a = record as Absence;
      const from = yearOfIso(a.from);
      const to = a.to ? yearOfIso(a.to) : Math.max(from, currentYear);
      return range(from, to).map((year) => ({ cadreId: a.cadreId, year }));
    }
    case 'registrations': {
      const r = record as Registration;
      return [{ cadreId: r.cadreId, year: r.year }];
    }
    case 'cadres':
      return [{ cadreId: (record as { cadreId: string }).cadreId, year: asOfYear }];
    default:
      return [];
  }
}

/** Distinct cadre-years, sorted by year then cadre id. */
export function distinctCadreYears(items: Iterable<CadreYear>): CadreYear[] {
  const map = new Map<string, CadreYear>();
  for (const item of items) map.set(`${item.year}\u0000${item.cadreId}`, item);
  return [...map.values()].sort((a, b) => a.year - b.year || (a.cadreId < b.cadreId ? -1 : a.cadreId > b.cadreId ? 1 : 0));
}
