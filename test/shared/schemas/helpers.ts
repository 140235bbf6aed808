/** Shared fixtures of the schema tests: a validation context and error look-ups. */
import { defaultPolicy } from '../../../shared/defaults';
import type { FieldError, Kind, Policy, Unit } from '../../../shared/models';
import { validateRow, type ValidationContext } from '../../../shared/validate';

export const UNITS: Unit[] = [
  { unitCode: 'XA01', name: 'Xã Tân Lập', kind: 'xa' },
  { unitCode: 'PH02', name: 'Phường Đống Đa', kind: 'phuong', validTo: '2025-06-30', mergedInto: 'PH09' },
];

export const CADRES = new Set(['CB01', 'CB02']);

export function makeContext(overrides: Partial<ValidationContext> = {}, policies: Record<number, Partial<Policy>> = {}): ValidationContext {
  return {
    policyFor: (year) => ({ ...defaultPolicy(year), ...policies[year] }),
    today: '2025-06-15',
    units: UNITS,
    hasCadre: (id) => CADRES.has(id),
    ...overrides,
  };
}

/** The errors of a row (empty when it validates). */
export function errorsOf(kind: Kind, raw: unknown, ctx: ValidationContext = makeContext()): FieldError[] {
  const result = validateRow(kind, raw, ctx);
  return result.ok ? [] : result.errors;
}

/** `field: CODE` of each error, for compact assertions. */
export function codesOf(kind: Kind, raw: unknown, ctx?: ValidationContext): string[] {
  return errorsOf(kind, raw, ctx).map((e) => `${e.field}: ${e.code}`);
}

/** The record of a row that must validate. */
export function recordOf<K extends Kind>(kind: K, raw: unknown, ctx: ValidationContext = makeContext()) {
  const result = validateRow(kind, raw, ctx);
  if (!result.ok) throw new Error(`expected a valid row, got ${JSON.stringify(result.errors)}`);
  return result.record;
}
