import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Channel, contract } from '@shared/contract';
import type { Actor } from '../../electron/main/context';
import { bookingWorld } from '../helpers/bookingWorld';
import { onPostgres, startTestCoop, startTestHost, type TestCoop } from '../helpers/coop';
import { type Pools, fromSchema } from '../helpers/fromSchema';

/**
 * Every channel, fed inputs drawn from its own schema (so most pass validation and reach the
 * service), as the front desk and as a member at the kiosk: nothing is ever INTERNAL, every
 * refusal is a known code, and a refused call changes nothing.
 */
// on PostgreSQL fewer: each run's "nothing changed" reads every table over the wire (about 50 ms)
const RUNS = onPostgres ? 5 : 25;
const CODES = ['VALIDATION', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN', 'RULE'];
// Channels that replace or export the whole database, or need the desktop's dialogs, are exercised by their own tests.
const SKIP = new Set<string>([
  'data.restore',
  'data.importAll',
  'data.restoreFromFile',
  'data.backupToFile',
  'data.exportAll',
  'data.backupNow',
  'system.loadDemo',
]);

let t: TestCoop;
let pools: Pools;
let member: Actor;
beforeAll(async () => {
  t = await startTestCoop();
  const w = await bookingWorld(t);
  const bid = await t.call('bids.create', { title: 'Library', client: 'County', skills: [{ tag: 'web design', days: 2 }] } as never, {
    role: 'member',
    memberId: w.member.id,
  });
  const booking = await t.call('bookings.create', { bookableId: w.room.id, memberId: w.ben.id, start: '2026-11-26T10:00:00Z', end: '2026-11-26T11:00:00Z' });
  member = { role: 'member', memberId: w.member.id };
  pools = {
    ids: [w.member.id, w.ben.id, w.chiara.id, w.room.id, w.desks.id, w.projector.id, w.siteId, bid.id, booking.id, 'not-a-real-id'],
    dates: ['2026-11-26', '2026-11-27', '2026-12-25', '2027-01-04', '2020-02-29'],
  };
}, 60_000);
afterAll(async () => {
  await t.close();
});

const channels = (Object.keys(contract) as Channel[]).filter((c) => !SKIP.has(c));

describe('inputs from each channel’s own schema', () => {
  for (const [who, actorOf] of [
    ['the front desk', () => ({ role: 'manager', memberId: null }) as Actor],
    ['a member at the kiosk', () => member],
  ] as const) {
    it(`as ${who}: never INTERNAL, refusals are known codes and change nothing`, async () => {
      let reached = 0;
      for (const channel of channels) {
        await fc.assert(
          fc.asyncProperty(fromSchema(contract[channel].input, pools), async (input) => {
            const before = await t.snapshot();
            const result = await t.coop.api.dispatch(channel, input, actorOf());
            if (result.ok) {
              reached++;
              return true;
            }
            expect(CODES, `${channel} ${String(JSON.stringify(input)).slice(0, 200)}: ${result.error.message}`).toContain(result.error.code);
            if (result.error.code !== 'VALIDATION') reached++;
            // A refused call writes nothing — except a sign-in attempt, which is counted and logged by
            // design, and a signed-in person's refusal, which is on record in the audit log.
            if (!channel.startsWith('auth.')) {
              const after = await t.snapshot();
              expect({ ...after, audit_log: [] }).toEqual({ ...before, audit_log: [] });
              const added = after.audit_log.slice(before.audit_log.length) as { details: string }[];
              expect(added.every((r) => result.error.code === 'FORBIDDEN' && r.details.includes('refused'))).toBe(true);
            }
            return true;
          }),
          { numRuns: RUNS },
        );
      }
      // most inputs got past validation to the services
      expect(reached).toBeGreaterThan(channels.length * RUNS * 0.3);
    }, 240_000);
  }
});

describe('over HTTP, as a member signed in at the kiosk', () => {
  it('every channel answers a status and a known result, whatever its schema lets through', async () => {
    // The runs above may have set a password or locked a PIN at random: start this leg from a known state.
    // They may also have archived Ana, marked her as left or given her another number.
    const db = t.coop.database.db;
    for (const table of ['sign_in_codes', 'account_passwords', 'accounts', 'access_guards'] as const) await db.deleteFrom(table).execute();
    await db.updateTable('members').set({ archived_at: null, status: 'active' }).where('id', '=', member.memberId!).execute();
    const { number } = await db.selectFrom('members').select('number').where('id', '=', member.memberId!).executeTakeFirstOrThrow();
    await t.call('auth.setUp', { name: 'Kasia Nowak', email: 'kasia@example.coop', password: 'front-desk-2026' });
    await t.call('auth.setPin', { memberId: member.memberId!, pin: '4821' });
    const { host, port } = await startTestHost(t.coop);
    let cookie = '';
    const post = (channel: string, body: unknown) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port, path: `/api/${channel}`, method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) } },
          (res) => {
            const set = res.headers['set-cookie'];
            if (set && !cookie) cookie = String(set).split(';')[0];
            let text = '';
            res.on('data', (c) => (text += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify(body ?? {}));
      });
    try {
      await post('auth.status', {});
      const signedIn = (await post('auth.identify', { who: String(number), pin: '4821' })).body;
      expect(JSON.parse(signedIn), signedIn).toMatchObject({ ok: true });
      for (const channel of channels.filter((c) => !c.startsWith('auth.'))) {
        await fc.assert(
          fc.asyncProperty(fromSchema(contract[channel].input, pools), async (input) => {
            const answer = await post(channel, input);
            expect(answer.status).toBe(200);
            const result = JSON.parse(answer.body);
            if (!result.ok) expect(CODES, `${channel}: ${result.error.message}`).toContain(result.error.code);
            return true;
          }),
          { numRuns: 5 },
        );
      }
    } finally {
      await host.close();
    }
  }, 120_000);
});
