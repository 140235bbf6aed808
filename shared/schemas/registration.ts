/**
 * Registrations (Đăng ký): required `cadreId` (a stored cadre) and `year` (1900–9999);
 * `q1Days`..`q4Days` default 0 (multiples of 0.5 from 0 to 92); `approved` default false.
 */
import type { z } from 'zod';
import type { Registration } from '../models';
import type { ValidationContext } from './context';
import { boolean, entity, halfDays, integer, optional, required, text, withDefault } from './fields';
import { knownCadre } from './known-cadre';

export function registrationSchema(ctx: Pick<ValidationContext, 'hasCadre'>): z.ZodType<Registration> {
  return entity({
    cadreId: required('cadreId', knownCadre(ctx)),
    year: required('year', integer(1900, 9999)),
    q1Days: withDefault('q1Days', halfDays, 0),
    q2Days: withDefault('q2Days', halfDays, 0),
    q3Days: withDefault('q3Days', halfDays, 0),
    q4Days: withDefault('q4Days', halfDays, 0),
    units: optional('units', text(2000)),
    approved: withDefault('approved', boolean, false),
    approvedBy: optional('approvedBy', text(200)),
  });
}
