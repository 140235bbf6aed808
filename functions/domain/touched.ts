/** The cadre-years a publish touches (api.md: "for each year the row's dates touch"). */
import { compareCodePoints } from '../../shared/code-points';
import { kindInfo, type YearsNow } from '../../shared/kinds';
import type { EntityByKind, Kind } from '../../shared/models';

export interface CadreYear {
  readonly cadreId: string;
  readonly year: number;
}

/** Years of one record, as the registry of kinds names them (kinds.ts `years`). */
export function cadreYearsOf<K extends Kind>(kind: K, record: EntityByKind[K], now: YearsNow): CadreYear[] {
  const span = kindInfo(kind).years(record, now);
  if (!span) return [];
  const out: CadreYear[] = [];
  for (let year = span.from; year <= span.to; year++) out.push({ cadreId: span.cadreId, year });
  return out;
}

/** Distinct cadre-years, sorted by year then cadre id. */
export function distinctCadreYears(items: Iterable<CadreYear>): CadreYear[] {
  const map = new Map<string, CadreYear>();
  for (const item of items) map.set(`${item.year}\u0000${item.cadreId}`, item);
  return [...map.values()].sort((a, b) => a.year - b.year || compareCodePoints(a.cadreId, b.cadreId));
}
