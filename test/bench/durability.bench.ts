import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zonedInstant } from '@shared/domain/zoned';
import { startCoopdesk } from '../../electron/main/app';
import { FRONT_DESK } from '../../electron/main/context';
import { SCALE, measure } from './measure';

const NOW = new Date('2026-11-24T10:00:00Z');

/**
 * What a power-safe commit costs: creating bookings (every check, the guard trigger, the audit
 * row) with synchronous = NORMAL and = FULL on the same machine, alternated.
 */
export async function durabilityBench(): Promise<void> {
  const n = Math.max(50, Math.round(1000 * SCALE));
  for (const synchronous of ['NORMAL', 'FULL', 'NORMAL', 'FULL'] as const) {
    const dataDir = mkdtempSync(join(tmpdir(), 'coopdesk-bench-sync-'));
    const coop = await startCoopdesk({ dataDir, now: () => NOW, backups: false, synchronous });
    const call = async (channel: string, input: unknown) => {
      const r = await coop.api.dispatch(channel, input, FRONT_DESK);
      if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
      return r.data as { id: string } & Record<string, unknown>;
    };
    const settings = (await call('settings.get', {})) as unknown as { site: { id: string; timeZone: string }; bookingRules: Record<string, unknown> };
    await call('settings.updateBookingRules', {
      siteId: settings.site.id,
      rules: { ...settings.bookingRules, maxDaysAhead: 730, maxConcurrentPerMember: 1000, withinOpeningHours: false, minNoticeMinutes: 0, membersOnly: false },
    });
    const desks = await call('bookables.create', { siteId: settings.site.id, kind: 'desk', name: 'Desks', capacity: 500 });
    const zone = settings.site.timeZone;
    const at = (i: number) => {
      const day = new Date(Date.UTC(2026, 11, 1) + Math.floor(i / 10) * 86_400_000).toISOString().slice(0, 10);
      return { start: new Date(zonedInstant(day, '09:00', zone)).toISOString(), end: new Date(zonedInstant(day, '10:00', zone)).toISOString() };
    };
    await measure(
      `durability.create.${synchronous.toLowerCase()}`,
      n,
      (i) => call('bookings.create', { bookableId: desks.id, guestName: `Guest ${i}`, ...at(i) }),
      { synchronous },
    );
    await coop.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
