import { type Channel, contract } from '@shared/contract';
import type { RecordLabel } from '@shared/contract/audit.contract';
import type { Ctx } from './context';
import type { FeatureModule, Handler, Job } from './feature';
import { ReplayRaced, answered, auditFeature, recordAudit, recordJob, recordRefusal, remember, replayFor, settle } from './features/audit';
import { authFeature, newSession, refreshSession } from './features/auth';
import { bidsFeature } from './features/bids';
import { bookablesFeature } from './features/bookables';
import { bookingsFeature } from './features/bookings';
import { dataFeature } from './features/data';
import { frontdeskFeature } from './features/frontdesk';
import { membersFeature } from './features/members';
import { presenceFeature } from './features/presence';
import { settingsFeature } from './features/settings';
import { homeSiteId, sitesFeature } from './features/sites';
import { diskFull, storageFeature } from './features/storage';
import { systemFeature } from './features/system';
import { mailFeature } from './features/mail';
import { notificationsFeature } from './features/notifications';
import { calendarFeed, portalConfig, portalFeature } from './features/portal';
import { networkFeature } from './features/network';
import { supportFeature } from './features/support';
import { eventsFeature } from './features/events';
import { communitiesFeature } from './features/communities';
import { governanceFeature } from './features/governance';
import { moneyFeature } from './features/money';

/**
 * The one list of the main process's features. Its order is the order of their tables in an
 * export and an import (referenced tables first). Adding a feature: its folder and one line here.
 */
export const FEATURES: readonly FeatureModule[] = [
  settingsFeature,
  sitesFeature,
  storageFeature,
  membersFeature,
  mailFeature,
  authFeature,
  notificationsFeature,
  bookablesFeature,
  bookingsFeature,
  presenceFeature,
  frontdeskFeature,
  bidsFeature,
  networkFeature,
  supportFeature,
  // before events: a session of a community is an event that names it
  communitiesFeature,
  eventsFeature,
  governanceFeature,
  moneyFeature,
  portalFeature,
  auditFeature,
  dataFeature,
  systemFeature,
];

/**
 * What the app's core asks of the kernels — dispatch (the audit row, sessions, the site, a full
 * disk's words), the scheduler (a job's audit row) — wired here in the one list, so that
 * api.ts, app.ts and jobs.ts import no feature.
 */
export const KERNELS = {
  recordAudit,
  recordJob,
  recordRefusal,
  newSession,
  refreshSession,
  homeSiteId,
  diskFull,
  replayFor,
  answered,
  remember,
  settle,
  ReplayRaced,
} as const;

/** What the transports ask of features beyond the channels: the member portal's server settings and its calendar feeds. */
export const TRANSPORT = { portalConfig, calendarFeed } as const;

export type HandlerMap = { [C in Channel]: Handler<C> };

/**
 * Every channel of the contract with exactly one handler. A channel implemented twice, or one
 * with no handler, stops the app at start-up (the compiler catches most of it sooner).
 */
export function buildHandlers(features: readonly FeatureModule[]): HandlerMap {
  const map: Record<string, unknown> = {};
  const owner: Record<string, string> = {};
  for (const feature of features) {
    for (const [channel, handler] of Object.entries(feature.handlers ?? {})) {
      if (owner[channel]) throw new Error(`The channel “${channel}” is handled by both ${owner[channel]} and ${feature.name}.`);
      owner[channel] = feature.name;
      map[channel] = handler;
    }
  }
  const missing = Object.keys(contract).filter((channel) => !owner[channel]);
  if (missing.length > 0) throw new Error(`No feature handles ${missing.join(', ')}.`);
  const unknown = Object.keys(owner).filter((channel) => !(channel in contract));
  if (unknown.length > 0) throw new Error(`Handlers for channels the contract does not have: ${unknown.join(', ')}.`);
  return map as HandlerMap;
}

/** The tables holding the co-op's data, in export order, each owned by one feature. */
export function dataTables(features: readonly FeatureModule[]): string[] {
  const tables = features.flatMap((f) => f.tables ?? []);
  const twice = tables.filter((t, i) => tables.indexOf(t) !== i);
  if (twice.length > 0) throw new Error(`Tables claimed by two features: ${twice.join(', ')}.`);
  return tables;
}

/** Every feature's names for the records among `ids`, by id. */
export function recordLabels(features: readonly FeatureModule[]) {
  return async (ctx: Ctx, ids: readonly string[]): Promise<Map<string, RecordLabel>> => {
    const found = new Map<string, RecordLabel>();
    for (const f of features) {
      const left = ids.filter((id) => !found.has(id));
      if (!f.records || left.length === 0) continue;
      for (const r of await f.records(ctx, left)) found.set(r.id, r);
    }
    return found;
  };
}

/** The audit log's words for every command (on the contract), every job and every other event a feature records; a channel no longer known keeps its name. */
export function auditWordsOf(features: readonly FeatureModule[]): (channel: string) => string {
  const words = new Map<string, string>([
    ...Object.entries(contract).flatMap(([channel, def]): [string, string][] => (def.audit ? [[channel, def.audit]] : [])),
    ...features.flatMap((f) => [...(f.jobs ?? []), ...(f.auditEvents ?? [])].map((e): [string, string] => [e.name, e.audit])),
  ]);
  return (channel) => words.get(channel) ?? channel;
}

/** Tables that stay on this machine (backups hold them; exports do not). */
export const localTables = (features: readonly FeatureModule[]): string[] => features.flatMap((f) => f.localTables ?? []);

export const jobsOf = (features: readonly FeatureModule[]): Job[] => features.flatMap((f) => f.jobs ?? []);

/** The demo co-op: every feature's seed step, in the list's order (members before what they book). */
export const seedDemo =
  (features: readonly FeatureModule[]) =>
  async (ctx: Ctx): Promise<void> => {
    for (const feature of features) await feature.seed?.(ctx);
  };

/** Every feature's start-up work, in the list's order. */
export async function startFeatures(features: readonly FeatureModule[], ctx: Ctx): Promise<void> {
  for (const feature of features) await feature.onStart?.(ctx);
}
