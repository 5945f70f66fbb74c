/**
 * HTTP control API under `/_fake/` on every host (no auth, works while "offline"):
 *   POST   /_fake/reset                 back to the fixture
 *   POST   /_fake/failures  {…}         failure modes and one-off changes (control.ts schema)
 *   GET    /_fake/state                 counts, failure modes, Entra session
 *   GET    /_fake/requests?pathIncludes=&grantType=&auth=&method=&since=   request log (no secrets)
 *   DELETE /_fake/requests              clear the log
 */
import { ZodError } from 'zod';
import { applyChanges, filterRequests, type RequestFilter } from '../control';
import { empty, json, type Ctx, type Reply } from '../http';

const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'content-type', 'Access-Control-Allow-Methods': 'GET, POST, DELETE' };

function requestFilter(query: URLSearchParams): RequestFilter {
  const filter: RequestFilter = {};
  for (const key of ['method', 'host', 'pathIncludes', 'grantType'] as const) {
    const value = query.get(key);
    if (value) filter[key] = value;
  }
  const auth = query.get('auth');
  if (auth === 'none' || auth === 'pat' || auth === 'bearer' || auth === 'session' || auth === 'invalid') filter.auth = auth;
  if (query.get('since')) filter.since = Number(query.get('since'));
  if (query.get('status')) filter.status = Number(query.get('status'));
  return filter;
}

export function controlRequest(ctx: Ctx): Reply {
  const route = `${ctx.method} ${ctx.url.pathname.replace(/\/+$/, '')}`;
  try {
    switch (route) {
      case 'POST /_fake/reset':
        ctx.state.reset();
        return json(200, ctx.state.summary(), CORS);
      case 'POST /_fake/failures': {
        const text = ctx.rawBody.toString('utf8');
        applyChanges(ctx.state, text.trim() ? JSON.parse(text) : {});
        return json(200, ctx.state.failures, CORS);
      }
      case 'GET /_fake/state':
        return json(200, ctx.state.summary(), CORS);
      case 'GET /_fake/requests': {
        const value = filterRequests(ctx.state, requestFilter(ctx.query));
        return json(200, { count: value.length, value }, CORS);
      }
      case 'DELETE /_fake/requests':
        ctx.state.requestLog = [];
        return empty(204, CORS);
      default:
        if (ctx.method === 'OPTIONS') return empty(204, CORS);
        return json(404, { message: `No control route ${route}.` }, CORS);
    }
  } catch (error) {
    const message = error instanceof ZodError ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : String((error as Error).message);
    return json(400, { message }, CORS);
  }
}
