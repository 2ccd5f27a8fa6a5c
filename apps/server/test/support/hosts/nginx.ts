import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Host } from './topology.js';

/**
 * nginx (Debian's) in front of the instances, with the configuration the README's "running several
 * instances" section shows. A request an instance refuses while it drains (503, nothing done) or
 * cannot take (connection refused) goes to the next instance: callbacks are idempotent by their
 * dedupe key, so passing a refused POST on is safe. No keep-alive to the instances, so a draining
 * instance never holds an idle connection that nginx would then write a request into.
 */
export function nginxConfig(listen: string, upstreams: string[], prefix: string): string {
  return `
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  client_max_body_size 12m;
  upstream banshi {
${upstreams.map((address) => `    server ${address} max_fails=0;`).join('\n')}
  }
  server {
    listen ${listen};
    location / {
      proxy_pass http://banshi;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Request-Id $request_id;
      proxy_next_upstream error timeout http_503 non_idempotent;
      proxy_next_upstream_tries 4;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
    }
  }
}
`;
}

/** Debian's nginx (`apt-get install nginx`), or one on the PATH; undefined when there is none. */
export function findNginx(): string | undefined {
  const directories = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin'];
  return directories.map((directory) => join(directory, 'nginx')).find((path) => existsSync(path));
}

export interface RunningNginx {
  baseUrl: string;
  close(): Promise<void>;
}

export async function startNginx(host: Host, port: number, upstreams: string[]): Promise<RunningNginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'banshi-nginx-'));
  const config = join(prefix, 'nginx.conf');
  writeFileSync(config, nginxConfig(`${host.address}:${port}`, upstreams, prefix));
  const nginx = findNginx();
  if (!nginx) throw new Error('nginx is not installed (apt-get install nginx)');
  const [command, ...args] = [...host.exec, nginx, '-p', prefix, '-c', config, '-g', 'daemon off;'];
  const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const errors: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  const baseUrl = `http://${host.address}:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${errors.join('')}`);
    const up = await fetch(`${baseUrl}/api/health/live`).then(
      (response) => response.status < 500,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`nginx did not answer at ${baseUrl}: ${errors.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT');
      await exited;
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
