/** Matches a method and a path (after `/api/`) against the route table. */
import { MethodNotAllowedError, NotFoundError } from './http/errors';
import type { Route } from './route';

interface Compiled {
  route: Route;
  regex: RegExp;
  names: string[];
}

export function compilePattern(pattern: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = pattern
    .split('/')
    .map((segment) => {
      const m = /^\{([A-Za-z]+)\}$/.exec(segment);
      if (m) {
        names.push(m[1]);
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { regex: new RegExp(`^${source}/?$`), names };
}

export interface Router {
  /** The route and its decoded params; throws NotFoundError / MethodNotAllowedError. */
  match(method: string, path: string): { route: Route; params: Record<string, string> };
}

export function createRouter(routes: readonly Route[]): Router {
  const compiled: Compiled[] = routes.map((route) => ({ route, ...compilePattern(route.pattern) }));
  return {
    match(method, path) {
      const trimmed = path.replace(/^\/+/, '');
      const allowed: string[] = [];
      let needsKey = true;
      for (const c of compiled) {
        const m = c.regex.exec(trimmed);
        if (!m) continue;
        if (c.route.method !== method.toUpperCase()) {
          allowed.push(c.route.method);
          if (c.route.role === null) needsKey = false;
          continue;
        }
        const params: Record<string, string> = {};
        let bad = false;
        c.names.forEach((name, i) => {
          try {
            params[name] = decodeURIComponent(m[i + 1]);
          } catch {
            bad = true;
          }
        });
        if (bad) throw new NotFoundError();
        return { route: c.route, params };
      }
      if (allowed.length > 0) throw new MethodNotAllowedError(allowed, needsKey);
      throw new NotFoundError();
    },
  };
}
