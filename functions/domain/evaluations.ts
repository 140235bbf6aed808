/**
 * The leadership's evaluations (cycle.md §3) around the engine: the date a suggestion is taken
 * at (the earlier of today and the year's `windowEnd`), the suggestion and figures of a
 * cadre-year at that date, EVALUATION_STALE, and the evaluation fields of compliance bodies.
 */
import { policyLookup } from '../../shared/defaults';
import { evaluateOrg } from '../../shared/engine/evaluate';
import { suggestedResult } from '../../shared/evaluation-suggestion';
import { warningMessage } from '../../shared/messages';
import type { ComplianceRow, Evaluation, EvaluationResult, IsoDate, Warning, YearCompliance } from '../../shared/models';
import type { EvaluationFigures } from '../../shared/schemas/context';
import { engineInput, liveRecords, storedPolicies, type OrgState } from './org-state';

/** The engine's evaluation of an org as of `date`. */
export interface EvaluatedAt {
  date: IsoDate;
  evaluation: ReturnType<typeof evaluateOrg>;
}

/**
 * The figures of every cadre-year as of its evaluation date, computed once per date. `known`:
 * an evaluation of the same state the caller already made (GET compliance and publish evaluate
 * as of `asOf`, usually today: that date is then not evaluated a second time).
 */
export function evaluationFigures(state: OrgState, today: IsoDate, known?: EvaluatedAt): (cadreId: string, year: number) => EvaluationFigures {
  const policyFor = policyLookup(storedPolicies(state));
  const byDate = new Map<IsoDate, ReturnType<typeof evaluateOrg>>(known ? [[known.date, known.evaluation]] : []);
  return (cadreId, year) => {
    const windowEnd = policyFor(year).windowEnd;
    const date = today < windowEnd ? today : windowEnd;
    let evaluation = byDate.get(date);
    if (!evaluation) {
      evaluation = evaluateOrg(engineInput(state, date));
      byDate.set(date, evaluation);
    }
    const row = evaluation.year(year).cadres.find((c) => c.cadreId === cadreId);
    return { suggested: suggestedResult(row?.status), counted: row?.countedDays ?? 0, required: row?.requiredDays ?? 0 };
  };
}

const days = (n: number): string => String(n).replace('.', ',');

/** EVALUATION_STALE when the figures now (as `suggested` takes them) differ from those stored at evaluation. */
export function staleWarning(e: Evaluation, now: EvaluationFigures): Warning | null {
  if (now.counted === e.countedAtEvaluation && now.required === e.requiredAtEvaluation) return null;
  const value = `lúc đánh giá ${days(e.countedAtEvaluation)}/${days(e.requiredAtEvaluation)} ngày, nay ${days(now.counted)}/${days(now.required)} ngày`;
  return { code: 'EVALUATION_STALE', message: warningMessage('EVALUATION_STALE', { value }), field: 'result' };
}

/** What publish results and GET rows carry for an evaluation: the suggestion and its warnings. */
export function evaluationDerived(e: Evaluation, figures: (cadreId: string, year: number) => EvaluationFigures): { suggested: EvaluationResult | null; warnings: Warning[] } {
  const now = figures(e.cadreId, e.year);
  const stale = staleWarning(e, now);
  return { suggested: now.suggested, warnings: stale ? [stale] : [] };
}

/** A year's compliance with each row's `evaluation` and the summary's `evaluated` / `evaluationResults`. */
export function withEvaluations<T extends YearCompliance>(body: T, state: OrgState, figures: (cadreId: string, year: number) => EvaluationFigures): T {
  const byCadre = new Map<string, Evaluation>();
  for (const e of liveRecords(state.rows.evaluations)) if (e.year === body.year) byCadre.set(e.cadreId, e);
  const results: Record<EvaluationResult, number> = { dat: 0, khong_dat: 0, mien: 0 };
  let evaluated = 0;
  const cadres = body.cadres.map((row): ComplianceRow => {
    const e = byCadre.get(row.cadreId);
    if (!e) return { ...row, evaluation: null };
    results[e.result]++;
    if (row.requiredDays > 0) evaluated++;
    const stale = staleWarning(e, figures(e.cadreId, e.year)) !== null;
    return {
      ...row,
      evaluation: { result: e.result, ...(e.comment !== undefined ? { comment: e.comment } : {}), evaluatedBy: e.evaluatedBy, evaluatedOn: e.evaluatedOn, stale },
    };
  });
  return { ...body, cadres, summary: { ...body.summary, evaluated, evaluationResults: results } };
}

