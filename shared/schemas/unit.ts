/** Grassroots units (Đơn vị cơ sở): required `unitCode`, `name`; `kind` by code or label, default `khac`. */
import type { z } from 'zod';
import { isoToDisplay } from '../dates';
import { parseUnitKind } from '../categories';
import { UNIT_KIND_LABELS } from '../messages';
import type { Unit } from '../models';
import { Problem, code, coded, date, entity, optional, required, text, withDefault } from './fields';

const KIND_EXPECTED = Object.entries(UNIT_KIND_LABELS)
  .map(([c, label]) => `${c} (${label})`)
  .join(', ');

export const unitSchema: z.ZodType<Unit> = entity(
  {
    unitCode: required('unitCode', code),
    name: required('name', text(200)),
    kind: withDefault('kind', coded(parseUnitKind, `một trong: ${KIND_EXPECTED}`), 'khac'),
    parentCode: optional('parentCode', code),
    validFrom: optional('validFrom', date),
    validTo: optional('validTo', date),
    mergedInto: optional('mergedInto', code),
  },
  (check) => {
    const from = check.valid('validFrom');
    const to = check.valid('validTo');
    if (from && to && to < from) check.report('validTo', new Problem('END_BEFORE_START', { value: isoToDisplay(to), other: 'validFrom' }));
  },
);
