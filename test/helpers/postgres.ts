import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';

/**
 * A real PostgreSQL server for a test run: a new cluster in a temporary folder, on a free port of
 * 127.0.0.1, stopped and removed at the end. The server's programs come from `PG_BIN`, else from
 * Debian's `postgresql` package (/usr/lib/postgresql/<version>/bin), else from the PATH.
 * PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user and its
 * programs run as that user (`runuser`).
 */
export interface TestPostgres {
  /** postgres://… to the cluster's `postgres` database, as its superuser. */
  url: string;
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

export async function startPostgres(): Promise<TestPostgres> {
  const problem = postgresMissing();
  if (problem) throw new Error(`No PostgreSQL server for the tests: ${problem}.`);
  const bin = binDir()!;
  const asRoot = userInfo().uid === 0;
  const run = (program: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, program), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, program), args, { stdio: 'pipe' });
  const folder = mkdtempSync(join(tmpdir(), 'coopdesk-pg-'));
  if (asRoot) {
    const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim()));
    chownSync(folder, uid, gid);
  }
  const data = join(folder, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  // a throwaway cluster: no fsync, a socket in its own folder, loopback only
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  run('pg_ctl', ['-D', data, '-o', options, '-l', join(folder, 'log'), '-w', 'start']);
  const base = `postgres://postgres@127.0.0.1:${port}`;
  return {
    url: `${base}/postgres`,
    createDatabase(name) {
      run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-q', '-c', `create database "${name.replace(/"/g, '')}"`]);
      return `${base}/${name}`;
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
