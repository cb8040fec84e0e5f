import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';
import { type Coopdesk, startCoopdesk } from '../../electron/main/app';
import { type Host, startHost } from '../../electron/main/host';

/** Every test gets its own data folder and its own browser host on 127.0.0.1. */
export const test = base.extend<{ app: { coop: Coopdesk; host: Host; url: string } }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
  app: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coopdesk-e2e-'));
    const coop = await startCoopdesk({ dataDir, backups: false });
    const host = await startHost({ coopdesk: coop, rendererDir: resolve('out/renderer') });
    await use({ coop, host, url: host.url });
    await host.close();
    await coop.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

/** Sets the scene as the front desk would, through the API (not the screens under test). */
export async function call<T = any>(
  coop: Coopdesk,
  channel: string,
  input: unknown,
  actor: { role: 'manager' | 'member'; memberId: string | null } = { role: 'manager', memberId: null },
): Promise<T> {
  const r = await coop.api.dispatch(channel, input, actor);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.data as T;
}

export { expect } from '@playwright/test';
