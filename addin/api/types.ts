/** The shapes of api.md as the add-in receives them. */
import type {
  ComplianceRow,
  FieldError,
  Kind,
  Policy,
  Summary,
  TripDerived,
  Warning,
} from '../../shared/models';

export type Outcome = 'created' | 'updated' | 'unchanged' | 'deleted' | 'rejected' | 'conflict';

/** A row as GET returns it (normalised), with its identity and version. */
export interface StoredRow {
  id: string;
  version: string;
  deleted?: boolean;
  derived?: TripDerived;
  warnings?: Warning[];
  [field: string]: unknown;
}

export interface PublishResult {
  ref: unknown;
  id: string | null;
  version: string | null;
  outcome: Outcome;
  errors?: FieldError[];
  warnings?: Warning[];
  derived?: TripDerived | null;
  current?: StoredRow | null;
}

export interface PublishResponse {
  results: PublishResult[];
  summary: Record<Outcome, number>;
  compliance: (ComplianceRow & { year: number })[];
}

export interface PublishRow {
  ref: number;
  id?: string;
  version?: string;
  deleted?: true;
  [field: string]: unknown;
}

export interface ComplianceResponse {
  org: string;
  year: number;
  asOf: string;
  policy: Policy;
  cadres: ComplianceRow[];
  summary: Summary;
  computedAt: string;
}

export interface HistoryRow {
  date: string;
  summary: Summary;
  computedAt: string;
}

export interface HealthResponse {
  status: string;
  storage: string;
}

export type { Kind };
