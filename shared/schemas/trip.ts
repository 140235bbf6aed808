/**
 * Trips (Đợt đi cơ sở): required `id`, `cadreId` (a stored cadre), `unit`, `startDate`,
 * `endDate`, `contents` (one or more categories accepted by the policy of the `startDate`'s
 * year). `unit` resolves to the matched unit's code, else stays the trimmed text.
 */
import type { z } from 'zod';
import { CountableCalendar } from '../calendar';
import { isHalfStep } from '../cells';
import { parseContents, resolveContents, resolveUnitCode } from '../categories';
import { isoToDay, isoToDisplay, yearOfIso } from '../dates';
import { LIMITS } from '../limits';
import type { Trip } from '../models';
import type { ValidationContext } from './context';
import { Problem, clientId, date, entity, number, optional, required, text, type Parser } from './fields';
import { knownCadre } from './known-cadre';

/** The most dates a trip may span. */
export const MAX_TRIP_DATES = 366;
/** The most characters of each trip-report text (cycle.md §1). */
export const MAX_REPORT_TEXT = 4000;

const declaredDays: Parser<number> = (value) => {
  const n = number(value);
  if (n instanceof Problem) return n;
  return n > 0 && n <= LIMITS.days && isHalfStep(n) ? n : new Problem('INVALID_DAYS', { value });
};

/** LIMITS.cost as a Vietnamese sheet writes it. */
const COST_LIMIT_TEXT = '1.000.000.000.000';

const cost: Parser<number> = (value) => {
  const n = number(value);
  if (n instanceof Problem) return n;
  if (n < 0) return new Problem('NEGATIVE_COST', { value });
  return n <= LIMITS.cost ? n : new Problem('INVALID_FORMAT', { value, expected: `tối đa ${COST_LIMIT_TEXT} đồng` });
};

const contentItems: Parser<string[]> = (value) => {
  const items = parseContents(value, LIMITS.contentItems + 1);
  if (items !== null && items.length > LIMITS.contentItems) {
    return new Problem('INVALID_FORMAT', { value, expected: `tối đa ${LIMITS.contentItems} nội dung` });
  }
  if (items === null) return new Problem('INVALID_FORMAT', { value, expected: 'danh sách nội dung, ngăn cách bởi ";" hoặc xuống dòng' });
  return items.length > 0 ? items : new Problem('NO_CATEGORY', { value });
};

export function tripSchema(ctx: ValidationContext): z.ZodType<Trip> {
  /** The year whose policy's categories a trip's contents are checked against. */
  const categoryYear = (start: string | undefined, end: string | undefined): number =>
    yearOfIso(start ?? end ?? ctx.today);
  const calendar = new CountableCalendar(ctx.policyFor);

  return entity(
    {
      id: required('id', clientId),
      cadreId: required('cadreId', knownCadre(ctx)),
      unit: required('unit', text(200)),
      startDate: required('startDate', date),
      endDate: required('endDate', date),
      days: optional('days', declaredDays),
      contents: required('contents', contentItems, 'NO_CATEGORY'),
      description: optional('description', text(2000)),
      orderNo: optional('orderNo', text(64)),
      reportDate: optional('reportDate', date),
      cost: optional('cost', cost),
      findings: optional('findings', text(MAX_REPORT_TEXT)),
      difficulties: optional('difficulties', text(MAX_REPORT_TEXT)),
      proposals: optional('proposals', text(MAX_REPORT_TEXT)),
    },
    (check) => {
      const start = check.valid('startDate');
      const end = check.valid('endDate');
      let span: number | null = null;
      if (start && end) {
        span = isoToDay(end) - isoToDay(start) + 1;
        if (span < 1) check.report('endDate', new Problem('END_BEFORE_START', { value: isoToDisplay(end), other: 'startDate' }));
        else if (span > MAX_TRIP_DATES) check.report('endDate', new Problem('SPAN_TOO_LONG', { value: `${isoToDisplay(start)} – ${isoToDisplay(end)}: ${span} ngày` }));
      }
      const days = check.valid('days');
      if (days !== undefined && start && end && span !== null && span >= 1 && span <= MAX_TRIP_DATES) {
        const countable = calendar.countableDays(isoToDay(start), isoToDay(end)).length;
        if (days > countable) check.report('days', new Problem('INVALID_DAYS', { value: days, expected: String(countable) }));
      }
      const items = check.valid('contents');
      if (items) {
        const { unknown } = resolveContents(items, ctx.policyFor(categoryYear(start, end)).categories);
        if (unknown.length > 0) check.report('contents', new Problem('UNKNOWN_CATEGORY', { value: unknown.join('; ') }));
      }
      const report = check.valid('reportDate');
      if (report) {
        if (start && report < start) check.report('reportDate', new Problem('REPORT_BEFORE_START', { value: isoToDisplay(report) }));
        else if (report > ctx.today) check.report('reportDate', new Problem('REPORT_IN_FUTURE', { value: isoToDisplay(report) }));
      }
    },
    (trip): Trip => ({
      ...trip,
      unit: resolveUnitCode(trip.unit, ctx.units) ?? trip.unit,
      contents: resolveContents(trip.contents, ctx.policyFor(categoryYear(trip.startDate, trip.endDate)).categories).codes,
    }),
  );
}
