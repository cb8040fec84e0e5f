import { execFileSync, spawn } from 'node:child_process';

/**
 * "Another device on the co-op's network": a second network namespace joined to this one by a
 * veth pair. The portal listens on `hostAddress`; commands run with `run` reach it only over that
 * link, from `deviceAddress`. Null where the machine does not allow it (no root, no `ip netns`).
 */
export interface OtherDevice {
  /** Its network namespace's name. */
  namespace: string;
  hostAddress: string;
  deviceAddress: string;
  /** Runs a command inside the other namespace; resolves with its stdout (rejects on a non-zero exit, with its stderr). */
  run(command: string, args: string[], env?: Record<string, string>): Promise<string>;
  close(): void;
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });

/** Namespaces left by a test process that was killed before it could remove them (their pid is gone). */
function removeStale(): void {
  for (const line of ip('netns', 'list').toString().split('\n')) {
    const pid = Number(/^coopdesk-dev-(\d+)/.exec(line)?.[1]);
    if (!pid) continue;
    try {
      process.kill(pid, 0);
    } catch {
      try {
        ip('netns', 'del', `coopdesk-dev-${pid}`);
        ip('link', 'del', `cdh${pid % 100000}`);
      } catch {
        /* gone meanwhile */
      }
    }
  }
}

/**
 * The other device the end-to-end run made once before any browser started (`e2e-network.ts`), if
 * it did: adding a network interface while a browser is loading a page makes Chromium abort that
 * page's requests (net::ERR_NETWORK_CHANGED), and a stylesheet lost that way left a phone's page
 * unstyled, its tabs under the page. Closing it is the run's teardown's work.
 */
function sharedDevice(): OtherDevice | null {
  const shared = process.env.COOPDESK_OTHER_DEVICE;
  if (!shared) return null;
  const { ns, hostAddress, deviceAddress } = JSON.parse(shared) as { ns: string; hostAddress: string; deviceAddress: string };
  return { namespace: ns, hostAddress, deviceAddress, close: () => undefined, run: runIn(ns) };
}

const runIn =
  (ns: string): OtherDevice['run'] =>
  (command, args, env = {}) =>
    new Promise((resolve, reject) => {
      const child = spawn('ip', ['netns', 'exec', ns, command, ...args], { env: { ...process.env, ...env } });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} exited ${code}: ${err}`))));
    });

/** Makes the other device; call it where the test runs (not at a file's top, which every worker and the runner load), and `close` it after. */
export function otherDevice(): OtherDevice | null {
  const shared = sharedDevice();
  if (shared) return shared;
  // a name and a /30 of our own per process, so parallel test files do not collide
  const n = process.pid % 200;
  const ns = `coopdesk-dev-${process.pid}`;
  const hostIf = `cdh${process.pid % 100000}`;
  const devIf = `cdd${process.pid % 100000}`;
  const hostAddress = `10.213.${n}.1`;
  const deviceAddress = `10.213.${n}.2`;
  try {
    removeStale();
    ip('netns', 'add', ns);
  } catch {
    return null;
  }
  const close = () => {
    try {
      ip('link', 'del', hostIf);
    } catch {
      /* already gone with the namespace */
    }
    try {
      ip('netns', 'del', ns);
    } catch {
      /* already gone */
    }
  };
  // removed also when the process ends without closing it (an interrupted run)
  process.once('exit', close);
  try {
    ip('link', 'add', hostIf, 'type', 'veth', 'peer', 'name', devIf);
    ip('link', 'set', devIf, 'netns', ns);
    ip('addr', 'add', `${hostAddress}/30`, 'dev', hostIf);
    ip('link', 'set', hostIf, 'up');
    ip('netns', 'exec', ns, 'ip', 'addr', 'add', `${deviceAddress}/30`, 'dev', devIf);
    ip('netns', 'exec', ns, 'ip', 'link', 'set', devIf, 'up');
    ip('netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up');
  } catch {
    close();
    return null;
  }
  return { namespace: ns, hostAddress, deviceAddress, close, run: runIn(ns) };
}
