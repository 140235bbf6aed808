/**
 * A demo province, made from a seed (the same seed and options give the same rows): a
 * provincial Youth Union office's cadres in its departments (Ban / Văn phòng), the units after
 * the 2025 merger (new xã/phường from 01/07/2025; the old ones end 30/06/2025 with
 * `mergedInto`), a year of trips (overlaps, trips across New Year, late and missing reports,
 * a few to merged units), absences (maternity, study, sick), quarterly registrations and the
 * year's policy. Rows are in the publish form of api.md (dates `YYYY-MM-DD`), ready for
 * `POST …/{kind}/publish` and `PUT …/policies/{year}`. Used by `npm run demo`, tests and benches.
 */
import { dayToIso, isoToDay } from '../../shared/dates';
import { DEFAULT_CATEGORIES } from '../../shared/defaults';
import type { Absence, Cadre, Registration, Trip, Unit } from '../../shared/models';
import { DEPARTMENTS, DESCRIPTIONS, FAMILY, GIVEN_FEMALE, GIVEN_MALE, MIDDLE_FEMALE, MIDDLE_MALE, PLACE_WORDS, POSITIONS } from './names';
import { prng } from '../prng';

export interface DemoOptions {
  seed?: number;
  /** The year of the trips (default: the year of `today`). */
  year?: number;
  /** Nothing is dated after it (trips, reports); default: the year's 31/12. */
  today?: string;
  /** Cadres (default 30). */
  cadres?: number;
}

export interface DemoPolicy {
  requiredDays: number;
  dayMode: 'calendar';
  proration: 'byDays';
  reportDeadlineDays: number;
  countUnreportedTrips: boolean;
  categories: { code: string; label: string }[];
}

export interface DemoOrg {
  year: number;
  policy: DemoPolicy;
  cadres: Cadre[];
  units: Unit[];
  absences: Absence[];
  registrations: Registration[];
  trips: Trip[];
}

/** The day the merged units start (Resolution 202/2025/QH15: the new communes from 01/07/2025). */
export const MERGER_DAY = '2025-07-01';


export function generateDemoOrg(options: DemoOptions = {}): DemoOrg {
  const rnd = prng(options.seed ?? 1);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const chance = (p: number): boolean => rnd() < p;
  const year = options.year ?? Number((options.today ?? '2025-12-31').slice(0, 4));
  const today = options.today ?? `${year}-12-31`;
  const todayDay = isoToDay(today);
  const hex = (n: number): string => Array.from({ length: n }, () => int(0, 15).toString(16)).join('');
  /** A UUID v4 from the seed, like the pane's client ids. */
  const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;

  // Units: new xã/phường from the merger day; two or three old ones merged into each.
  const units: Unit[] = [];
  const newUnits: Unit[] = [];
  const oldUnits: Unit[] = [];
  const usedNames = new Set<string>();
  const placeName = (): string => {
    for (;;) {
      const a = pick(PLACE_WORDS);
      const b = pick(PLACE_WORDS);
      const name = `${a} ${b}`;
      if (a !== b && !usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  for (let i = 1; i <= 16; i++) {
    const kind = i <= 11 ? 'xa' : 'phuong';
    const label = kind === 'xa' ? 'Xã' : 'Phường';
    const code = `${kind === 'xa' ? 'X' : 'P'}${String(i).padStart(2, '0')}`;
    const unit: Unit = { unitCode: code, name: `${label} ${placeName()}`, kind, validFrom: MERGER_DAY };
    newUnits.push(unit);
    for (let j = 1; j <= (i % 3 === 0 ? 3 : 2); j++) {
      oldUnits.push({ unitCode: `${code}-${j}`, name: `${label} ${placeName()}`, kind, validTo: '2025-06-30', mergedInto: code });
    }
  }
  units.push(...newUnits, ...oldUnits);
  // Units of the province's own bodies, not merged.
  units.push({ unitCode: 'CD-BV', name: 'Chi đoàn Bệnh viện Đa khoa tỉnh', kind: 'chi_doan' }, { unitCode: 'CS-KCN', name: 'Đoàn Khu công nghiệp', kind: 'truc_thuoc' });
  /** A unit open on `day`: before the merger the old ones, after it the new ones (and the two bodies). */
  const unitOn = (day: number): Unit => {
    const before = day < isoToDay(MERGER_DAY);
    const open = units.filter((u) => (before ? !u.validFrom : !u.validTo));
    return pick(open);
  };

  // Cadres: a head per department, deputies, staff; two not subject to 1+2; part-year staff.
  const cadres: Cadre[] = [];
  const count = options.cadres ?? 30;
  for (let i = 0; i < count; i++) {
    const female = chance(0.5);
    const fullName = `${pick(FAMILY)} ${pick(female ? MIDDLE_FEMALE : MIDDLE_MALE)} ${pick(female ? GIVEN_FEMALE : GIVEN_MALE)}`.normalize('NFC');
    const department = DEPARTMENTS[i % DEPARTMENTS.length];
    const first = i < DEPARTMENTS.length;
    const position = first ? (department === 'Văn phòng' ? POSITIONS.office : POSITIONS.head) : i < 2 * DEPARTMENTS.length ? POSITIONS.deputy : POSITIONS.staff;
    const cadre: Cadre = { cadreId: `CB${String(i + 1).padStart(3, '0')}`, fullName, department, position, subject: !(i === 0 || i === 1) };
    if (i === count - 1) cadre.serviceStart = `${year}-04-01`;
    if (i === count - 2) cadre.serviceEnd = `${year}-09-30`;
    cadres.push(cadre);
  }

  // Absences: one maternity leave, one study leave, one sick leave.
  const absences: Absence[] = [
    { id: uuid(), cadreId: cadres[8 % count].cadreId, from: `${year}-03-01`, to: `${year}-08-31`, reason: 'maternity', note: 'Nghỉ thai sản' },
    { id: uuid(), cadreId: cadres[12 % count].cadreId, from: `${year}-09-05`, to: `${year}-11-05`, reason: 'study', note: 'Học lớp bồi dưỡng lý luận chính trị' },
    { id: uuid(), cadreId: cadres[15 % count].cadreId, from: `${year}-05-12`, to: `${year}-05-23`, reason: 'sick' },
  ];
  const absent = (cadreId: string, day: number): boolean =>
    absences.some((a) => a.cadreId === cadreId && day >= isoToDay(a.from) && day <= isoToDay(a.to ?? today));

  // Registrations: every subject cadre registers 60+ days; most are approved.
  const registrations: Registration[] = [];
  for (const c of cadres) {
    if (!c.subject) continue;
    const q = [int(12, 18), int(14, 20), int(14, 20), int(12, 18)];
    while (q.reduce((s, x) => s + x, 0) < 60) q[int(0, 3)] += 1;
    const approved = chance(0.85);
    registrations.push({ cadreId: c.cadreId, year, q1Days: q[0], q2Days: q[1], q3Days: q[2], q4Days: q[3], approved, ...(approved ? { approvedBy: 'Bí thư Tỉnh đoàn' } : {}) });
  }

  // Trips: each cadre has a pace (diligent, steady, behind); trips of 1–5 days, sometimes
  // starting on the last day of the previous one (an overlap), a few across New Year.
  const trips: Trip[] = [];
  const categoryCodes = DEFAULT_CATEGORIES.map((c) => c.code);
  const yearStart = isoToDay(`${year}-01-01`);
  const yearEnd = Math.min(isoToDay(`${year}-12-31`), todayDay);
  let order = 100;
  for (const [index, c] of cadres.entries()) {
    const pace = index % 5 === 0 ? 0.12 : index % 3 === 0 ? 0.32 : 0.2; // share of days out
    let day = yearStart + int(2, 12);
    let crossing = index % 7 === 3; // the first trip starts in late December and ends in January
    // Some go on into January of the next year (when that is not after `today`).
    const last = index % 7 === 4 ? Math.min(todayDay, isoToDay(`${year}-12-31`) + 6) : yearEnd;
    const stop = c.serviceEnd ? Math.min(last, isoToDay(c.serviceEnd)) : last;
    if (c.serviceStart) day = Math.max(day, isoToDay(c.serviceStart) + int(3, 10));
    let previousEnd = -Infinity;
    while (day <= stop) {
      const length = crossing ? int(3, 5) : int(1, 5);
      let start = crossing ? yearStart - length + int(1, length - 1) : day;
      crossing = false;
      if (previousEnd > -Infinity && chance(0.08)) start = previousEnd; // overlaps the last day of the previous trip
      const end = start + length - 1;
      if (end > stop) break;
      if (!absent(c.cadreId, start) && !absent(c.cadreId, end)) {
        const contents = [pick(categoryCodes.slice(0, 6))];
        if (chance(0.25)) {
          const second = pick(categoryCodes.slice(0, 6));
          if (second !== contents[0]) contents.push(second);
        }
        const unit = chance(0.03) ? unitOn(isoToDay(MERGER_DAY) - 1) : unitOn(start);
        const trip: Trip = { id: uuid(), cadreId: c.cadreId, unit: unit.unitCode, startDate: dayToIso(start), endDate: dayToIso(end), contents, description: pick(DESCRIPTIONS[contents[0]]) };
        if (chance(0.7)) trip.orderNo = `${order++}/CL-TĐTN`;
        if (chance(0.4)) trip.cost = int(3, 30) * 100_000;
        const reportDay = end + (chance(0.85) ? int(1, 9) : int(11, 25));
        if (chance(0.9) && reportDay <= todayDay) trip.reportDate = dayToIso(reportDay);
        trips.push(trip);
        previousEnd = end;
      }
      day = end + 1 + Math.max(1, Math.round((length / pace - length) * (0.6 + rnd() * 0.8)));
    }
  }

  const policy: DemoPolicy = {
    requiredDays: 60,
    dayMode: 'calendar',
    proration: 'byDays',
    reportDeadlineDays: 10,
    countUnreportedTrips: true,
    categories: DEFAULT_CATEGORIES.map((c) => ({ ...c })),
  };
  return { year, policy, cadres, units, absences, registrations, trips };
}
