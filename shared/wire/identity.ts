/** identity.md's routes (`GET /api/me`, members) and cycle.md §6's roll-up, as both sides see them. */
import type { Summary } from '../models';
import type { Role } from '../roles';
import type { ClosedInfo } from './compliance';

export interface Membership {
  /** An org id, or `*` (every org). */
  org: string;
  role: Role;
}

/** `GET /api/me`. */
export interface MeBody {
  account: string;
  name: string;
  memberships: Membership[];
}

/** A member of an org (`GET …/members` rows; `PUT …/members/{account}` answers one). */
export interface MemberRow {
  account: string;
  name: string;
  role: Role;
}

/** `GET /api/orgs/{org}/members`. */
export interface MembersBody {
  rows: MemberRow[];
}

export interface RollupOrg {
  org: string;
  name: string;
  summary: Summary | null;
  computedAt: string | null;
  /** The close of a closed year (its `summary` is then the frozen one), else null (cycle.md §4). */
  closed: ClosedInfo | null;
}

export interface RollupTotal {
  orgs: number;
  subject: number;
  participated: number;
  participationPercent: number | null;
  met: number;
}

/** `GET /api/rollup?year=`. */
export interface RollupBody {
  year: number;
  orgs: RollupOrg[];
  total: RollupTotal;
}
