/**
 * THE route table: every HTTP route of api.md (method, pattern after `/api/`, lowest role,
 * handler) and the timer job. The Azure entry (index.ts) and the dev host (dev/host.ts) are
 * both built from it. Kinds get literal paths (`orgs/{org}/trips`), so no pattern is ambiguous.
 */
import { KIND_LIST, kindInfo } from '../shared/kinds';
import { getAudit } from './handlers/audit';
import { getCompliance, getHistory, recalculate } from './handlers/compliance';
import { health } from './handlers/health';
import { getMe } from './handlers/me';
import { deleteMember, listMembers, putMember } from './handlers/members';
import { getRollup } from './handlers/rollup';
import { getPolicy, putPolicy } from './handlers/policies';
import { getProfile, putProfile } from './handlers/profile';
import { getReport, getReportModel, postReportLink, reportSignedAccess } from './handlers/reports';
import { closeYear, listYears, reopenYear } from './handlers/years';
import { listHandler, publishHandler } from './handlers/rows';
import { recalculateTotalsJob } from './jobs/recalculateTotals';
import type { Route, TimerJob } from './route';

export const ROUTES: readonly Route[] = [
  { name: 'health', method: 'GET', pattern: 'health', role: null, handler: health },
  { name: 'getPolicy', method: 'GET', pattern: 'orgs/{org}/policies/{year}', role: 'viewer', handler: getPolicy },
  { name: 'putPolicy', method: 'PUT', pattern: 'orgs/{org}/policies/{year}', role: 'admin', handler: putPolicy },
  { name: 'getProfile', method: 'GET', pattern: 'orgs/{org}/profile', role: 'viewer', handler: getProfile },
  { name: 'putProfile', method: 'PUT', pattern: 'orgs/{org}/profile', role: 'admin', handler: putProfile },
  ...KIND_LIST.map(kindInfo).flatMap(({ kind, routeName, publishRole }): Route[] => [
    { name: `publish${routeName}`, method: 'POST', pattern: `orgs/{org}/${kind}/publish`, role: publishRole, handler: publishHandler(kind) },
    { name: `list${routeName}`, method: 'GET', pattern: `orgs/{org}/${kind}`, role: 'viewer', handler: listHandler(kind) },
  ]),
  { name: 'getCompliance', method: 'GET', pattern: 'orgs/{org}/compliance', role: 'viewer', handler: getCompliance },
  { name: 'recalculate', method: 'POST', pattern: 'orgs/{org}/recalculate', role: 'leader', handler: recalculate },
  { name: 'getHistory', method: 'GET', pattern: 'orgs/{org}/history', role: 'viewer', handler: getHistory },
  { name: 'getReport', method: 'GET', pattern: 'orgs/{org}/reports/{year}', role: 'viewer', handler: getReport, signedAccess: reportSignedAccess },
  { name: 'getReportModel', method: 'GET', pattern: 'orgs/{org}/reports/{year}/model', role: 'viewer', handler: getReportModel },
  { name: 'postReportLink', method: 'POST', pattern: 'orgs/{org}/reports/{year}/link', role: 'viewer', handler: postReportLink },
  { name: 'getAudit', method: 'GET', pattern: 'orgs/{org}/audit', role: 'admin', handler: getAudit },
  { name: 'listMembers', method: 'GET', pattern: 'orgs/{org}/members', role: 'admin', allOrgs: true, handler: listMembers },
  { name: 'putMember', method: 'PUT', pattern: 'orgs/{org}/members/{account}', role: 'admin', allOrgs: true, handler: putMember },
  { name: 'deleteMember', method: 'DELETE', pattern: 'orgs/{org}/members/{account}', role: 'admin', allOrgs: true, handler: deleteMember },
  { name: 'getMe', method: 'GET', pattern: 'me', role: 'viewer', scope: 'caller', handler: getMe },
  { name: 'getRollup', method: 'GET', pattern: 'rollup', role: 'viewer', scope: 'national', handler: getRollup },
  { name: 'listYears', method: 'GET', pattern: 'orgs/{org}/years', role: 'viewer', handler: listYears },
  { name: 'closeYear', method: 'POST', pattern: 'orgs/{org}/years/{year}/close', role: 'leader', handler: closeYear },
  { name: 'reopenYear', method: 'DELETE', pattern: 'orgs/{org}/years/{year}/close', role: 'admin', handler: reopenYear },
];

export const TIMERS: readonly TimerJob[] = [recalculateTotalsJob];
