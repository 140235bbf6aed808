/**
 * Which dates count: the built-in Vietnamese public holidays (Labour Code 2019, art. 112)
 * and a year's countable-date mask under a policy's day mode.
 */
import { convertLunar2Solar } from 'amlich';
import { daysInYear, isoToDay, weekday, yearOfDay, yearStart, ymdToDay, type DayNumber } from './dates';
import type { Policy } from './models';

/** Vietnam's time zone for the lunar calendar (the Vietnamese calendar, not the Chinese one). */
const VIETNAM_TZ = 7;

function lunarToDay(lunarDay: number, lunarMonth: number, lunarYear: number): DayNumber {
  const [d, m, y] = convertLunar2Solar(lunarDay, lunarMonth, lunarYear, 0, VIETNAM_TZ);
  return ymdToDay(y, m, d);
}

const holidayCache = new Map<number, readonly DayNumber[]>();

/**
 * Built-in public holidays falling in `year`: 1/1; Tết (the last day of the lunar year and
 * lunar 1/1 to 4/1); Hùng Kings' day (lunar 10/3); 30/4; 1/5; 2/9. Sorted day numbers.
 */
export function builtInHolidays(year: number): readonly DayNumber[] {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const tet = lunarToDay(1, 1, year);
  const days = new Set<DayNumber>([
    ymdToDay(year, 1, 1),
    tet - 1,
    tet,
    tet + 1,
    tet + 2,
    tet + 3,
    lunarToDay(10, 3, year),
    ymdToDay(year, 4, 30),
    ymdToDay(year, 5, 1),
    ymdToDay(year, 9, 2),
  ]);
  const start = yearStart(year);
  const end = start + daysInYear(year);
  const result = [...days].filter((d) => d >= start && d < end).sort((a, b) => a - b);
  holidayCache.set(year, result);
  return result;
}

/**
 * One byte per date of the policy's year (index 0 = 1 January): 1 when the date counts under
 * the policy's day mode, else 0. `calendar`: every date; `working`: Monday to Friday minus the
 * built-in holidays and the policy's `holidays`, plus the policy's `makeupWorkdays`.
 */
export function countableMask(policy: Policy): Uint8Array {
  const year = policy.year;
  const size = daysInYear(year);
  const mask = new Uint8Array(size).fill(1);
  if (policy.dayMode === 'calendar') return mask;
  const start = yearStart(year);
  for (let i = 0; i < size; i++) {
    const wd = weekday(start + i);
    if (wd === 0 || wd === 6) mask[i] = 0;
  }
  const clear = (day: DayNumber): void => {
    const i = day - start;
    if (i >= 0 && i < size) mask[i] = 0;
  };
  builtInHolidays(year).forEach(clear);
  policy.holidays.forEach((iso) => clear(isoToDay(iso)));
  for (const iso of policy.makeupWorkdays) {
    const i = isoToDay(iso) - start;
    if (i >= 0 && i < size) mask[i] = 1;
  }
  return mask;
}

/** Countable-date look-up across years, each year under its own policy (masks cached). */
export class CountableCalendar {
  private readonly masks = new Map<number, { start: DayNumber; mask: Uint8Array }>();

  constructor(private readonly policyFor: (year: number) => Policy) {}

  /** The mask of `year` and the day number of its 1 January. */
  year(year: number): { start: DayNumber; mask: Uint8Array } {
    let entry = this.masks.get(year);
    if (!entry) {
      entry = { start: yearStart(year), mask: countableMask(this.policyFor(year)) };
      this.masks.set(year, entry);
    }
    return entry;
  }

  isCountable(day: DayNumber, year: number): boolean {
    const { start, mask } = this.year(year);
    return mask[day - start] === 1;
  }

  /** The countable dates from `first` to `last` inclusive, in order. */
  countableDays(first: DayNumber, last: DayNumber): DayNumber[] {
    const out: DayNumber[] = [];
    let d = first;
    while (d <= last) {
      const y = yearOfDay(d);
      const { start, mask } = this.year(y);
      const stop = Math.min(last, start + mask.length - 1);
      for (; d <= stop; d++) if (mask[d - start] === 1) out.push(d);
    }
    return out;
  }
}
