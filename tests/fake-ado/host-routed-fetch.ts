import https from 'node:https';
import type { FakeAdo } from './server';

/**
 * fetch() for `https://{any fake host}/…` (dev.azure.com, login.microsoftonline.com, localhost:PORT…),
 * answered by the fake with the Host header kept, as Chromium's --host-resolver-rules do in E2E.
 * Redirects are not followed; a dropped connection rejects like fetch does (TypeError).
 */
export function hostRoutedFetch(fake: FakeAdo): typeof fetch {
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const target = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const headers = Object.fromEntries(new Headers(init.headers));
    const body = typeof init.body === 'string' ? Buffer.from(init.body) : undefined;
    const method = init.method ?? 'GET';
    return new Promise<Response>((resolve, reject) => {
      const req = https.request(
        {
          host: '127.0.0.1',
          port: fake.port,
          servername: target.hostname,
          ca: fake.certificate,
          method,
          path: `${target.pathname}${target.search}`,
          headers: { ...headers, host: target.host, ...(body ? { 'content-length': String(body.length) } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(res.headers)) for (const v of [value ?? []].flat()) responseHeaders.append(name, v);
            const status = res.statusCode ?? 0;
            const empty = status === 204 || status === 304 || method === 'HEAD';
            resolve(new Response(empty ? null : Buffer.concat(chunks), { status, headers: responseHeaders }));
          });
          res.on('error', reject);
        },
      );
      req.on('error', () => reject(new TypeError('fetch failed')));
      req.end(body);
    });
  }) as typeof fetch;
}
