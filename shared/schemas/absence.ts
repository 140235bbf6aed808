/** Absences (Miễn giảm): required `id`, `cadreId` (a stored cadre), `from`, `reason` (code or label). */
import type { z } from 'zod';
import { isoToDisplay } from '../dates';
import { parseAbsenceReason } from '../categories';
import { ABSENCE_REASON_LABELS } from '../messages';
import type { Absence } from '../models';
import type { ValidationContext } from './context';
import { Problem, clientId, coded, date, entity, optional, required, text } from './fields';
import { knownCadre } from './known-cadre';

const REASON_EXPECTED = Object.entries(ABSENCE_REASON_LABELS)
  .map(([c, label]) => `${c} (${label})`)
  .join(', ');

export function absenceSchema(ctx: Pick<ValidationContext, 'hasCadre'>): z.ZodType<Absence> {
  return entity(
    {
      id: required('id', clientId),
      cadreId: required('cadreId', knownCadre(ctx)),
      from: required('from', date),
      to: optional('to', date),
      reason: required('reason', coded(parseAbsenceReason, `một trong: ${REASON_EXPECTED}`)),
      note: optional('note', text(2000)),
    },
    (check) => {
      const from = check.valid('from');
      const to = check.valid('to');
      if (from && to && to < from) check.report('to', new Problem('END_BEFORE_START', { value: isoToDisplay(to), other: 'from' }));
    },
  );
}
