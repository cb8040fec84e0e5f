import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bookingWorld } from '../helpers/bookingWorld';
import { FIXED_NOW, startTestCoop } from '../helpers/coop';

const run = promisify(execFile);
const PROCESSES = 4;
const MEMBERS = 100;

describe('a full event, raced for', () => {
  it(`${MEMBERS} members replying at once from ${PROCESSES} processes to a 20-place event: exactly 20 going, the rest waitlisted in order, no one twice`, async () => {
    const t = await startTestCoop();
    const w = await bookingWorld(t);
    const event = await t.call('events.create', {
      kind: 'breakfast',
      title: 'Breakfast',
      hostIds: [w.member.id],
      date: '2026-12-02',
      startTime: '08:30',
      endTime: '09:30',
      venue: 'The kitchen',
      capacity: 20,
    });
    const ids: string[] = [];
    for (let i = 0; i < MEMBERS; i++)
      ids.push((await t.call('members.create', { name: `Racer ${i}`, email: `racer${i}@example.coop`, memberSince: '2025-01-10' })).id);
    const dataDir = t.dataDir;
    await t.coop.close();

    const startAt = Date.now() + 2000;
    const outputs = await Promise.all(
      Array.from({ length: PROCESSES }, (_, p) => {
        // each process replies for its quarter, and tries the next quarter's first five again (duplicates)
        const mine = ids.filter((_, i) => i % PROCESSES === p);
        const again = ids.filter((_, i) => i % PROCESSES === (p + 1) % PROCESSES).slice(0, 5);
        const attempts = [...mine, ...again].map((memberId) => ({ channel: 'events.rsvp', input: { eventId: event.id }, actor: { role: 'member', memberId } }));
        return run(process.execPath, ['--import', 'tsx', resolve('test/helpers/dispatch-worker.ts'), dataDir, String(startAt), FIXED_NOW.toISOString()], {
          env: { ...process.env, ATTEMPTS: JSON.stringify(attempts) },
        });
      }),
    );
    const results = outputs.flatMap((o) => JSON.parse(o.stdout.trim().split('\n').at(-1)!) as { ok: boolean; code?: string }[]);
    expect(results.filter((r) => r.ok)).toHaveLength(MEMBERS);
    expect(results.filter((r) => !r.ok).map((r) => r.code)).toEqual(Array(PROCESSES * 5).fill('CONFLICT'));

    const again = await startTestCoop({ dataDir });
    try {
      const detail = await again.call('events.get', { id: event.id });
      expect(detail.going).toBe(20);
      expect(detail.waitlisted).toBe(MEMBERS - 20);
      const replies = detail.rsvps;
      expect(new Set(replies.map((r) => r.member!.id)).size).toBe(MEMBERS);
      // the waitlist is in the order replies came: places 1..80, going ones first in that order
      expect(replies.filter((r) => r.state === 'waitlisted').map((r) => r.place)).toEqual(Array.from({ length: MEMBERS - 20 }, (_, i) => i + 1));
      const order = replies.map((r) => r.state);
      expect(order.lastIndexOf('going')).toBeLessThan(order.indexOf('waitlisted'));
    } finally {
      await again.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
