/**
 * Evaluations (Đánh giá, cycle.md §3): required `cadreId` (a stored cadre), `year`, `result`
 * (code or label); `comment` (≤ 4,000 characters) required when `result` differs from the
 * suggestion (also when there is none yet); `evaluatedOn` defaults to today. The server adds
 * `evaluatedBy` and the figures at evaluation from the context.
 */
import type { z } from 'zod';
import { parseEvaluationResult } from '../categories';
import type { Evaluation } from '../models';
import type { EvaluationFigures, ValidationContext } from './context';
import { Problem, coded, date, entity, integer, optional, required, text, withDefault } from './fields';
import { knownCadre } from './known-cadre';

export const MAX_COMMENT = 4000;

export function evaluationSchema(ctx: ValidationContext): z.ZodType<Evaluation> {
  const figures = (cadreId: string, year: number): EvaluationFigures =>
    ctx.evaluationFigures?.(cadreId, year) ?? { suggested: null, counted: 0, required: 0 };
  return entity(
    {
      cadreId: required('cadreId', knownCadre(ctx)),
      year: required('year', integer(1900, 9999)),
      result: required('result', coded(parseEvaluationResult, 'Đạt, Không đạt hoặc Miễn (dat, khong_dat, mien)')),
      comment: optional('comment', text(MAX_COMMENT)),
      evaluatedOn: withDefault('evaluatedOn', date, ctx.today),
    },
    (check) => {
      const cadreId = check.valid('cadreId');
      const year = check.valid('year');
      const result = check.valid('result');
      if (cadreId === undefined || year === undefined || result === undefined) return;
      if (result !== figures(cadreId, year).suggested && !check.valid('comment')) check.report('comment', new Problem('REQUIRED'));
    },
    (e): Evaluation => {
      const f = figures(e.cadreId, e.year);
      return { ...e, evaluatedBy: ctx.actor ?? '', countedAtEvaluation: f.counted, requiredAtEvaluation: f.required };
    },
  );
}
