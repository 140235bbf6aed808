/**
 * A trip's warnings (rules.md "Validation", kind warning), in the order of that table, with
 * the Vietnamese messages of shared/messages.ts.
 */
import { dayToIso, isoToDay, isoToDisplay } from '../dates';
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
  /** Other trips of the cadre with the same order number, starting the same year. */
  readonly sameOrderNo?: readonly string[];
  /** The trip's countable dates, all years. */
  readonly countable: number;
  readonly notReported: boolean;
  readonly daysAboveCountable: boolean;
}

export function tripWarnings(f: TripWarningFacts): Warning[] {
  const out: Warning[] = [];
  const { trip, start, end } = f;
  if (f.overlapWith && f.overlapWith.length > 0) {
    const related = [...f.overlapWith];
    out.push({ code: 'OVERLAP', message: warningMessage('OVERLAP', { related }), related });
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
  const during = f.absences.filter((a) => a.from <= end && a.to >= start).map((a) => a.id);
  if (during.length > 0) {
    out.push({ code: 'DURING_ABSENCE', message: warningMessage('DURING_ABSENCE', { related: during }), related: during });
  }
  if (f.service && (start < f.service.from || end > f.service.to)) {
    out.push({ code: 'OUTSIDE_SERVICE', message: warningMessage('OUTSIDE_SERVICE') });
  }
  if (f.sameOrderNo && f.sameOrderNo.length > 0) {
    const related = [...f.sameOrderNo];
    out.push({
      code: 'DUPLICATE_ORDER_NO',
      field: 'orderNo',
      message: warningMessage('DUPLICATE_ORDER_NO', { value: trip.orderNo, related }),
      related,
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
 * the other trips' ids in credit order, keyed by the trip's position in `trips`.
 */
export function duplicateOrderNos(
  trips: readonly { readonly id: string; readonly orderNo?: string; readonly startYear: number }[],
): Map<number, string[]> {
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
  const out = new Map<number, string[]>();
  for (const positions of byKey.values()) {
    if (positions.length < 2) continue;
    for (const i of positions) out.set(i, positions.filter((j) => j !== i).map((j) => trips[j].id));
  }
  return out;
}
