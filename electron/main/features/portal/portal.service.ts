import { networkInterfaces } from 'node:os';
import type { NetworkAddress, PortalSettings } from '@shared/contract/portal.contract';
import type { Ctx } from '../../context';
import { commit } from '../../db/tx';
import { AppError } from '../../errors';
import { checkOwnCertificate, covers, describe, makeCertificate } from './certificate.service';
import * as repo from './portal.repository';

/** Members' phones reach it here unless the manager chooses another port. */
export const DEFAULT_PORT = 8443;

/** This computer's addresses on the co-op's network: not loopback, not link-local IPv6. */
export function networkAddresses(): NetworkAddress[] {
  return Object.entries(networkInterfaces()).flatMap(([name, entries]) =>
    (entries ?? []).filter((e) => !e.internal && !e.address.startsWith('fe80')).map((e) => ({ address: e.address, name })),
  );
}

async function current(ctx: Ctx) {
  return (await repo.readSettings(ctx.db)) ?? { enabled: 0, address: '', port: DEFAULT_PORT, cert_pem: '', key_pem: '', own_cert: 0, updated_at: 0 };
}

export async function settings(ctx: Ctx): Promise<PortalSettings> {
  const row = await current(ctx);
  const runtime = ctx.portal?.status() ?? {
    running: false,
    url: null,
    problem: row.enabled ? 'The portal is served by the desktop app (or npm run serve); this process does not serve it.' : null,
  };
  return {
    enabled: row.enabled === 1,
    address: row.address,
    port: row.port,
    addresses: networkAddresses(),
    ...runtime,
    certificate: row.cert_pem ? describe(row.cert_pem, row.own_cert === 1) : null,
  };
}

/** Saves, then (re)starts or stops the portal: the answer says whether it runs now, or why not. */
async function saveAndApply(ctx: Ctx, changes: Partial<Awaited<ReturnType<typeof current>>>): Promise<PortalSettings> {
  const row = { ...(await current(ctx)), ...changes, updated_at: ctx.now().getTime() };
  const { id: _id, ...values } = { id: 1, ...row };
  await commit(ctx, 'portal.changed', (trx) => repo.saveSettings(trx, values));
  await ctx.portal?.apply();
  return settings(ctx);
}

export async function save(ctx: Ctx, input: { enabled: boolean; address: string; port: number }): Promise<PortalSettings> {
  if (input.enabled && !input.address) throw new AppError('VALIDATION', 'Choose the address members reach this computer at.', { address: 'Choose an address' });
  if (input.address && !networkAddresses().some((a) => a.address === input.address)) {
    throw new AppError('VALIDATION', `This computer has no address ${input.address} now.`, { address: 'Not an address of this computer' });
  }
  const row = await current(ctx);
  // a certificate of the app's own names the address: a new address needs a new one (the co-op's own is kept)
  const remake = input.enabled && row.own_cert === 0 && (!row.cert_pem || !covers(row.cert_pem, input.address));
  const cert = remake ? await makeCertificate(input.address, ctx.now()) : null;
  return saveAndApply(ctx, {
    enabled: input.enabled ? 1 : 0,
    address: input.address,
    port: input.port,
    ...(cert ? { cert_pem: cert.cert, key_pem: cert.key } : {}),
  });
}

export async function useCertificate(ctx: Ctx, input: { cert: string; key: string }): Promise<PortalSettings> {
  checkOwnCertificate(input.cert, input.key, ctx.now());
  return saveAndApply(ctx, { cert_pem: input.cert, key_pem: input.key, own_cert: 1 });
}

export async function remakeCertificate(ctx: Ctx): Promise<PortalSettings> {
  const cert = await makeCertificate((await current(ctx)).address, ctx.now());
  return saveAndApply(ctx, { cert_pem: cert.cert, key_pem: cert.key, own_cert: 0 });
}

/** What the portal's server needs to start: null while it is off. */
export async function portalConfig(ctx: Ctx): Promise<{ address: string; port: number; cert: string; key: string } | null> {
  const row = await repo.readSettings(ctx.db);
  if (!row || row.enabled !== 1 || !row.address || !row.cert_pem) return null;
  return { address: row.address, port: row.port, cert: row.cert_pem, key: row.key_pem };
}

/** The portal's address for links (calendar feeds, QR codes); refused while it does not run. */
export function portalUrl(ctx: Ctx): string {
  const url = ctx.portal?.status().url;
  if (!url) throw new AppError('RULE', 'The member portal is off: the front desk turns it on in Settings → Member portal.', undefined, 'portal-off');
  return url;
}
