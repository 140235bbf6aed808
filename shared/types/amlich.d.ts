/** Types for `amlich` (Hồ Ngọc Đức's Vietnamese lunar calendar algorithm), which ships none. */
declare module 'amlich' {
  /** Returns [day, month, year] of the solar date. */
  export function convertLunar2Solar(
    lunarDay: number,
    lunarMonth: number,
    lunarYear: number,
    lunarLeap: number,
    timeZone: number,
  ): [number, number, number];
  /** Returns [day, month, year, leap] of the lunar date. */
  export function convertSolar2Lunar(
    day: number,
    month: number,
    year: number,
    timeZone: number,
  ): [number, number, number, number];
}
