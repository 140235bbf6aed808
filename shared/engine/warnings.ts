/**
 * A trip's warnings (rules.md "Validation", kind warning), in the order of that table, with
 * the Vietnamese messages of shared/messages.ts.
 */
import { dayToIso, isoToDay, isoToDisplay } from '../dates';
import { LIMITS } from '../limits';
import { warningMessage } from '../messages';
import type { Trip, Warning } from '../models';
import type { DayInterval } from './eligibility';
import type { ResolvedUnit } from './units';

/** An absence of the trip's cadre as day numbers (no `to`: +Infinity). */
export interface AbsenceSpan extends DayInterval {
  readonly id: string;
}

/** Everything a trip's warnings depend on. */
export interface TripWarningFacts {
  readonly trip: Trip;
  readonly start: number;
  readonly end: number;
  readonly asOf: number;
  /** Trips credited on the dates this trip lost (OVERLAP), in credit order; none when it lost nothing. */
  readonly overlapWith?: readonly string[];
  readonly unit: ResolvedUnit;
  /** The cadre's service; undefined when the cadre is not in the org's list. */
  readonly service?: DayInterval;
  readonly absences: readonly AbsenceSpan[];
  /** Other trips of the cadre with the same order number, starting the same year (the first few and the count). */
  readonly sameOrderNo?: RelatedIds;
  /** The trip's countable dates, all years. */
  readonly countable: number;
  readonly notReported: boolean;
  readonly daysAboveCountable: boolean;
}

/** The most ids a warning's `related` lists; `relatedCount` counts them all. */
export const MAX_RELATED = LIMITS.related;

/** The first related ids (at most MAX_RELATED) and how many there are in all. */
export interface RelatedIds {
  readonly ids: readonly string[];
  readonly count: number;
}

/** `related` and `relatedCount` of a warning: a response stays linear in its rows. */
function relatedOf(ids: readonly string[], count = ids.length): { related: string[]; relatedCount: number } {
  return { related: ids.slice(0, MAX_RELATED), relatedCount: count };
}

export function tripWarnings(f: TripWarningFacts): Warning[] {
  const out: Warning[] = [];
  const { trip, start, end } = f;
  if (f.overlapWith && f.overlapWith.length > 0) {
    const r = relatedOf(f.overlapWith);
    out.push({ code: 'OVERLAP', message: warningMessage('OVERLAP', r), ...r });
  }
  if (!f.unit.unit) {
    out.push({ code: 'UNKNOWN_UNIT', field: 'unit', message: warningMessage('UNKNOWN_UNIT', { value: trip.unit }) });
  } else {
    const u = f.unit.unit;
    const from = u.validFrom === undefined ? -Infinity : isoToDay(u.validFrom);
    const to = u.validTo === undefined ? Infinity : isoToDay(u.validTo);
    if (start < from || end > to) {
      out.push({
        code: 'UNIT_NOT_VALID',
        field: 'unit',
        message: warningMessage('UNIT_NOT_VALID', { value: u.unitCode }),
      });
    }
  }
  const during: string[] = [];
  let duringCount = 0;
  for (const a of f.absences) {
    if (a.from > end || a.to < start) continue;
    if (duringCount++ < MAX_RELATED) during.push(a.id);
  }
  if (duringCount > 0) {
    const r = relatedOf(during, duringCount);
    out.push({ code: 'DURING_ABSENCE', message: warningMessage('DURING_ABSENCE', r), ...r });
  }
  if (f.service && (start < f.service.from || end > f.service.to)) {
    out.push({ code: 'OUTSIDE_SERVICE', message: warningMessage('OUTSIDE_SERVICE') });
  }
  if (f.sameOrderNo && f.sameOrderNo.count > 0) {
    const r = relatedOf(f.sameOrderNo.ids, f.sameOrderNo.count);
    out.push({
      code: 'DUPLICATE_ORDER_NO',
      field: 'orderNo',
      message: warningMessage('DUPLICATE_ORDER_NO', { value: trip.orderNo, ...r }),
      ...r,
    });
  }
  if (end > f.asOf) {
    out.push({
      code: 'AFTER_AS_OF',
      field: 'endDate',
      message: warningMessage('AFTER_AS_OF', { value: isoToDisplay(dayToIso(f.asOf)) }),
    });
  }
  if (f.countable === 0) {
    out.push({ code: 'NO_COUNTABLE_DATES', message: warningMessage('NO_COUNTABLE_DATES') });
  }
  if (f.notReported) {
    out.push({ code: 'NOT_REPORTED', field: 'reportDate', message: warningMessage('NOT_REPORTED') });
  }
  if (f.daysAboveCountable) {
    out.push({
      code: 'DAYS_ABOVE_COUNTABLE',
      field: 'days',
      message: warningMessage('DAYS_ABOVE_COUNTABLE', {
        value: String(trip.days).replace('.', ','),
        expected: `${f.countable} ngày`,
      }),
    });
  }
  return out;
}

/** The order-number key of rules.md: trimmed, any case. */
export function orderNoKey(orderNo: string): string {
  return orderNo.normalize('NFC').trim().toLowerCase();
}

/**
 * DUPLICATE_ORDER_NO of one cadre's trips (given in credit order with their start year):
 * for each trip sharing a non-empty order number with another trip starting the same year,
 * the first MAX_RELATED other trips' ids in credit order and their count, keyed by the trip's
 * position in `trips` (linear: never the N² lists of every other trip).
 */
export function duplicateOrderNos(
  trips: readonly { readonly id: string; readonly orderNo?: string; readonly startYear: number }[],
): Map<number, RelatedIds> {
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < trips.length; i++) {
    const t = trips[i];
    if (t.orderNo === undefined) continue;
    const key = orderNoKey(t.orderNo);
    if (key === '') continue;
    const k = `${t.startYear}|${key}`;
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  }
  const out = new Map<number, RelatedIds>();
  for (const positions of byKey.values()) {
    if (positions.length < 2) continue;
    // The first MAX_RELATED + 1 of the group: each trip lists them without itself.
    const head = positions.slice(0, MAX_RELATED + 1);
    for (const i of positions) {
      const ids: string[] = [];
      for (const j of head) if (j !== i && ids.length < MAX_RELATED) ids.push(trips[j].id);
      out.set(i, { ids, count: positions.length - 1 });
    }
  }
  return out;
}
