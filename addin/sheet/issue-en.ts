/**
 * The server's row messages in English, by code and field, for the pane's English mode. The
 * API speaks Vietnamese (shared/messages.ts); its answers carry each error's `code` and
 * `field` and each warning's `code`, `field`, `related` and `relatedCount`, so the pane can say
 * the same in English. The bad value a Vietnamese message quotes (`"…"`, `quoteValue`) is
 * quoted again. The sheet's status column stays Vietnamese (see README, "Add-in").
 */
import type { ErrorCode, WarningCode } from '../../shared/models';

/** English names of the fields (the sheet's headers stay Vietnamese). */
export const FIELD_LABELS_EN: Readonly<Record<string, string>> = {
  row: 'Row',
  id: 'Row id',
  cadreId: 'Cadre code',
  fullName: 'Full name',
  department: 'Department',
  position: 'Position',
  subject: 'Subject to 1+2',
  serviceStart: 'Service start',
  serviceEnd: 'Service end',
  from: 'From',
  to: 'To',
  reason: 'Reason',
  note: 'Note',
  unitCode: 'Unit code',
  name: 'Unit name',
  kind: 'Unit type',
  parentCode: 'Parent unit code',
  validFrom: 'Valid from',
  validTo: 'Valid to',
  mergedInto: 'Merged into',
  unit: 'Unit visited',
  startDate: 'Start date',
  endDate: 'End date',
  days: 'Declared days',
  contents: 'Contents',
  description: 'Description',
  orderNo: 'Travel order no.',
  reportDate: 'Report date',
  cost: 'Cost (VND)',
  findings: 'Findings',
  difficulties: 'Difficulties',
  proposals: 'Proposals',
  year: 'Year',
  q1Days: 'Days in Q1',
  q2Days: 'Days in Q2',
  q3Days: 'Days in Q3',
  q4Days: 'Days in Q4',
  units: 'Planned units',
  approved: 'Approved',
  approvedBy: 'Approved by',
  result: 'Evaluation result',
  comment: 'Comment',
  evaluatedOn: 'Evaluated on',
  evaluatedBy: 'Evaluated by',
  version: 'Version',
  deleted: 'Deleted',
  requiredDays: 'Required days',
  windowStart: 'Counted from',
  windowEnd: 'Counted until',
  dayMode: 'Day counting',
  holidays: 'Extra holidays',
  makeupWorkdays: 'Make-up workdays',
  proration: 'Prorated by service',
  reportDeadlineDays: 'Report deadline (days)',
  countUnreportedTrips: 'Count unreported trips',
  categories: 'Content categories',
};

const fieldLabelEn = (field: string): string => FIELD_LABELS_EN[field.split(/[.[]/)[0]] ?? field;

/** The value a Vietnamese message quotes (`"…"`, from its first quote to its last), or ''. */
export function quotedValue(message: string): string {
  const m = /"(.*)"/s.exec(message);
  return m ? `"${m[1]}"` : '';
}

const ERROR_EN: Readonly<Record<ErrorCode, (v: string) => string>> = {
  REQUIRED: () => 'is required.',
  INVALID_FORMAT: (v) => `the value ${v || 'given'} is not valid.`,
  INVALID_DATE: (v) => `${v || 'this'} is not a valid date (enter dd/mm/yyyy, e.g. 05/03/2025).`,
  END_BEFORE_START: (v) => `${v || 'this date'} is before the start date.`,
  SPAN_TOO_LONG: (v) => `the trip lasts more than 366 days${v ? ` (${v})` : ''}.`,
  INVALID_DAYS: (v) => `${v || 'this'} is not valid: days are multiples of 0.5, above 0 and at most the trip's counted days.`,
  NO_CATEGORY: (v) => `no work content chosen${v && v !== '""' ? ` (entered ${v})` : ''}.`,
  UNKNOWN_CATEGORY: (v) => `the content ${v} is not in the org's categories.`,
  REPORT_BEFORE_START: (v) => `${v || 'this date'} is before the start date.`,
  REPORT_IN_FUTURE: (v) => `${v || 'this date'} is after today.`,
  NEGATIVE_COST: (v) => `${v || 'the cost'} is below 0.`,
  UNKNOWN_CADRE: (v) => `no cadre with code ${v} in the org's roster.`,
  CADRE_HAS_TRIPS: (v) => `cadre ${v} can't be deleted: they still have grassroots trips.`,
  DUPLICATE_ID: (v) => `the id ${v} appears twice in the same publish.`,
  FORBIDDEN: (v) => `${v ? `${v}: ` : ''}only leaders (role leader or above) may change this.`,
  INTERNAL: (v) => `a server error while handling this row${v ? ` (request id ${v})` : ''}; the row was not saved, the other rows are not affected. Please publish again.`,
  YEAR_CLOSED: () => 'the year is closed: its data can no longer be added, changed or deleted (an administrator can reopen it).',
};

/** An error on `field` in English, naming the field. */
export function errorMessageEn(code: string, field: string, message: string): string {
  const f = `${fieldLabelEn(field)} (${field})`;
  const text = ERROR_EN[code as ErrorCode];
  return text ? `${f}: ${text(quotedValue(message))}` : `${f}: rejected by the server (${code}).`;
}

const WARNING_EN: Readonly<Record<WarningCode, (v: string) => string>> = {
  OVERLAP: () => "Overlaps another trip of the same cadre: the shared days count once.",
  UNKNOWN_UNIT: (v) => `The unit ${v} is not in the units list.`,
  UNIT_NOT_VALID: (v) => `The unit ${v} was no longer valid on the start date (merged or dissolved?).`,
  DURING_ABSENCE: () => "The trip falls in the cadre's absence; its days still count.",
  OUTSIDE_SERVICE: () => "The trip is outside the cadre's service; its days still count.",
  DUPLICATE_ORDER_NO: (v) => `The travel order no. ${v} is used by another trip of the same cadre this year.`,
  AFTER_AS_OF: (v) => `The trip ends after the as-of date${v ? ` ${v}` : ''}: the days after it are not counted yet.`,
  NO_COUNTABLE_DATES: () => 'The trip has no countable day (for example, only holidays).',
  NOT_REPORTED: () => "The trip's report is not in yet, so its days are not counted (the year's setting).",
  EVALUATION_STALE: () => 'The figures changed after the evaluation. Leaders should review it.',
  DAYS_ABOVE_COUNTABLE: (v) => `The declared days ${v} exceed the trip's countable days; only those count.`,
};

/** A warning in English; `related`: the other rows involved (named or ids), `relatedCount` all of them. */
export function warningMessageEn(code: string, message: string, related?: readonly string[], relatedCount?: number): string {
  const text = WARNING_EN[code as WarningCode];
  const base = text ? text(quotedValue(message)) : `Warning from the server (${code}).`;
  if (!related?.length) return base;
  const more = (relatedCount ?? related.length) - related.length;
  return `${base} Related: ${related.join(', ')}${more > 0 ? ` and ${more} more rows` : ''}.`;
}
