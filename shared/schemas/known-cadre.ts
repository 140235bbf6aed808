/** A `cadreId` that must name a cadre the org has (trips, absences, registrations). */
import type { ValidationContext } from './context';
import { Problem, code, type Parser } from './fields';

export function knownCadre(ctx: Pick<ValidationContext, 'hasCadre'>): Parser<string> {
  return (value) => {
    const id = code(value);
    if (id instanceof Problem) return id;
    return ctx.hasCadre(id) ? id : new Problem('UNKNOWN_CADRE', { value: id });
  };
}
