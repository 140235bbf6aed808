/** Cadres (Cán bộ): required `cadreId`, `fullName`; `department`/`position` default "", `subject` true. */
import type { z } from 'zod';
import { isoToDisplay } from '../dates';
import type { Cadre } from '../models';
import { Problem, boolean, code, date, entity, optional, required, text, withDefault } from './fields';

export const cadreSchema: z.ZodType<Cadre> = entity(
  {
    cadreId: required('cadreId', code),
    fullName: required('fullName', text(200)),
    department: withDefault('department', text(200), ''),
    position: withDefault('position', text(200), ''),
    subject: withDefault('subject', boolean, true),
    serviceStart: optional('serviceStart', date),
    serviceEnd: optional('serviceEnd', date),
  },
  (check) => {
    const start = check.valid('serviceStart');
    const end = check.valid('serviceEnd');
    if (start && end && end < start)
      check.report('serviceEnd', new Problem('END_BEFORE_START', { value: isoToDisplay(end), other: 'serviceStart' }));
  },
);
