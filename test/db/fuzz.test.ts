import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '@shared/contract';
import { bookingWorld } from '../helpers/bookingWorld';
import { onPostgres, startTestCoop, type TestCoop } from '../helpers/coop';

/**
 * Random and hostile input at every channel of the contract: nothing crashes (no INTERNAL),
 * every refusal is an error value with a known code, and a refused call writes nothing.
 */
// on PostgreSQL fewer: each run's "nothing changed" reads every table over the wire (about 50 ms)
const RUNS = onPostgres ? 10 : 150;
const CODES = ['VALIDATION', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN', 'RULE'];
const FIELDS = [
  'id',
  'name',
  'email',
  'phone',
  'website',
  'memberSince',
  'status',
  'role',
  'offers',
  'needs',
  'notes',
  'businessName',
  'q',
  'tag',
  'op',
  'kind',
  'csv',
  'dryRun',
  'limit',
  'offset',
  'sort',
  'dir',
  'archived',
  'ownership',
  'includeArchived',
  'bookableId',
  'memberId',
  'guestName',
  'start',
  'end',
  'date',
  'quantity',
  'title',
  'firstDate',
  'startTime',
  'endTime',
  'recurrence',
  'scope',
  'override',
  'reason',
  'siteId',
  'people',
  'features',
  'from',
  'minutes',
  'capacity',
  'hourlyRate',
  'rules',
  'timeZone',
  'currency',
  'ownershipMonths',
  'hours',
  'address',
  'onClash',
  'at',
  'when',
  'client',
  'estimatedValue',
  'deadline',
  'skills',
  'visibility',
  'source',
  'sourceMemberId',
  'memberIds',
  'to',
  'decision',
  'agreedBy',
  'members',
  'leadMemberId',
  'answer',
  'taskId',
  'done',
  'finalValue',
  'lessons',
  'content',
  'text',
  'dueDate',
  'ownerMemberId',
];
const HOSTILE_TEXT = [
  "'; drop table members; --",
  'Robert"); DELETE FROM bookings; --',
  '<img src=x onerror="alert(1)">',
  '<script>window.pwned = 1</script>',
  '../../../../etc/passwd',
  '\u0000\u202e\uffff',
  '0001-01-01',
  '9999-12-31',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00Z',
  '1970-01-01T00:00:00Z',
  'NaN',
  '__proto__',
];

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 1.5),
  fc.array(fc.constantFrom(...HOSTILE_TEXT), { maxLength: 60 }),
  fc.dictionary(fc.constantFrom('freq', 'count', 'until', 'interval', 'byWeekday', 'slotMinutes'), fc.anything()),
  fc.anything(),
);
const hostileInput: fc.Arbitrary<unknown> = fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...FIELDS), hostileValue, { maxKeys: 8 }));

let t: TestCoop;
beforeAll(async () => {
  t = await startTestCoop();
  await bookingWorld(t);
});
afterAll(async () => {
  await t.close();
});

describe('hostile input at every channel', () => {
  const counts: Record<string, number> = {};
  for (const channel of Object.keys(contract)) {
    it(channel, async () => {
      counts[channel] = 0;
      await fc.assert(
        fc.asyncProperty(hostileInput, async (input) => {
          counts[channel]++;
          const before = await t.snapshot();
          const result = await t.coop.api.dispatch(channel, input, { role: 'manager', memberId: null });
          if (!result.ok) {
            expect(CODES).toContain(result.error.code);
            expect(typeof result.error.message).toBe('string');
            expect(await t.snapshot()).toEqual(before);
          }
        }),
        { numRuns: RUNS, seed: 20261124 },
      );
    });
  }
  afterAll(() => {
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(JSON.stringify({ bench: 'fuzz.inputs', channels: Object.keys(counts).length, per_channel: RUNS, total }));
  });
});

describe('text is kept as text', () => {
  it('SQL and HTML in text fields are stored verbatim and never run', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...HOSTILE_TEXT.slice(0, 5)), fc.string({ maxLength: 40 }), async (evil, noise) => {
        const tables = (await t.coop.database.db.introspection.getTables()).length;
        const email = `fuzz.${Math.random().toString(36).slice(2)}@example.coop`;
        const created = await t.call('members.create', {
          name: `${evil}${noise}`.trim() || 'x',
          email,
          memberSince: '2025-01-01',
          businessName: evil,
          notes: evil,
          offers: [evil.slice(0, 60)],
        });
        const read = await t.call('members.get', { id: created.id });
        expect(read.businessName).toBe(evil.trim());
        expect(read.notes).toBe(evil.trim());
        expect((await t.coop.database.db.introspection.getTables()).length).toBe(tables);
      }),
      { numRuns: 25, seed: 7 },
    );
  });
});
