/** Calling every route of the table in the role × org matrices. */

export function pathOf(pattern: string, org: string): string {
  return `/api/${pattern.replace('{org}', org).replace('{year}', '2025').replace('{account}', 'someone%40example.vn')}`;
}

/** What an allowed call with a malformed body (none for GET) answers on each route. */
export function allowedStatus(route: { method: string; name: string }): number {
  if (route.name === 'deleteMember') return 404; // no such member
  if (route.name === 'getReport') return 400; // asked without its required format: INVALID_PARAM
  if (route.name === 'reopenYear') return 404; // the year is not closed
  return route.method === 'GET' || route.name === 'recalculate' ? 200 : 400;
}
