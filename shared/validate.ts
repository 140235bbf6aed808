/**
 * Validation of one publish row of any kind: raw JSON (from a request or a sheet) to the
 * normalised record exactly as GET returns it, or every field error of the row (one per field,
 * the most basic first: REQUIRED, then format, then cross-field rules). `ref`, `version`,
 * `deleted` and unknown fields are ignored.
 */
import type { z } from 'zod';
import { errorMessage } from './messages';
import type { EntityByKind, FieldError, Kind } from './models';
import { absenceSchema } from './schemas/absence';
import { cadreSchema } from './schemas/cadre';
import type { ValidationContext } from './schemas/context';
import { fieldErrors } from './schemas/fields';
import { evaluationSchema } from './schemas/evaluation';
import { registrationSchema } from './schemas/registration';
import { tripSchema } from './schemas/trip';
import { unitSchema } from './schemas/unit';

export type { ValidationContext } from './schemas/context';
export { parsePolicy } from './schemas/policy';

export type RowValidation<K extends Kind> = { ok: true; record: EntityByKind[K] } | { ok: false; errors: FieldError[] };

type Schemas = { [P in Kind]: z.ZodType<EntityByKind[P]> };

/** Schemas built once per context object (building zod schemas costs more than using them). */
const schemasByContext = new WeakMap<ValidationContext, Schemas>();

/** The zod schema of a kind under a context (the same object for the same context). */
export function schemaFor<K extends Kind>(kind: K, ctx: ValidationContext): z.ZodType<EntityByKind[K]> {
  let schemas = schemasByContext.get(ctx);
  if (!schemas) {
    schemas = {
      cadres: cadreSchema,
      units: unitSchema,
      absences: absenceSchema(ctx),
      registrations: registrationSchema(ctx),
      trips: tripSchema(ctx),
      evaluations: evaluationSchema(ctx),
    };
    schemasByContext.set(ctx, schemas);
  }
  return schemas[kind];
}

export function validateRow<K extends Kind>(kind: K, raw: unknown, ctx: ValidationContext): RowValidation<K> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      errors: [
        {
          field: 'row',
          code: 'INVALID_FORMAT',
          message: errorMessage('INVALID_FORMAT', 'row', { value: raw, expected: 'một dòng dữ liệu (đối tượng JSON)' }),
        },
      ],
    };
  }
  const result = schemaFor(kind, ctx).safeParse(raw);
  return result.success ? { ok: true, record: result.data } : { ok: false, errors: fieldErrors(result.error) };
}
