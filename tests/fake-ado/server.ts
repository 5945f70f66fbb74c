/**
 * A fake Azure DevOps + Microsoft Entra ID over real HTTPS (docs/azure-devops-rest.md is the spec).
 *
 *   const fake = await startFakeAdo({ port: 0 });          // fixtures/basic.json
 *   new WebApi(`${fake.origin}/contoso`, getPersonalAccessTokenHandler(basic.pats.janeContoso), { ignoreSslError: true });
 *   chromium --host-resolver-rules="MAP dev.azure.com 127.0.0.1:PORT, …" (every name in fake.hosts)
 *
 * One socket serves every host; the Host header picks the site (hosts.ts). The certificate is
 * self-signed, made at start with `selfsigned`, with every host of the fixture in its SANs.
 */
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { identify } from './auth';
import { createControl, type FakeAdoControl } from './control';
import type { Fixture } from './fixture-types';
import { loadBasicFixture } from './fixtures/basic';
import { hostsFor, resolveSite } from './hosts';
import type { Ctx, Reply } from './http';
import { apiVersionOf, dispatch } from './pipeline';
import { controlRequest } from './routes/control';
import { webSessionPrincipal } from './web-session';
import { FakeState } from './state';

export type { FakeAdoControl } from './control';
export type { Fixture } from './fixture-types';

export interface FakeAdoOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default: fixtures/basic.json. */
  fixture?: Fixture;
  /** Initial latency of every answer (ms); also switchable through control. */
  latencyMs?: number;
  /** Print one line per request to stderr. */
  log?: boolean;
}

export interface FakeAdo {
  port: number;
  /** https://localhost:PORT — Node clients use `${origin}/{org}` (treated as dev.azure.com). */
  origin: string;
  /** Every host name Chromium must map to 127.0.0.1:PORT. */
  hosts: string[];
  /** The self-signed certificate (PEM), for clients that want to trust it instead of ignoring errors. */
  certificate: string;
  control: FakeAdoControl;
  close(): Promise<void>;
}

const certificateCache = new Map<string, Promise<{ key: string; cert: string }>>();

/** One certificate per host set and process: RSA key generation is the slow part of a start. */
function certificateFor(hosts: string[]): Promise<{ key: string; cert: string }> {
  const names = [...new Set([...hosts, '*.visualstudio.com', '*.vssps.visualstudio.com', 'localhost'])].sort();
  const cacheKey = names.join(',');
  let pending = certificateCache.get(cacheKey);
  if (!pending) {
    const notBeforeDate = new Date(Date.now() - 24 * 3600 * 1000);
    pending = generate([{ name: 'commonName', value: 'dev.azure.com' }], {
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate: new Date(notBeforeDate.getTime() + 365 * 24 * 3600 * 1000),
      extensions: [
        { name: 'basicConstraints', cA: true },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [...names.map((value) => ({ type: 2 as const, value })), { type: 7 as const, ip: '127.0.0.1' }, { type: 7 as const, ip: '::1' }],
        },
      ],
    }).then((pems) => ({ key: pems.private, cert: pems.cert }));
    certificateCache.set(cacheKey, pending);
  }
  return pending;
}

const SECRET_QUERY_KEYS = new Set(['code', 'code_verifier', 'refresh_token', 'access_token', 'client_secret', 'id_token']);

function loggableQuery(url: URL): string {
  const kept = new URLSearchParams();
  for (const [key, value] of url.searchParams) kept.append(key, SECRET_QUERY_KEYS.has(key.toLowerCase()) ? '***' : value);
  const text = kept.toString();
  return text ? `?${text}` : '';
}

function send(req: IncomingMessage, res: ServerResponse, reply: Reply, apiVersion: string | null): void {
  const headers: Record<string, string | string[]> = {
    'X-Fake-Ado': '1',
    ActivityId: globalThis.crypto.randomUUID(),
    ...reply.headers,
  };
  let payload: Buffer | undefined;
  if ('json' in reply) {
    payload = Buffer.from(JSON.stringify(reply.json));
    headers['Content-Type'] ??= `application/json; charset=utf-8${apiVersion ? `; api-version=${apiVersion}` : ''}`;
  } else if ('html' in reply) {
    payload = Buffer.from(reply.html);
    headers['Content-Type'] ??= 'text/html; charset=utf-8';
  } else if (reply.text !== undefined) {
    payload = Buffer.from(reply.text);
    headers['Content-Type'] ??= 'text/plain; charset=utf-8';
  }
  headers['Content-Length'] = String(payload?.length ?? 0);
  res.writeHead(reply.status, headers);
  res.end(req.method === 'HEAD' ? undefined : payload);
}

export async function startFakeAdo(options: FakeAdoOptions = {}): Promise<FakeAdo> {
  const state = new FakeState(options.fixture ?? loadBasicFixture());
  if (options.latencyMs) state.failures.latencyMs = options.latencyMs;
  const hosts = hostsFor(state);
  const { key, cert } = await certificateFor(hosts);
  let port = options.port ?? 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const hostHeader = (req.headers.host ?? `localhost:${port}`).toLowerCase();
    const host = hostHeader.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
    const url = new URL(req.url ?? '/', `https://${hostHeader}`);
    const site = resolveSite(host, url.pathname, state);
    const ctx: Ctx = {
      state,
      method: (req.method ?? 'GET').toUpperCase(),
      hostHeader,
      host,
      url,
      query: url.searchParams,
      headers: req.headers,
      rawBody: Buffer.concat(chunks),
      site,
      org: site.org,
      base: `https://${hostHeader}${site.basePath}`,
      principal: identify(req.headers.authorization, state),
      apiVersion: null,
      log: {},
    };
    ctx.apiVersion = apiVersionOf(ctx);
    if (ctx.principal.kind === 'none') ctx.principal = webSessionPrincipal(ctx);
    const logLine = (status: number) => {
      const p = ctx.principal;
      const entry = state.logRequest({
        method: ctx.method,
        host,
        path: url.pathname,
        query: loggableQuery(url),
        status,
        auth: p.kind,
        ...(p.kind === 'pat' || p.kind === 'bearer' || p.kind === 'session' ? { userId: p.user.id } : {}),
        ...ctx.log,
      });
      if (options.log) console.error(`[fake-ado] ${entry.status} ${entry.method} ${host}${entry.path}${entry.query} (${entry.auth})`);
    };

    // The control API keeps working whatever the failure modes say.
    if (url.pathname === '/_fake' || url.pathname.startsWith('/_fake/')) {
      send(req, res, controlRequest(ctx), null);
      return;
    }
    if (state.failures.offline) {
      logLine(0);
      req.socket.destroy();
      return;
    }
    if (state.failures.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, state.failures.latencyMs));
    let reply: Reply;
    try {
      reply = await dispatch(ctx);
    } catch (error) {
      console.error('[fake-ado] internal error', error);
      reply = { status: 500, json: { $id: '1', innerException: null, message: `Fake ADO internal error: ${(error as Error).message}`, typeKey: 'FakeAdoInternalError', typeName: 'FakeAdo', errorCode: 0, eventId: 0 } };
    }
    send(req, res, reply, ctx.apiVersion);
    logLine(reply.status);
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error) => {
      console.error('[fake-ado] request failed', error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  };
  const listen = (server: https.Server, address: string, wanted: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(wanted, address, () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });

  // Loopback only. "localhost" may resolve to ::1 first on some machines, so the same port is
  // also opened on ::1 when the machine has IPv6 (best effort).
  const servers = [https.createServer({ key, cert }, onRequest)];
  port = await listen(servers[0]!, '127.0.0.1', port);
  const v6 = https.createServer({ key, cert }, onRequest);
  if (await listen(v6, '::1', port).then(() => true, () => false)) servers.push(v6);
  for (const server of servers) server.keepAliveTimeout = 1000;

  return {
    port,
    origin: `https://localhost:${port}`,
    hosts,
    certificate: cert,
    control: createControl(state),
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}
