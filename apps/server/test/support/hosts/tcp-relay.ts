import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A byte-for-byte TCP relay: what connects to `listen` is piped to `target`. Lets a host in a
 * network namespace reach a service that listens only on the root namespace's loopback (MariaDB,
 * the vendor simulators, the S3 server), as a service on another machine would be reached.
 */
export interface TcpRelay {
  close(): Promise<void>;
}

export async function startTcpRelay(
  listen: { host: string; port: number },
  target: { host: string; port: number },
): Promise<TcpRelay> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection(target);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
