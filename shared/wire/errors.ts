/** Bodies of whole-request failures and of `GET /api/health` (api.md "Errors of a whole request"). */
import type { RequestErrorCode } from '../messages';
import type { FieldError } from '../models';

/** `{"error":{"code","message"}}`, in Vietnamese; INVALID_POLICY also lists its field errors. */
export interface ErrorBody {
  error: { code: RequestErrorCode; message: string; errors?: FieldError[] };
  errors?: FieldError[];
}

/** `GET /api/health`: 200 `ok`/`ok`, or 503 `degraded`/`down`. */
export interface HealthBody {
  status: string;
  storage: 'ok' | 'down';
}
