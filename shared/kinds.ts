/**
 * THE registry of kinds: per kind, its identity (field, pattern, whether the client makes it),
 * which cadre-years a row touches, whether `?year=` filters its rows, the lowest role that may
 * publish it, and its labels. The API (routes, prepare, touched compliance, GET filters) and the
 * add-in (publish plans, sheet names) read it; a new kind is one entry here (plus its schema).
 */
import { parseNumber, parseText } from './cells';
import { yearOfIso } from './dates';
import { CLIENT_ID_PATTERN, CODE_PATTERN } from './ids';
import type { Absence, Cadre, EntityByKind, Evaluation, Kind, Registration, Trip, Unit } from './models';
import type { Role } from './roles';

/** The years a row's dates touch, for one cadre (inclusive). */
export interface CadreYears {
  readonly cadreId: string;
  readonly from: number;
  readonly to: number;
}

/** The years a "which years" question is asked in: today's (Vietnam time) and `asOf`'s. */
export interface YearsNow {
  readonly currentYear: number;
  readonly asOfYear: number;
}

export interface KindInfo<K extends Kind = Kind> {
  readonly kind: K;
  /** The kind's name in route names (`publishTrips`, `listTrips`). */
  readonly routeName: string;
  /** The Vietnamese label (also the sheet's name in the workbook). */
  readonly label: string;
  /** The field that carries the row's identity (named in DUPLICATE_ID and delete errors). */
  readonly idField: string;
  /** The form of a stored id. */
  readonly idPattern: RegExp;
  /** The form of an id, as a message names it. */
  readonly idExpected: string;
  /** Ids made by the client (a UUID in practice); otherwise the id follows from the fields. */
  readonly clientIds: boolean;
  /** The lowest role that may publish rows of this kind (reading needs `viewer`). */
  readonly publishRole: Role;
  /** Whether `GET …/{kind}?year=` keeps only the rows whose years include that year. */
  readonly filteredByYear: boolean;
  /** The identity of a validated record. */
  recordId(record: EntityByKind[K]): string;
  /**
   * The identity of a raw (unvalidated) row, trimmed, or null when it has none or it cannot be
   * formed (the pattern is not checked here).
   */
  rawId(raw: Record<string, unknown>): string | null;
  /** The cadre and years a record's dates touch; null for a kind that belongs to no cadre. */
  years(record: EntityByKind[K], now: YearsNow): CadreYears | null;
  /**
   * The fields that reach the first and the last of `years` (named in YEAR_CLOSED), or null for
   * a kind that belongs to every year (cadres, units: a closed year does not freeze them).
   */
  readonly yearFields: { readonly from: string; readonly to: string } | null;
}

const CODE_EXPECTED = 'mã gồm chữ không dấu, số, "_" hoặc "-"';
/** `<cadreId>-<year>`: the id of a row kept once per cadre and year. */
const CADRE_YEAR_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}-\d{4}$/;

function textField(raw: Record<string, unknown>, name: string): string | null {
  const text = parseText(raw[name]);
  return text ? text : null;
}

/** The id of a row kept once per cadre and year: `<cadreId>-<year>`. */
export function cadreYearId(cadreId: string, year: number): string {
  return `${cadreId}-${year}`;
}

/** Identity by a code field (`cadreId`, `unitCode`). */
function byCode<K extends Kind>(field: keyof EntityByKind[K] & string) {
  return {
    idField: field,
    idPattern: CODE_PATTERN,
    idExpected: `${CODE_EXPECTED}, tối đa 32 ký tự`,
    clientIds: false,
    recordId: (record: EntityByKind[K]): string => record[field] as string,
    rawId: (raw: Record<string, unknown>): string | null => textField(raw, field),
  };
}

/** Identity `<cadreId>-<year>` (year a whole number; sheet forms accepted). */
function byCadreYear<K extends Kind>() {
  return {
    idField: 'cadreId',
    idPattern: CADRE_YEAR_ID_PATTERN,
    idExpected: '<mã cán bộ>-<năm>, ví dụ CB01-2025',
    clientIds: false,
    recordId: (record: EntityByKind[K]): string => {
      const r = record as unknown as { cadreId: string; year: number };
      return cadreYearId(r.cadreId, r.year);
    },
    rawId: (raw: Record<string, unknown>): string | null => {
      const cadreId = textField(raw, 'cadreId');
      const year = parseNumber(raw.year);
      return cadreId && year !== null && Number.isInteger(year) ? cadreYearId(cadreId, year) : null;
    },
  };
}

/** Identity by a client-made `id`. */
function byClientId<K extends Kind>() {
  return {
    idField: 'id',
    idPattern: CLIENT_ID_PATTERN,
    idExpected: `${CODE_EXPECTED}, tối đa 64 ký tự`,
    clientIds: true,
    recordId: (record: EntityByKind[K]): string => (record as unknown as { id: string }).id,
    rawId: (raw: Record<string, unknown>): string | null => textField(raw, 'id'),
  };
}

export const KINDS: { readonly [K in Kind]: KindInfo<K> } = {
  cadres: {
    kind: 'cadres',
    routeName: 'Cadres',
    label: 'Cán bộ',
    ...byCode<'cadres'>('cadreId'),
    publishRole: 'editor',
    filteredByYear: false,
    // A cadre's service may span decades: its row touches the year of `asOf` (other years are
    // reachable through GET compliance).
    years: (c: Cadre, now) => ({ cadreId: c.cadreId, from: now.asOfYear, to: now.asOfYear }),
    yearFields: null,
  },
  units: {
    kind: 'units',
    routeName: 'Units',
    label: 'Đơn vị',
    ...byCode<'units'>('unitCode'),
    publishRole: 'editor',
    filteredByYear: false,
    years: (_u: Unit) => null,
    yearFields: null,
  },
  absences: {
    kind: 'absences',
    routeName: 'Absences',
    label: 'Miễn giảm',
    ...byClientId<'absences'>(),
    publishRole: 'editor',
    filteredByYear: false,
    // An absence without `to`: up to the current year.
    years: (a: Absence, now) => {
      const from = yearOfIso(a.from);
      return { cadreId: a.cadreId, from, to: a.to ? yearOfIso(a.to) : Math.max(from, now.currentYear) };
    },
    yearFields: { from: 'from', to: 'to' },
  },
  trips: {
    kind: 'trips',
    routeName: 'Trips',
    label: 'Đi cơ sở',
    ...byClientId<'trips'>(),
    publishRole: 'editor',
    filteredByYear: true,
    years: (t: Trip) => ({ cadreId: t.cadreId, from: yearOfIso(t.startDate), to: yearOfIso(t.endDate) }),
    yearFields: { from: 'startDate', to: 'endDate' },
  },
  registrations: {
    kind: 'registrations',
    routeName: 'Registrations',
    label: 'Đăng ký',
    ...byCadreYear<'registrations'>(),
    publishRole: 'editor',
    filteredByYear: true,
    years: (r: Registration) => ({ cadreId: r.cadreId, from: r.year, to: r.year }),
    yearFields: { from: 'year', to: 'year' },
  },
  evaluations: {
    kind: 'evaluations',
    routeName: 'Evaluations',
    label: 'Đánh giá',
    ...byCadreYear<'evaluations'>(),
    // The leadership's act (cycle.md §3): a lower key gets 403 for the whole request.
    publishRole: 'leader',
    filteredByYear: true,
    years: (e: Evaluation) => ({ cadreId: e.cadreId, from: e.year, to: e.year }),
    yearFields: { from: 'year', to: 'year' },
  },
};

/** Every kind, in the order the API loads and lists them. */
export const KIND_LIST: readonly Kind[] = ['cadres', 'units', 'absences', 'trips', 'registrations', 'evaluations'];

export function kindInfo<K extends Kind>(kind: K): KindInfo<K> {
  return KINDS[kind] as KindInfo<K>;
}

/** The identity of a validated record, as GET returns it in `id`. */
export function rowId<K extends Kind>(kind: K, record: EntityByKind[K]): string {
  return kindInfo(kind).recordId(record);
}

/**
 * The identity of a raw (unvalidated) publish row, trimmed, or null when it has none or it
 * cannot be formed (for DUPLICATE_ID and deletes). Patterns are not checked here (validation
 * does that).
 */
export function rawRowId(kind: Kind, raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  return KINDS[kind].rawId(raw as Record<string, unknown>);
}
