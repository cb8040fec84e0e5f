import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bookingWorld, london } from '../helpers/bookingWorld';
import { FIXED_NOW, startTestCoop } from '../helpers/coop';

const run = promisify(execFile);
const PROCESSES = 4;

describe('the last credit, raced for', () => {
  it(`${PROCESSES} processes booking at once for a member with one room hour left: exactly one booking gets it`, async () => {
    const t = await startTestCoop();
    const w = await bookingWorld(t);
    const plans = await t.call('money.savePlan', { name: 'Light', priceMinor: 5000, deskDays: 0, roomHours: 1, resourceHours: 0, discountPct: 0, weight: 1 });
    await t.call('money.changePlan', { memberId: w.member.id, action: 'start', planId: plans[0].id, on: '2026-11-01' });
    const rooms = [w.room, w.bigRoom, w.smallRoom, w.room];
    const dataDir = t.dataDir;
    await t.coop.close();

    const startAt = Date.now() + 2000;
    const outputs = await Promise.all(
      rooms.map((room, q) => {
        const hour = `${String(9 + (q === 3 ? 2 : 0)).padStart(2, '0')}:00`;
        const end = `${String(10 + (q === 3 ? 2 : 0)).padStart(2, '0')}:00`;
        const attempts = [
          {
            channel: 'bookings.create',
            input: { bookableId: room.id, memberId: w.member.id, start: london('2026-11-26', hour), end: london('2026-11-26', end) },
            actor: { role: 'member', memberId: w.member.id },
          },
        ];
        return run(process.execPath, ['--import', 'tsx', resolve('test/helpers/dispatch-worker.ts'), dataDir, String(startAt), FIXED_NOW.toISOString()], {
          env: { ...process.env, ATTEMPTS: JSON.stringify(attempts) },
        });
      }),
    );
    const results = outputs.flatMap((o) => JSON.parse(o.stdout.trim().split('\n').at(-1)!) as { ok: boolean; data: { price: number } }[]);
    expect(results.every((r) => r.ok)).toBe(true);
    // the one that got the hour pays nothing; the others pay their room's rate
    expect(results.filter((r) => r.data.price === 0)).toHaveLength(1);
    const again = await startTestCoop({ dataDir });
    try {
      const spent = again.coop.database.sqlite.prepare('select sum(credits_used) as n, count(*) as k from bookings where member_id = ?').get(w.member.id);
      expect(spent).toEqual({ n: 60, k: PROCESSES });
    } finally {
      await again.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
