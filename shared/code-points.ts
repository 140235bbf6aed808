/** Plain code-point comparison of two strings (not locale-aware), as rules.md orders ids and codes. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
