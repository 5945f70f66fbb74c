import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface AdoProxy {
  port: number;
  /** Hosts Firefox asked for that the proxy refused (its own background traffic, mostly). */
  refused: string[];
  close(): Promise<void>;
}

/**
 * An HTTP CONNECT proxy for Firefox: tunnels the Azure DevOps and Entra hosts to the fake and
 * refuses everything else, so no test can reach the internet. Firefox has no equivalent of
 * Chromium's --host-resolver-rules; see docs/firefox.md ("Routing hosts to the fake").
 */
export async function startAdoProxy(options: { hosts: readonly string[]; fakeAdoPort: number }): Promise<AdoProxy> {
  const allowed = new Set(options.hosts.map((host) => host.toLowerCase()));
  const refused: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    client.once('data', (head) => {
      const requestLine = head.toString('latin1').split('\r\n', 1)[0] ?? '';
      const match = /^CONNECT ([^\s:]+):(\d+) HTTP\/1\.[01]$/i.exec(requestLine);
      const host = match?.[1]?.toLowerCase();
      if (!match || !host || !allowed.has(host) || match[2] !== '443') {
        refused.push(match ? `${host}:${match[2]}` : requestLine.slice(0, 120));
        client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
        return;
      }
      const upstream = net.connect(options.fakeAdoPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
