import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { FRONT_DESK } from '../../electron/main/context';
import { bookingWorld, london } from './bookingWorld';
import { ana, FIXED_NOW, type TestCoop } from './coop';

/**
 * The race for the same slots from several processes, on either database: each worker process
 * (dispatch-worker.ts) opens the co-op itself — a SQLite file, or a PostgreSQL address — and at
 * one agreed moment sends its bookings. Every round, each room slot has exactly one winner and
 * each slot of three desks exactly three, every loss is the capacity rule, and what the processes
 * reported is what the database holds.
 */
const run = promisify(execFile);
export const WORKERS = 4;
export const ROUNDS = 4;
const PER_ROUND = 5;
/** 4 processes × 13 slots × 5 days × 4 rounds = 1,040 conflicting attempts. */
export const ATTEMPTS = WORKERS * 13 * PER_ROUND * ROUNDS;
const DAYS = [
  '2026-11-26',
  '2026-11-27',
  '2026-11-30',
  '2026-12-01',
  '2026-12-02',
  '2026-12-03',
  '2026-12-04',
  '2026-12-07',
  '2026-12-08',
  '2026-12-09',
  '2026-12-10',
  '2026-12-11',
  '2026-12-14',
  '2026-12-15',
  '2026-12-16',
  '2026-12-17',
  '2026-12-18',
  '2026-12-21',
  '2026-12-22',
  '2026-12-23',
];

export interface RaceTarget {
  /** The co-op before the race, to set it up. */
  call: TestCoop['call'];
  /** Closes it, before the workers open it. */
  close(): Promise<void>;
  /** What each worker opens: a data folder or a postgres:// address. */
  where: string;
  /** The confirmed bookings the database holds. */
  confirmed(): Promise<string[]>;
}

/** Runs every round; returns the number of bookings the processes reported won. */
export async function raceForSlots(target: RaceTarget): Promise<number> {
  const w = await bookingWorld({ call: target.call }, { maxConcurrentPerMember: 1000 });
  const members = [w.member, w.ben, w.chiara, await target.call('members.create', { ...ana, name: 'Dev Patel', email: 'dev@example.coop' })];
  await target.close();

  let reportedWins = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const dates = DAYS.slice(round * PER_ROUND, (round + 1) * PER_ROUND);
    const slots = dates.flatMap((date) => [
      ...Array.from({ length: 8 }, (_, h) => ({
        slot: `${date} room ${8 + h}:00`,
        bookableId: w.room.id,
        start: london(date, `${String(8 + h).padStart(2, '0')}:00`),
        end: london(date, `${String(9 + h).padStart(2, '0')}:00`),
      })),
      ...Array.from({ length: 4 }, (_, h) => ({
        slot: `${date} desks ${8 + 2 * h}:00`,
        bookableId: w.desks.id,
        start: london(date, `${String(8 + 2 * h).padStart(2, '0')}:00`),
        end: london(date, `${String(10 + 2 * h).padStart(2, '0')}:00`),
      })),
      // overlapping room slot: clashes with two of the hourly ones
      { slot: `${date} room 9:30`, bookableId: w.room.id, start: london(date, '09:30'), end: london(date, '10:30') },
    ]);
    const startAt = Date.now() + 1500;
    // each worker tries the slots in its own order
    const orders = members.map((m, i) => slots.map((s, k) => ({ ...s, memberId: m.id, key: (k * (i + 3)) % slots.length })).sort((a, b) => a.key - b.key));
    const outputs = await Promise.all(
      orders.map((order) => {
        const attempts = order.map((a) => ({
          channel: 'bookings.create',
          input: { bookableId: a.bookableId, memberId: a.memberId, start: a.start, end: a.end },
          actor: FRONT_DESK,
        }));
        return run(process.execPath, ['--import', 'tsx', resolve('test/helpers/dispatch-worker.ts'), target.where, String(startAt), FIXED_NOW.toISOString()], {
          env: { ...process.env, ATTEMPTS: JSON.stringify(attempts) },
        });
      }),
    );
    const results = outputs.flatMap((o, i) =>
      (JSON.parse(o.stdout.trim().split('\n').at(-1)!) as { ok: boolean; code?: string; rule?: string; data?: { id: string } }[]).map((r, k) => ({
        slot: orders[i]![k]!.slot,
        ok: r.ok,
        code: r.code ?? null,
        rule: r.rule ?? null,
        id: r.data?.id ?? null,
      })),
    );
    const wins = (slot: string) => results.filter((r) => r.slot === slot && r.ok).length;
    for (const date of dates) {
      for (let h = 8; h < 16; h++) {
        if (h === 9 || h === 10) continue; // contested with 9:30
        expect(wins(`${date} room ${h}:00`), `${date} room ${h}:00`).toBe(1);
      }
      // 9:30–10:30 overlaps 9:00 and 10:00: either it won both hours, or they each have one winner
      if (wins(`${date} room 9:30`) === 1) expect([wins(`${date} room 9:00`), wins(`${date} room 10:00`)]).toEqual([0, 0]);
      else expect([wins(`${date} room 9:30`), wins(`${date} room 9:00`), wins(`${date} room 10:00`)]).toEqual([0, 1, 1]);
      for (let h = 0; h < 4; h++) expect(wins(`${date} desks ${8 + 2 * h}:00`), `${date} desks`).toBe(3);
    }
    // every loss is the capacity rule, never a crash or a busy database
    expect(results.filter((r) => !r.ok && !(r.code === 'RULE' && r.rule === 'capacity'))).toEqual([]);

    // what the processes reported is exactly what the database holds
    const reported = results.filter((r) => r.ok).map((r) => r.id);
    expect(await target.confirmed()).toEqual(expect.arrayContaining(reported));
    reportedWins += reported.length;
  }
  return reportedWins;
}
