import type { Ctx, PortalRuntime } from './context';
import { TRANSPORT } from './features';
import { type Host, type Hosted, startHost } from './host';

/** Why the portal could not start, in the manager's words. */
function problemOf(error: unknown, config: { address: string; port: number }): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `Port ${config.port} is in use by another program: choose another port.`;
  if (code === 'EADDRNOTAVAIL') return `This computer has no address ${config.address} now (another network?): choose its current address.`;
  if (code === 'EACCES') return `Port ${config.port} needs administrator rights: choose one from 1024 up.`;
  return `The portal could not start: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * The member portal's server: the browser host on the co-op's network over HTTPS, started from
 * the portal's saved settings and started again whenever they change (saved, or restored with a
 * backup: `portal.changed` either way). Restarts run one at a time.
 */
export function portalRuntime(hosted: Hosted, ctx: Ctx, rendererDir: string): PortalRuntime & { close(): Promise<void> } {
  let host: Host | null = null;
  let state: ReturnType<PortalRuntime['status']> = { running: false, url: null, problem: null };
  let queue = Promise.resolve();
  /** The settings the running server was started with: the same settings again restart nothing. */
  let started = '';
  const stop = async () => {
    const running = host;
    host = null;
    started = '';
    await running?.close();
  };
  const restart = async () => {
    const config = await TRANSPORT.portalConfig(ctx);
    if (host && config && JSON.stringify(config) === started) return;
    await stop();
    if (!config) {
      state = { running: false, url: null, problem: null };
      return;
    }
    try {
      host = await startHost({ coopdesk: hosted, rendererDir, hostname: config.address, port: config.port, portal: { cert: config.cert, key: config.key } });
      state = { running: true, url: host.url, problem: null };
      started = JSON.stringify(config);
    } catch (error) {
      state = { running: false, url: null, problem: problemOf(error, config) };
    }
  };
  return {
    status: () => state,
    apply: () => (queue = queue.then(restart, restart)),
    close: () => (queue = queue.then(stop, stop)),
  };
}
