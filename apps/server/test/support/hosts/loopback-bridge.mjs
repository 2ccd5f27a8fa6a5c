// Run inside a network namespace (`ip netns exec <ns> node loopback-bridge.mjs <gateway> <port>…`):
// listens on the namespace's own 127.0.0.1:<port> for each port and pipes every connection to
// <gateway>:<port>, where the root namespace relays it to its loopback. A server in the namespace
// then reaches MariaDB, the S3 server and the vendor simulators at the addresses it was given.
// Plain JavaScript: it runs with `node` alone, without the test's TypeScript transform.
import { createConnection, createServer } from 'node:net';

const [gateway, ...ports] = process.argv.slice(2);
let listening = 0;
for (const port of ports.map(Number)) {
  createServer((client) => {
    const upstream = createConnection({ host: gateway, port });
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  }).listen(port, '127.0.0.1', () => {
    listening += 1;
    if (listening === ports.length) process.stdout.write('bridge ready\n');
  });
}
