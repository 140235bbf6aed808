/** Vietnamese wording of the report that depends on codes: absence reasons, evaluation results. */
import type { AbsenceReason } from '../models';
import { EVALUATION_RESULT_LABELS } from '../messages';
import type { EvaluationResult } from './input';

/** "n đồng chí …" for the cadres with an absence of each reason in the year. */
export const ABSENCE_PHRASES: Readonly<Record<AbsenceReason, string>> = {
  study: 'tham gia các lớp đào tạo, bồi dưỡng tập trung',
  maternity: 'nghỉ chế độ thai sản',
  sick: 'nghỉ ốm dài ngày',
  other: 'vắng mặt dài ngày vì lý do khác',
};

export const ABSENCE_ORDER: readonly AbsenceReason[] = ['study', 'maternity', 'sick', 'other'];

export const EVALUATION_LABELS: Readonly<Record<EvaluationResult, string>> = EVALUATION_RESULT_LABELS;

export const EVALUATION_ORDER: readonly EvaluationResult[] = ['dat', 'khong_dat', 'mien'];
