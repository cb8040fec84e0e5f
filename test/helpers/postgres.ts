import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { freePort } from './ports';

/**
 * A real PostgreSQL server for a test run: a new cluster in a temporary folder, on a free port of
 * 127.0.0.1, stopped and removed at the end. The server's programs come from `PG_BIN`, else from
 * Debian's `postgresql` package (/usr/lib/postgresql/<version>/bin), else from the PATH.
 * PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user and its
 * programs run as that user (`runuser`).
 */
export interface TestPostgres {
  /** postgres://… to the cluster's `postgres` database, as its superuser (with the password, and TLS, when the cluster was made with them). */
  url: string;
  /** The server's own certificate (PEM file), for `sslrootcert=`, when it was started with TLS. */
  certificate?: string;
  /** A fresh, empty database on the cluster: its URL. */
  createDatabase(name: string): string;
  stop(): Promise<void>;
}

function binDir(): string | null {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : null;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(join(debian, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  return found ? join(found, '..') : null;
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
export function postgresMissing(): string | null {
  if (process.env.COOPDESK_SKIP_POSTGRES) return 'COOPDESK_SKIP_POSTGRES is set';
  if (!binDir()) return 'PostgreSQL is not installed (Debian: apt install postgresql; or set PG_BIN to its bin folder)';
  if (userInfo().uid === 0 && spawnSync('id', ['postgres']).status !== 0) return 'running as root, and there is no postgres user to run the server as';
  return null;
}

/**
 * `password`: the superuser signs in over TCP with it (SCRAM), instead of being trusted.
 * `tls`: the server has a certificate of its own (made here) and takes TCP connections over TLS only.
 */
export async function startPostgres(options: { password?: string; tls?: boolean } = {}): Promise<TestPostgres> {
  const problem = postgresMissing();
  if (problem) throw new Error(`No PostgreSQL server for the tests: ${problem}.`);
  const bin = binDir()!;
  const asRoot = userInfo().uid === 0;
  const run = (program: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, program), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, program), args, { stdio: 'pipe' });
  const folder = mkdtempSync(join(tmpdir(), 'coopdesk-pg-'));
  const owner = (): [number, number] =>
    ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim())) as [number, number];
  if (asRoot) chownSync(folder, ...owner());
  const data = join(folder, 'data');
  const port = await freePort();
  // files the server reads are the server user's (as root: the postgres user's, the key readable by it alone)
  const owned = (file: string, text: string, mode = 0o600) => {
    writeFileSync(file, text, { mode });
    if (asRoot) chownSync(file, ...owner());
  };
  const auth = ['--auth-local=trust', `--auth-host=${options.password ? 'scram-sha-256' : 'trust'}`];
  if (options.password) owned(join(folder, 'pwfile'), options.password);
  run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    ...auth,
    ...(options.password ? [`--pwfile=${join(folder, 'pwfile')}`] : []),
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  // a throwaway cluster: no fsync, a socket in its own folder, loopback only
  let serverOptions = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  let certificate: string | undefined;
  if (options.tls) {
    const made = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keyType: 'ec',
      curve: 'P-256',
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    certificate = join(folder, 'server.crt');
    owned(certificate, made.cert, 0o644);
    owned(join(folder, 'server.key'), made.private);
    serverOptions += ` -c ssl=on -c ssl_cert_file=${certificate} -c ssl_key_file=${join(folder, 'server.key')}`;
    // over TCP, TLS only
    owned(join(data, 'pg_hba.conf'), `local all all trust\nhostssl all all 127.0.0.1/32 ${options.password ? 'scram-sha-256' : 'trust'}\n`);
  }
  run('pg_ctl', ['-D', data, '-o', serverOptions, '-l', join(folder, 'log'), '-w', 'start']);
  const base = `postgres://postgres${options.password ? `:${encodeURIComponent(options.password)}` : ''}@127.0.0.1:${port}`;
  const query = certificate ? `?sslmode=verify-full&sslrootcert=${encodeURIComponent(certificate)}` : '';
  return {
    url: `${base}/postgres${query}`,
    certificate,
    createDatabase(name) {
      // through the cluster's own socket, trusted: whatever TCP asks for
      run('psql', ['-h', folder, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-q', '-c', `create database "${name.replace(/"/g, '')}"`]);
      return `${base}/${name}${query}`;
    },
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
