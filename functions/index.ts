/**
 * The Azure Functions entry: registers every route of the route table with `app.http` (one
 * function per path pattern, taking every method so that a wrong one gets 405) and every timer
 * job with `app.timer`. CORS on Azure is set on the Function App, not here.
 */
import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import { errorResponse, NotFoundError } from './http/errors';
import { fromAzureRequest, toAzureResponse } from './http/azure';
import type { RequestLogLine } from './http/request-log';
import { execute, routingFailure } from './pipeline';
import { createRouter } from './router';
import { ROUTES, TIMERS } from './routes';
import { createServices, type Services } from './services';

let services: Services | null = null;
function getServices(): Services {
  services ??= createServices(process.env);
  return services;
}

const ALL_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** Route patterns in table order, with a function name for each. */
export function groupByPattern(): Array<{ name: string; pattern: string }> {
  const seen = new Map<string, string>();
  for (const r of ROUTES) if (!seen.has(r.pattern)) seen.set(r.pattern, r.name);
  return [...seen.entries()].map(([pattern, name]) => ({ name, pattern }));
}

export function registerAll(): void {
  const router = createRouter(ROUTES);
  for (const { name, pattern } of groupByPattern()) {
    app.http(name, {
      methods: [...ALL_METHODS],
      route: pattern,
      authLevel: 'anonymous',
      handler: async (request: HttpRequest, context: InvocationContext) => {
        const s = getServices();
        const req = fromAzureRequest(request);
        try {
          const { route, params } = router.match(req.method, req.path);
          const log = (line: RequestLogLine): void => context.log(JSON.stringify(line));
          return toAzureResponse(await execute(route, req, params, s, { requestId: context.invocationId, log }));
        } catch (err) {
          return toAzureResponse(await routingFailure(err, req, s));
        }
      },
    });
  }
  // Any other path under /api: a JSON 404 (the catch-all has the lowest precedence).
  app.http('notFound', {
    methods: [...ALL_METHODS],
    route: '{*path}',
    authLevel: 'anonymous',
    handler: async () => toAzureResponse(errorResponse(new NotFoundError())),
  });
  for (const job of TIMERS) {
    app.timer(job.name, {
      schedule: job.schedule(process.env),
      handler: async (_timer, context: InvocationContext) => {
        const result = await job.run(getServices());
        context.log(JSON.stringify({ job: job.name, result }));
      },
    });
  }
}

registerAll();
